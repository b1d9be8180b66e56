from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenForm")


@_attrs_define
class TokenForm:
    """A token request; which fields are needed depends on `grant_type`.

    Example:
        {'grant_type': 'client_credentials'}

    Attributes:
        grant_type (str | Unset): `authorization_code`, `refresh_token`, `client_credentials`, `password` (only for
            apps that enable it) or `urn:ietf:params:oauth:grant-type:device_code`.
        code (str | Unset): authorization_code: the code received at the redirect URI.
        redirect_uri (str | Unset): authorization_code: the redirect_uri of the authorization request, exactly.
        code_verifier (str | Unset): authorization_code: the PKCE verifier (RFC 7636); required when a challenge was
            sent.
        refresh_token (str | Unset): refresh_token: the refresh token; it is rotated, so keep the new one from the
            answer.
        scope (str | Unset): Space-delimited scopes: for refresh_token only a subset of the original grant.
        username (str | Unset): password: the user's username or email.
        password (str | Unset): password: the user's password.
        client_id (str | Unset): client_secret_post and public clients: the client id.
        client_secret (str | Unset): client_secret_post: the client secret (prefer HTTP Basic).
        client_assertion_type (str | Unset): private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
        client_assertion (str | Unset): private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523
            §2.2).
        device_code (str | Unset): device_code: the device code from `/oauth2/device_authorization` (RFC 8628).
        resource (list[str] | Unset): RFC 8707: the resource server(s) the access token is for, each an absolute URI
            registered here; repeat the field for several. A code exchange or
            refresh may name a subset of what was authorized. The token's `aud` is exactly these.
    """

    grant_type: str | Unset = UNSET
    code: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    code_verifier: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    scope: str | Unset = UNSET
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    client_assertion_type: str | Unset = UNSET
    client_assertion: str | Unset = UNSET
    device_code: str | Unset = UNSET
    resource: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        code = self.code

        redirect_uri = self.redirect_uri

        code_verifier = self.code_verifier

        refresh_token = self.refresh_token

        scope = self.scope

        username = self.username

        password = self.password

        client_id = self.client_id

        client_secret = self.client_secret

        client_assertion_type = self.client_assertion_type

        client_assertion = self.client_assertion

        device_code = self.device_code

        resource: list[str] | Unset = UNSET
        if not isinstance(self.resource, Unset):
            resource = self.resource

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if grant_type is not UNSET:
            field_dict["grant_type"] = grant_type
        if code is not UNSET:
            field_dict["code"] = code
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if code_verifier is not UNSET:
            field_dict["code_verifier"] = code_verifier
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if scope is not UNSET:
            field_dict["scope"] = scope
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if client_assertion_type is not UNSET:
            field_dict["client_assertion_type"] = client_assertion_type
        if client_assertion is not UNSET:
            field_dict["client_assertion"] = client_assertion
        if device_code is not UNSET:
            field_dict["device_code"] = device_code
        if resource is not UNSET:
            field_dict["resource"] = resource

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = d.pop("grant_type", UNSET)

        code = d.pop("code", UNSET)

        redirect_uri = d.pop("redirect_uri", UNSET)

        code_verifier = d.pop("code_verifier", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        scope = d.pop("scope", UNSET)

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        client_assertion_type = d.pop("client_assertion_type", UNSET)

        client_assertion = d.pop("client_assertion", UNSET)

        device_code = d.pop("device_code", UNSET)

        resource = cast(list[str], d.pop("resource", UNSET))

        token_form = cls(
            grant_type=grant_type,
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            refresh_token=refresh_token,
            scope=scope,
            username=username,
            password=password,
            client_id=client_id,
            client_secret=client_secret,
            client_assertion_type=client_assertion_type,
            client_assertion=client_assertion,
            device_code=device_code,
            resource=resource,
        )

        token_form.additional_properties = d
        return token_form

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
