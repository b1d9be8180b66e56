from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Authorization")


@_attrs_define
class Authorization:
    """One authorization the caller gave an app (a grant).

    Attributes:
        id (str): The grant's id: pass it to `revokeMyAuthorization`.
        client_id (str): The app's client_id.
        client_name (str): The app's name.
        scopes (list[str]): What the app may do.
        created_at (datetime.datetime): When the user first authorized it.
        last_used_at (datetime.datetime): When the app last used it (refreshing, or calling this server with its access
            tokens;
            recorded at most once a minute).
        expires_at (datetime.datetime): When it ends: no refresh after this.
        client_homepage_url (str | Unset): The app's homepage, when it registered one.
    """

    id: str
    client_id: str
    client_name: str
    scopes: list[str]
    created_at: datetime.datetime
    last_used_at: datetime.datetime
    expires_at: datetime.datetime
    client_homepage_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        client_id = self.client_id

        client_name = self.client_name

        scopes = self.scopes

        created_at = self.created_at.isoformat()

        last_used_at = self.last_used_at.isoformat()

        expires_at = self.expires_at.isoformat()

        client_homepage_url = self.client_homepage_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "client_name": client_name,
                "scopes": scopes,
                "created_at": created_at,
                "last_used_at": last_used_at,
                "expires_at": expires_at,
            }
        )
        if client_homepage_url is not UNSET:
            field_dict["client_homepage_url"] = client_homepage_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        client_id = d.pop("client_id")

        client_name = d.pop("client_name")

        scopes = cast(list[str], d.pop("scopes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        last_used_at = datetime.datetime.fromisoformat(d.pop("last_used_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        client_homepage_url = d.pop("client_homepage_url", UNSET)

        authorization = cls(
            id=id,
            client_id=client_id,
            client_name=client_name,
            scopes=scopes,
            created_at=created_at,
            last_used_at=last_used_at,
            expires_at=expires_at,
            client_homepage_url=client_homepage_url,
        )

        authorization.additional_properties = d
        return authorization

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
