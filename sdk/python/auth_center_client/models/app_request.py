from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppRequest")


@_attrs_define
class AppRequest:
    """Every field of an app (register, and replace with PUT). Omitted optional fields take their
    default.

        Example:
            {'client_type': 'confidential', 'description': 'Prints the photos you choose.', 'grant_types':
                ['authorization_code', 'refresh_token'], 'homepage_url': 'https://printer.example', 'name': 'Photo printer',
                'redirect_uris': ['https://printer.example/callback'], 'scopes': ['openid', 'profile', 'email']}

        Attributes:
            name (str): 1–100 characters (trimmed).
            description (str | Unset): At most 1000 characters.
            homepage_url (str | Unset): https (or http on localhost / a loopback address).
            logo_url (str | Unset): https (or http on localhost / a loopback address).
            redirect_uris (list[str] | Unset): Exact redirect URIs: https, or http only for localhost / loopback; no
                fragment; at most
                20. At least one for the authorization_code and implicit grants.
            post_logout_redirect_uris (list[str] | Unset): Where RP-initiated logout may return to; same rules as
                `redirect_uris`.
            client_type (str | Unset): `confidential` (default) or `public`; cannot change after registration.
            grant_types (list[str] | Unset): Any of `authorization_code`, `refresh_token`, `client_credentials`, `password`,
                `implicit`, `urn:ietf:params:oauth:grant-type:device_code`. Default:
                authorization_code and refresh_token. Only administrators may enable `password`
                (confidential apps only) and `implicit` (RFC 9700 §2.4, §2.1.2).
            scopes (list[str] | Unset): Scopes the app may ask for: `openid profile profile:write email groups
                offline_access
                apps authorizations` (`admin` only for administrators' apps, added through their session
                or an `admin` token). Default: openid profile email.
            access_token_ttl_secs (int | Unset): 60 s up to `oauth.max_access_token_ttl_secs`; absent: the server default.
            refresh_token_ttl_secs (int | Unset): 60 s up to `oauth.max_refresh_token_ttl_secs`; absent: the server default.
            first_party (bool | Unset): Skips the consent page; only administrators may set or change it.
            introspection (bool | Unset): May introspect other apps' tokens (a resource server); only administrators may set
                or
                change it.
            require_pushed_authorization_requests (bool | Unset): Authorization requests must be pushed to `/oauth2/par`
                first (RFC 9126). Default: false.
            require_mfa (bool | Unset): Every authorization request needs a sign-in with a second factor (acr
                `urn:auth-center:acr:mfa`); not with the password grant, which cannot ask for one.
                Default: false.
            dpop_bound_access_tokens (bool | Unset): Every token request must carry a DPoP proof (RFC 9449 §5.2): without
                one the token
                endpoint answers `invalid_request`. Default: false.
            fapi2 (bool | Unset): Enforce the FAPI 2.0 Security Profile for this app: pushed requests only, `code` with
                PKCE S256, `private_key_jwt` (set `jwks` or `jwks_uri`) signed with PS256, ES256 or
                EdDSA, DPoP-bound tokens, codes valid 60 s; no implicit, password or device code grant.
                Default: false.
            token_endpoint_auth_method (str | Unset): How the app authenticates at the token endpoint: `client_secret_basic`
                (default for a
                confidential app; `client_secret_post` works too), `private_key_jwt` (signed assertions,
                RFC 7523: set `jwks` or `jwks_uri`; the app then has no secret) or `none` (public apps).
            jwks (Any | Unset): private_key_jwt: a JWK set of public keys (`{"keys": [...]}`; EC P-256, OKP Ed25519 or
                RSA of 2048 bits or more; a key with a private member is refused).
            jwks_uri (str | Unset): private_key_jwt: the https URL of the app's JWK set, fetched when the app authenticates.
    """

    name: str
    description: str | Unset = UNSET
    homepage_url: str | Unset = UNSET
    logo_url: str | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    post_logout_redirect_uris: list[str] | Unset = UNSET
    client_type: str | Unset = UNSET
    grant_types: list[str] | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    access_token_ttl_secs: int | Unset = UNSET
    refresh_token_ttl_secs: int | Unset = UNSET
    first_party: bool | Unset = UNSET
    introspection: bool | Unset = UNSET
    require_pushed_authorization_requests: bool | Unset = UNSET
    require_mfa: bool | Unset = UNSET
    dpop_bound_access_tokens: bool | Unset = UNSET
    fapi2: bool | Unset = UNSET
    token_endpoint_auth_method: str | Unset = UNSET
    jwks: Any | Unset = UNSET
    jwks_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        homepage_url = self.homepage_url

        logo_url = self.logo_url

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        post_logout_redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = self.post_logout_redirect_uris

        client_type = self.client_type

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = self.grant_types

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        access_token_ttl_secs = self.access_token_ttl_secs

        refresh_token_ttl_secs = self.refresh_token_ttl_secs

        first_party = self.first_party

        introspection = self.introspection

        require_pushed_authorization_requests = self.require_pushed_authorization_requests

        require_mfa = self.require_mfa

        dpop_bound_access_tokens = self.dpop_bound_access_tokens

        fapi2 = self.fapi2

        token_endpoint_auth_method = self.token_endpoint_auth_method

        jwks = self.jwks

        jwks_uri = self.jwks_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if homepage_url is not UNSET:
            field_dict["homepage_url"] = homepage_url
        if logo_url is not UNSET:
            field_dict["logo_url"] = logo_url
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if post_logout_redirect_uris is not UNSET:
            field_dict["post_logout_redirect_uris"] = post_logout_redirect_uris
        if client_type is not UNSET:
            field_dict["client_type"] = client_type
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if access_token_ttl_secs is not UNSET:
            field_dict["access_token_ttl_secs"] = access_token_ttl_secs
        if refresh_token_ttl_secs is not UNSET:
            field_dict["refresh_token_ttl_secs"] = refresh_token_ttl_secs
        if first_party is not UNSET:
            field_dict["first_party"] = first_party
        if introspection is not UNSET:
            field_dict["introspection"] = introspection
        if require_pushed_authorization_requests is not UNSET:
            field_dict["require_pushed_authorization_requests"] = require_pushed_authorization_requests
        if require_mfa is not UNSET:
            field_dict["require_mfa"] = require_mfa
        if dpop_bound_access_tokens is not UNSET:
            field_dict["dpop_bound_access_tokens"] = dpop_bound_access_tokens
        if fapi2 is not UNSET:
            field_dict["fapi2"] = fapi2
        if token_endpoint_auth_method is not UNSET:
            field_dict["token_endpoint_auth_method"] = token_endpoint_auth_method
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        homepage_url = d.pop("homepage_url", UNSET)

        logo_url = d.pop("logo_url", UNSET)

        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris", UNSET))

        client_type = d.pop("client_type", UNSET)

        grant_types = cast(list[str], d.pop("grant_types", UNSET))

        scopes = cast(list[str], d.pop("scopes", UNSET))

        access_token_ttl_secs = d.pop("access_token_ttl_secs", UNSET)

        refresh_token_ttl_secs = d.pop("refresh_token_ttl_secs", UNSET)

        first_party = d.pop("first_party", UNSET)

        introspection = d.pop("introspection", UNSET)

        require_pushed_authorization_requests = d.pop("require_pushed_authorization_requests", UNSET)

        require_mfa = d.pop("require_mfa", UNSET)

        dpop_bound_access_tokens = d.pop("dpop_bound_access_tokens", UNSET)

        fapi2 = d.pop("fapi2", UNSET)

        token_endpoint_auth_method = d.pop("token_endpoint_auth_method", UNSET)

        jwks = d.pop("jwks", UNSET)

        jwks_uri = d.pop("jwks_uri", UNSET)

        app_request = cls(
            name=name,
            description=description,
            homepage_url=homepage_url,
            logo_url=logo_url,
            redirect_uris=redirect_uris,
            post_logout_redirect_uris=post_logout_redirect_uris,
            client_type=client_type,
            grant_types=grant_types,
            scopes=scopes,
            access_token_ttl_secs=access_token_ttl_secs,
            refresh_token_ttl_secs=refresh_token_ttl_secs,
            first_party=first_party,
            introspection=introspection,
            require_pushed_authorization_requests=require_pushed_authorization_requests,
            require_mfa=require_mfa,
            dpop_bound_access_tokens=dpop_bound_access_tokens,
            fapi2=fapi2,
            token_endpoint_auth_method=token_endpoint_auth_method,
            jwks=jwks,
            jwks_uri=jwks_uri,
        )

        app_request.additional_properties = d
        return app_request

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
