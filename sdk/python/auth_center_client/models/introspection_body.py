from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntrospectionBody")


@_attrs_define
class IntrospectionBody:
    """The state of a token (RFC 7662 §2.2); only `active` is present for inactive tokens.

    Attributes:
        active (bool): Whether the token is valid now: issued here, not expired, not revoked.
        scope (str | Unset):
        client_id (str | Unset):
        sub (str | Unset): The user id, or the client id for client_credentials tokens.
        token_type (str | Unset): `Bearer`, `DPoP` (a token bound to a key, RFC 9449 §6.2) or `refresh_token`.
        exp (int | Unset):
        iat (int | Unset):
        iss (str | Unset):
        aud (Any | Unset): The audience as issued: the issuer, or the resource identifier (a string) or
            identifiers (an array) the token was requested for (RFC 8707).
        jti (str | Unset):
        cnf (Any | Unset): The confirmation of a DPoP-bound token: `{"jkt": <JWK SHA-256 thumbprint>}`
            (RFC 9449 §6.2).
        auth_time (int | Unset): When the person signed in (seconds since the epoch), for a user's access token.
        acr (str | Unset): How the person signed in: `urn:auth-center:acr:password` or `urn:auth-center:acr:mfa`
            (RFC 9470 §6.1); absent for tokens that were refreshed or are an app's own.
    """

    active: bool
    scope: str | Unset = UNSET
    client_id: str | Unset = UNSET
    sub: str | Unset = UNSET
    token_type: str | Unset = UNSET
    exp: int | Unset = UNSET
    iat: int | Unset = UNSET
    iss: str | Unset = UNSET
    aud: Any | Unset = UNSET
    jti: str | Unset = UNSET
    cnf: Any | Unset = UNSET
    auth_time: int | Unset = UNSET
    acr: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        scope = self.scope

        client_id = self.client_id

        sub = self.sub

        token_type = self.token_type

        exp = self.exp

        iat = self.iat

        iss = self.iss

        aud = self.aud

        jti = self.jti

        cnf = self.cnf

        auth_time = self.auth_time

        acr = self.acr

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if sub is not UNSET:
            field_dict["sub"] = sub
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if exp is not UNSET:
            field_dict["exp"] = exp
        if iat is not UNSET:
            field_dict["iat"] = iat
        if iss is not UNSET:
            field_dict["iss"] = iss
        if aud is not UNSET:
            field_dict["aud"] = aud
        if jti is not UNSET:
            field_dict["jti"] = jti
        if cnf is not UNSET:
            field_dict["cnf"] = cnf
        if auth_time is not UNSET:
            field_dict["auth_time"] = auth_time
        if acr is not UNSET:
            field_dict["acr"] = acr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        scope = d.pop("scope", UNSET)

        client_id = d.pop("client_id", UNSET)

        sub = d.pop("sub", UNSET)

        token_type = d.pop("token_type", UNSET)

        exp = d.pop("exp", UNSET)

        iat = d.pop("iat", UNSET)

        iss = d.pop("iss", UNSET)

        aud = d.pop("aud", UNSET)

        jti = d.pop("jti", UNSET)

        cnf = d.pop("cnf", UNSET)

        auth_time = d.pop("auth_time", UNSET)

        acr = d.pop("acr", UNSET)

        introspection_body = cls(
            active=active,
            scope=scope,
            client_id=client_id,
            sub=sub,
            token_type=token_type,
            exp=exp,
            iat=iat,
            iss=iss,
            aud=aud,
            jti=jti,
            cnf=cnf,
            auth_time=auth_time,
            acr=acr,
        )

        introspection_body.additional_properties = d
        return introspection_body

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
