from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenBody")


@_attrs_define
class TokenBody:
    """Tokens issued by a successful request (RFC 6749 §5.1).

    Attributes:
        access_token (str): A JWT access token (RFC 9068), to send as `Authorization: Bearer`, or, when
            `token_type` is `DPoP`, as `Authorization: DPoP` with a proof (RFC 9449 §7.1).
        token_type (str): `Bearer`, or `DPoP` when the request carried a DPoP proof: the access token is then
            bound to the proof's key (`cnf.jkt`).
        expires_in (int): Seconds until the access token expires.
        scope (str): The granted scopes, space-delimited.
        refresh_token (str | Unset): A refresh token, when the client may refresh (and, with `openid`, `offline_access`
            was
            granted). Single use: each refresh returns a new one.
        id_token (str | Unset): An OpenID Connect id_token, when `openid` was granted with a code.
    """

    access_token: str
    token_type: str
    expires_in: int
    scope: str
    refresh_token: str | Unset = UNSET
    id_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        scope = self.scope

        refresh_token = self.refresh_token

        id_token = self.id_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
                "expires_in": expires_in,
                "scope": scope,
            }
        )
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if id_token is not UNSET:
            field_dict["id_token"] = id_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = d.pop("token_type")

        expires_in = d.pop("expires_in")

        scope = d.pop("scope")

        refresh_token = d.pop("refresh_token", UNSET)

        id_token = d.pop("id_token", UNSET)

        token_body = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            scope=scope,
            refresh_token=refresh_token,
            id_token=id_token,
        )

        token_body.additional_properties = d
        return token_body

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
