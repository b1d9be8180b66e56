from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """A person's own account, as they see it. Through an access token, `email` and
    `email_verified` come only with the `email` scope and `is_admin` only with `admin`; the
    browser session sees them all.

        Attributes:
            id (str):
            username (str):
            created_at (datetime.datetime):
            email (str | Unset):
            email_verified (bool | Unset):
            display_name (str | Unset):
            is_admin (bool | Unset):
            locale (str | Unset): The language of the person's pages and emails (`en`, `zh-CN`), once chosen.
    """

    id: str
    username: str
    created_at: datetime.datetime
    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    display_name: str | Unset = UNSET
    is_admin: bool | Unset = UNSET
    locale: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        created_at = self.created_at.isoformat()

        email = self.email

        email_verified = self.email_verified

        display_name = self.display_name

        is_admin = self.is_admin

        locale = self.locale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "created_at": created_at,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if is_admin is not UNSET:
            field_dict["is_admin"] = is_admin
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        email = d.pop("email", UNSET)

        email_verified = d.pop("email_verified", UNSET)

        display_name = d.pop("display_name", UNSET)

        is_admin = d.pop("is_admin", UNSET)

        locale = d.pop("locale", UNSET)

        me = cls(
            id=id,
            username=username,
            created_at=created_at,
            email=email,
            email_verified=email_verified,
            display_name=display_name,
            is_admin=is_admin,
            locale=locale,
        )

        me.additional_properties = d
        return me

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
