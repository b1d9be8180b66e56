from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_scope_object import ResourceScopeObject


T = TypeVar("T", bound="ResourceServer")


@_attrs_define
class ResourceServer:
    """An API that accepts this server's access tokens (RFC 8707 resource server).

    Attributes:
        id (str): The record id (`built-in` for this server's own API).
        identifier (str): The URI clients send as `resource` and tokens carry as `aud`.
        name (str):
        scopes (list[ResourceScopeObject]):
        introspection (bool): Whether it may call the introspection endpoint.
        built_in (bool): True for this server's own API, which cannot be changed or deleted.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        access_token_ttl_secs (int | Unset): Lifetime of access tokens for it; absent: the server's default.
    """

    id: str
    identifier: str
    name: str
    scopes: list[ResourceScopeObject]
    introspection: bool
    built_in: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    access_token_ttl_secs: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        identifier = self.identifier

        name = self.name

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.to_dict()
            scopes.append(scopes_item)

        introspection = self.introspection

        built_in = self.built_in

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        access_token_ttl_secs = self.access_token_ttl_secs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "identifier": identifier,
                "name": name,
                "scopes": scopes,
                "introspection": introspection,
                "built_in": built_in,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if access_token_ttl_secs is not UNSET:
            field_dict["access_token_ttl_secs"] = access_token_ttl_secs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_scope_object import ResourceScopeObject  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        identifier = d.pop("identifier")

        name = d.pop("name")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ResourceScopeObject.from_dict(scopes_item_data)

            scopes.append(scopes_item)

        introspection = d.pop("introspection")

        built_in = d.pop("built_in")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        access_token_ttl_secs = d.pop("access_token_ttl_secs", UNSET)

        resource_server = cls(
            id=id,
            identifier=identifier,
            name=name,
            scopes=scopes,
            introspection=introspection,
            built_in=built_in,
            created_at=created_at,
            updated_at=updated_at,
            access_token_ttl_secs=access_token_ttl_secs,
        )

        resource_server.additional_properties = d
        return resource_server

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
