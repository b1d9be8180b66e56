from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserResource")


@_attrs_define
class UserResource:
    """A user's public profile.

    Example:
        {'display_name': 'Alice Liddell', 'email': 'alice@example.com', 'email_verified': True, 'id':
            '01933b6e-7c1a-7f3e-9d2a-4c5b6a7d8e9f', 'username': 'alice'}

    Attributes:
        id (str):
        username (str):
        display_name (str | Unset):
        email (str | Unset): Only when the token carries the `email` scope.
        email_verified (bool | Unset): Whether the person proved they read `email` (followed a link sent to it). Anyone
            can
            register with an address they do not own: never treat an unverified email as an
            identity. Present exactly when `email` is.
    """

    id: str
    username: str
    display_name: str | Unset = UNSET
    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        email = self.email

        email_verified = self.email_verified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        display_name = d.pop("display_name", UNSET)

        email = d.pop("email", UNSET)

        email_verified = d.pop("email_verified", UNSET)

        user_resource = cls(
            id=id,
            username=username,
            display_name=display_name,
            email=email,
            email_verified=email_verified,
        )

        user_resource.additional_properties = d
        return user_resource

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
