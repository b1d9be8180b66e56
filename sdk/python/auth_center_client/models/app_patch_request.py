from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppPatchRequest")


@_attrs_define
class AppPatchRequest:
    """Some fields of an app (PATCH); omitted fields keep their value, `null` clears an optional
    one. Same rules as `AppRequest`.

        Example:
            {'access_token_ttl_secs': 900, 'redirect_uris': ['https://printer.example/callback',
                'http://127.0.0.1:8400/callback']}

        Attributes:
            name (str | Unset):
            description (str | Unset):
            homepage_url (str | Unset):
            logo_url (str | Unset):
            redirect_uris (list[str] | Unset):
            post_logout_redirect_uris (list[str] | Unset):
            client_type (str | Unset):
            grant_types (list[str] | Unset):
            scopes (list[str] | Unset):
            access_token_ttl_secs (int | Unset):
            refresh_token_ttl_secs (int | Unset):
            first_party (bool | Unset):
            introspection (bool | Unset):
            require_pushed_authorization_requests (bool | Unset):
            require_mfa (bool | Unset):
            dpop_bound_access_tokens (bool | Unset):
            fapi2 (bool | Unset):
            token_endpoint_auth_method (str | Unset): A method other than `private_key_jwt` drops the keys (rotate the
                secret to get one).
            jwks (Any | Unset): New keys; `jwks` or `jwks_uri` replaces both, `null` clears.
            jwks_uri (str | Unset):
    """

    name: str | Unset = UNSET
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
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
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
        name = d.pop("name", UNSET)

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

        app_patch_request = cls(
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

        app_patch_request.additional_properties = d
        return app_patch_request

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
