from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientMetadataRequest")


@_attrs_define
class ClientMetadataRequest:
    """Client metadata (RFC 7591 §2). Omitted members take the server's defaults on registration
    and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.

        Attributes:
            redirect_uris (list[str] | Unset): Exact redirect URIs: https, or http only on a loopback host; no fragment; at
                most 20.
                Required for the authorization_code grant.
            token_endpoint_auth_method (str | Unset): `client_secret_basic` (default), `client_secret_post`,
                `private_key_jwt` (with `jwks`
                or `jwks_uri`) or `none` (a public client, which uses PKCE).
            grant_types (list[str] | Unset): Any of `authorization_code`, `refresh_token`, `client_credentials`,
                `urn:ietf:params:oauth:grant-type:device_code`. Default: authorization_code and
                refresh_token. `password` and `implicit` are for apps an administrator sets up.
            response_types (list[str] | Unset): `code` (the only one without the implicit grant). Default: `code`.
            client_name (str | Unset): Shown on the consent page, 1–100 characters. Default: "App at" the host of
                `client_uri` or the first redirect URI.
            client_uri (str | Unset):
            logo_uri (str | Unset):
            scope (str | Unset): Space-delimited scopes the client may ask for. Default: `openid profile email`.
            contacts (list[str] | Unset): At most 10, each at most 200 characters.
            tos_uri (str | Unset):
            policy_uri (str | Unset):
            jwks (Any | Unset): private_key_jwt: a JWK set of public keys.
            jwks_uri (str | Unset): private_key_jwt: the https URL of the client's JWK set.
            software_id (str | Unset): At most 200 characters.
            software_version (str | Unset): At most 200 characters.
            software_statement (str | Unset): Ignored: software statements are not supported (RFC 7591 §2.3 lets a server
                ignore
                them).
            post_logout_redirect_uris (list[str] | Unset): Where RP-initiated logout may return to; same rules as
                `redirect_uris`.
            require_pushed_authorization_requests (bool | Unset): Authorization requests must be pushed to `/oauth2/par`
                first (RFC 9126).
            dpop_bound_access_tokens (bool | Unset): RFC 9449 §5.2: every token request must carry a DPoP proof, so that
                each access token
                is bound to a key. Default: false.
            client_id (str | Unset): Update only: the client's own client id (RFC 7592 §2.2).
            client_secret (str | Unset): Update only: when given, the client's current secret (it cannot be chosen).
    """

    redirect_uris: list[str] | Unset = UNSET
    token_endpoint_auth_method: str | Unset = UNSET
    grant_types: list[str] | Unset = UNSET
    response_types: list[str] | Unset = UNSET
    client_name: str | Unset = UNSET
    client_uri: str | Unset = UNSET
    logo_uri: str | Unset = UNSET
    scope: str | Unset = UNSET
    contacts: list[str] | Unset = UNSET
    tos_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    jwks: Any | Unset = UNSET
    jwks_uri: str | Unset = UNSET
    software_id: str | Unset = UNSET
    software_version: str | Unset = UNSET
    software_statement: str | Unset = UNSET
    post_logout_redirect_uris: list[str] | Unset = UNSET
    require_pushed_authorization_requests: bool | Unset = UNSET
    dpop_bound_access_tokens: bool | Unset = UNSET
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        token_endpoint_auth_method = self.token_endpoint_auth_method

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = self.grant_types

        response_types: list[str] | Unset = UNSET
        if not isinstance(self.response_types, Unset):
            response_types = self.response_types

        client_name = self.client_name

        client_uri = self.client_uri

        logo_uri = self.logo_uri

        scope = self.scope

        contacts: list[str] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = self.contacts

        tos_uri = self.tos_uri

        policy_uri = self.policy_uri

        jwks = self.jwks

        jwks_uri = self.jwks_uri

        software_id = self.software_id

        software_version = self.software_version

        software_statement = self.software_statement

        post_logout_redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = self.post_logout_redirect_uris

        require_pushed_authorization_requests = self.require_pushed_authorization_requests

        dpop_bound_access_tokens = self.dpop_bound_access_tokens

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if token_endpoint_auth_method is not UNSET:
            field_dict["token_endpoint_auth_method"] = token_endpoint_auth_method
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
        if response_types is not UNSET:
            field_dict["response_types"] = response_types
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if client_uri is not UNSET:
            field_dict["client_uri"] = client_uri
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if scope is not UNSET:
            field_dict["scope"] = scope
        if contacts is not UNSET:
            field_dict["contacts"] = contacts
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri
        if software_id is not UNSET:
            field_dict["software_id"] = software_id
        if software_version is not UNSET:
            field_dict["software_version"] = software_version
        if software_statement is not UNSET:
            field_dict["software_statement"] = software_statement
        if post_logout_redirect_uris is not UNSET:
            field_dict["post_logout_redirect_uris"] = post_logout_redirect_uris
        if require_pushed_authorization_requests is not UNSET:
            field_dict["require_pushed_authorization_requests"] = require_pushed_authorization_requests
        if dpop_bound_access_tokens is not UNSET:
            field_dict["dpop_bound_access_tokens"] = dpop_bound_access_tokens
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))

        token_endpoint_auth_method = d.pop("token_endpoint_auth_method", UNSET)

        grant_types = cast(list[str], d.pop("grant_types", UNSET))

        response_types = cast(list[str], d.pop("response_types", UNSET))

        client_name = d.pop("client_name", UNSET)

        client_uri = d.pop("client_uri", UNSET)

        logo_uri = d.pop("logo_uri", UNSET)

        scope = d.pop("scope", UNSET)

        contacts = cast(list[str], d.pop("contacts", UNSET))

        tos_uri = d.pop("tos_uri", UNSET)

        policy_uri = d.pop("policy_uri", UNSET)

        jwks = d.pop("jwks", UNSET)

        jwks_uri = d.pop("jwks_uri", UNSET)

        software_id = d.pop("software_id", UNSET)

        software_version = d.pop("software_version", UNSET)

        software_statement = d.pop("software_statement", UNSET)

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris", UNSET))

        require_pushed_authorization_requests = d.pop("require_pushed_authorization_requests", UNSET)

        dpop_bound_access_tokens = d.pop("dpop_bound_access_tokens", UNSET)

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        client_metadata_request = cls(
            redirect_uris=redirect_uris,
            token_endpoint_auth_method=token_endpoint_auth_method,
            grant_types=grant_types,
            response_types=response_types,
            client_name=client_name,
            client_uri=client_uri,
            logo_uri=logo_uri,
            scope=scope,
            contacts=contacts,
            tos_uri=tos_uri,
            policy_uri=policy_uri,
            jwks=jwks,
            jwks_uri=jwks_uri,
            software_id=software_id,
            software_version=software_version,
            software_statement=software_statement,
            post_logout_redirect_uris=post_logout_redirect_uris,
            require_pushed_authorization_requests=require_pushed_authorization_requests,
            dpop_bound_access_tokens=dpop_bound_access_tokens,
            client_id=client_id,
            client_secret=client_secret,
        )

        client_metadata_request.additional_properties = d
        return client_metadata_request

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
