from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminUser")


@_attrs_define
class AdminUser:
    """An account as administrators see it. Never carries the password hash.

    Attributes:
        id (str):
        username (str):
        email (str):
        email_verified (bool):
        is_admin (bool):
        disabled (bool): A disabled account cannot log in and holds no sessions or tokens.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        display_name (str | Unset):
    """

    id: str
    username: str
    email: str
    email_verified: bool
    is_admin: bool
    disabled: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    display_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        email = self.email

        email_verified = self.email_verified

        is_admin = self.is_admin

        disabled = self.disabled

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        display_name = self.display_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "email": email,
                "email_verified": email_verified,
                "is_admin": is_admin,
                "disabled": disabled,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        email = d.pop("email")

        email_verified = d.pop("email_verified")

        is_admin = d.pop("is_admin")

        disabled = d.pop("disabled")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        display_name = d.pop("display_name", UNSET)

        admin_user = cls(
            id=id,
            username=username,
            email=email,
            email_verified=email_verified,
            is_admin=is_admin,
            disabled=disabled,
            created_at=created_at,
            updated_at=updated_at,
            display_name=display_name,
        )

        admin_user.additional_properties = d
        return admin_user

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
