from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_scope_object import ResourceScopeObject


T = TypeVar("T", bound="UpdateResourceServerRequest")


@_attrs_define
class UpdateResourceServerRequest:
    """A change to a resource server; omitted fields keep their value. The identifier never
    changes.

        Attributes:
            name (str | Unset):
            scopes (list[ResourceScopeObject] | Unset): Replaces every scope.
            access_token_ttl_secs (int | Unset):
            introspection (bool | Unset):
    """

    name: str | Unset = UNSET
    scopes: list[ResourceScopeObject] | Unset = UNSET
    access_token_ttl_secs: int | Unset = UNSET
    introspection: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.to_dict()
                scopes.append(scopes_item)

        access_token_ttl_secs = self.access_token_ttl_secs

        introspection = self.introspection

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if access_token_ttl_secs is not UNSET:
            field_dict["access_token_ttl_secs"] = access_token_ttl_secs
        if introspection is not UNSET:
            field_dict["introspection"] = introspection

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resource_scope_object import ResourceScopeObject  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _scopes = d.pop("scopes", UNSET)
        scopes: list[ResourceScopeObject] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = ResourceScopeObject.from_dict(scopes_item_data)

                scopes.append(scopes_item)

        access_token_ttl_secs = d.pop("access_token_ttl_secs", UNSET)

        introspection = d.pop("introspection", UNSET)

        update_resource_server_request = cls(
            name=name,
            scopes=scopes,
            access_token_ttl_secs=access_token_ttl_secs,
            introspection=introspection,
        )

        update_resource_server_request.additional_properties = d
        return update_resource_server_request

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
