from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParForm")


@_attrs_define
class ParForm:
    """An authorization request, pushed: the parameters of `/oauth2/authorize`, plus client
    authentication.

        Attributes:
            response_type (str | Unset): `code` (or an implicit/hybrid type the app may use).
            client_id (str | Unset): The app's client id; with HTTP Basic it may be left out.
            client_secret (str | Unset): client_secret_post: the client secret (prefer HTTP Basic).
            client_assertion_type (str | Unset): private_key_jwt: `urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
            client_assertion (str | Unset): private_key_jwt: a JWT signed with one of the app's registered keys (RFC 7523
                §2.2).
            redirect_uri (str | Unset): One of the app's registered redirect URIs.
            scope (str | Unset): Space-delimited scopes.
            state (str | Unset):
            nonce (str | Unset): Required when an id_token is returned from the authorization endpoint.
            code_challenge (str | Unset): PKCE (RFC 7636); required for public apps.
            code_challenge_method (str | Unset): `S256`.
            prompt (str | Unset): `none`, `login`, `consent` (OIDC Core §3.1.2.1).
            max_age (str | Unset):
            acr_values (str | Unset): Space-separated `acr` values (OIDC Core §3.1.2.1); naming only
                `urn:auth-center:acr:mfa` requires a sign-in with a second factor.
            login_hint (str | Unset):
            ui_locales (str | Unset):
            response_mode (str | Unset): `query` or `fragment`.
            request_uri (str | Unset): Refused here (RFC 9126 §2.1): a pushed request cannot point to another.
            dpop_jkt (str | Unset): RFC 9449 §10: the JWK SHA-256 thumbprint of the DPoP key the code's exchange will prove.
            resource (list[str] | Unset): RFC 8707: the resource server(s) the access token is for, each an absolute URI
                registered here; repeat the field for several. The token's `aud` is exactly these.
    """

    response_type: str | Unset = UNSET
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    client_assertion_type: str | Unset = UNSET
    client_assertion: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    scope: str | Unset = UNSET
    state: str | Unset = UNSET
    nonce: str | Unset = UNSET
    code_challenge: str | Unset = UNSET
    code_challenge_method: str | Unset = UNSET
    prompt: str | Unset = UNSET
    max_age: str | Unset = UNSET
    acr_values: str | Unset = UNSET
    login_hint: str | Unset = UNSET
    ui_locales: str | Unset = UNSET
    response_mode: str | Unset = UNSET
    request_uri: str | Unset = UNSET
    dpop_jkt: str | Unset = UNSET
    resource: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_type = self.response_type

        client_id = self.client_id

        client_secret = self.client_secret

        client_assertion_type = self.client_assertion_type

        client_assertion = self.client_assertion

        redirect_uri = self.redirect_uri

        scope = self.scope

        state = self.state

        nonce = self.nonce

        code_challenge = self.code_challenge

        code_challenge_method = self.code_challenge_method

        prompt = self.prompt

        max_age = self.max_age

        acr_values = self.acr_values

        login_hint = self.login_hint

        ui_locales = self.ui_locales

        response_mode = self.response_mode

        request_uri = self.request_uri

        dpop_jkt = self.dpop_jkt

        resource: list[str] | Unset = UNSET
        if not isinstance(self.resource, Unset):
            resource = self.resource

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if response_type is not UNSET:
            field_dict["response_type"] = response_type
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if client_assertion_type is not UNSET:
            field_dict["client_assertion_type"] = client_assertion_type
        if client_assertion is not UNSET:
            field_dict["client_assertion"] = client_assertion
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if scope is not UNSET:
            field_dict["scope"] = scope
        if state is not UNSET:
            field_dict["state"] = state
        if nonce is not UNSET:
            field_dict["nonce"] = nonce
        if code_challenge is not UNSET:
            field_dict["code_challenge"] = code_challenge
        if code_challenge_method is not UNSET:
            field_dict["code_challenge_method"] = code_challenge_method
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if max_age is not UNSET:
            field_dict["max_age"] = max_age
        if acr_values is not UNSET:
            field_dict["acr_values"] = acr_values
        if login_hint is not UNSET:
            field_dict["login_hint"] = login_hint
        if ui_locales is not UNSET:
            field_dict["ui_locales"] = ui_locales
        if response_mode is not UNSET:
            field_dict["response_mode"] = response_mode
        if request_uri is not UNSET:
            field_dict["request_uri"] = request_uri
        if dpop_jkt is not UNSET:
            field_dict["dpop_jkt"] = dpop_jkt
        if resource is not UNSET:
            field_dict["resource"] = resource

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response_type = d.pop("response_type", UNSET)

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        client_assertion_type = d.pop("client_assertion_type", UNSET)

        client_assertion = d.pop("client_assertion", UNSET)

        redirect_uri = d.pop("redirect_uri", UNSET)

        scope = d.pop("scope", UNSET)

        state = d.pop("state", UNSET)

        nonce = d.pop("nonce", UNSET)

        code_challenge = d.pop("code_challenge", UNSET)

        code_challenge_method = d.pop("code_challenge_method", UNSET)

        prompt = d.pop("prompt", UNSET)

        max_age = d.pop("max_age", UNSET)

        acr_values = d.pop("acr_values", UNSET)

        login_hint = d.pop("login_hint", UNSET)

        ui_locales = d.pop("ui_locales", UNSET)

        response_mode = d.pop("response_mode", UNSET)

        request_uri = d.pop("request_uri", UNSET)

        dpop_jkt = d.pop("dpop_jkt", UNSET)

        resource = cast(list[str], d.pop("resource", UNSET))

        par_form = cls(
            response_type=response_type,
            client_id=client_id,
            client_secret=client_secret,
            client_assertion_type=client_assertion_type,
            client_assertion=client_assertion,
            redirect_uri=redirect_uri,
            scope=scope,
            state=state,
            nonce=nonce,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            prompt=prompt,
            max_age=max_age,
            acr_values=acr_values,
            login_hint=login_hint,
            ui_locales=ui_locales,
            response_mode=response_mode,
            request_uri=request_uri,
            dpop_jkt=dpop_jkt,
            resource=resource,
        )

        par_form.additional_properties = d
        return par_form

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
