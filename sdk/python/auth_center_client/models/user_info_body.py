from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserInfoBody")


@_attrs_define
class UserInfoBody:
    """Claims about the user (OIDC Core §5.1); absent when the token's scope does not cover them.

    Attributes:
        sub (str): The user's stable id.
        name (str | Unset): `profile`: display name (the username when none is set).
        preferred_username (str | Unset): `profile`: the username.
        locale (str | Unset): `profile`: preferred language (BCP 47).
        updated_at (int | Unset): `profile`: last update of the profile, seconds since the epoch.
        email (str | Unset): `email`: the email address.
        email_verified (bool | Unset): `email`: whether the address was verified.
        groups (list[str] | Unset): `groups`: names of the user's groups.
    """

    sub: str
    name: str | Unset = UNSET
    preferred_username: str | Unset = UNSET
    locale: str | Unset = UNSET
    updated_at: int | Unset = UNSET
    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    groups: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub = self.sub

        name = self.name

        preferred_username = self.preferred_username

        locale = self.locale

        updated_at = self.updated_at

        email = self.email

        email_verified = self.email_verified

        groups: list[str] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = self.groups

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sub": sub,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if preferred_username is not UNSET:
            field_dict["preferred_username"] = preferred_username
        if locale is not UNSET:
            field_dict["locale"] = locale
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified
        if groups is not UNSET:
            field_dict["groups"] = groups

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sub = d.pop("sub")

        name = d.pop("name", UNSET)

        preferred_username = d.pop("preferred_username", UNSET)

        locale = d.pop("locale", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        email = d.pop("email", UNSET)

        email_verified = d.pop("email_verified", UNSET)

        groups = cast(list[str], d.pop("groups", UNSET))

        user_info_body = cls(
            sub=sub,
            name=name,
            preferred_username=preferred_username,
            locale=locale,
            updated_at=updated_at,
            email=email,
            email_verified=email_verified,
            groups=groups,
        )

        user_info_body.additional_properties = d
        return user_info_body

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
