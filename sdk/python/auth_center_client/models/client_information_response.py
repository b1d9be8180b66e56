from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientInformationResponse")


@_attrs_define
class ClientInformationResponse:
    """A registered client (RFC 7591 §3.2.1, RFC 7592 §3): its credentials and its metadata as
    registered.

        Attributes:
            client_id (str):
            client_id_issued_at (int): Seconds since the epoch.
            registration_access_token (str): Authorizes reading, changing and deleting this registration at
                `registration_client_uri`. A new one is issued with every read and update: keep the
                latest.
            registration_client_uri (str):
            redirect_uris (list[str]):
            token_endpoint_auth_method (str):
            grant_types (list[str]):
            response_types (list[str]):
            client_name (str):
            scope (str):
            require_pushed_authorization_requests (bool):
            dpop_bound_access_tokens (bool):
            client_secret (str | Unset): Only in the answer to the registration of a confidential client that uses a secret:
                the server keeps a digest and cannot show it again.
            client_secret_expires_at (int | Unset): 0: the secret does not expire. Present when the client has a secret.
            client_uri (str | Unset):
            logo_uri (str | Unset):
            contacts (list[str] | Unset):
            tos_uri (str | Unset):
            policy_uri (str | Unset):
            jwks (Any | Unset):
            jwks_uri (str | Unset):
            software_id (str | Unset):
            software_version (str | Unset):
            post_logout_redirect_uris (list[str] | Unset):
    """

    client_id: str
    client_id_issued_at: int
    registration_access_token: str
    registration_client_uri: str
    redirect_uris: list[str]
    token_endpoint_auth_method: str
    grant_types: list[str]
    response_types: list[str]
    client_name: str
    scope: str
    require_pushed_authorization_requests: bool
    dpop_bound_access_tokens: bool
    client_secret: str | Unset = UNSET
    client_secret_expires_at: int | Unset = UNSET
    client_uri: str | Unset = UNSET
    logo_uri: str | Unset = UNSET
    contacts: list[str] | Unset = UNSET
    tos_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    jwks: Any | Unset = UNSET
    jwks_uri: str | Unset = UNSET
    software_id: str | Unset = UNSET
    software_version: str | Unset = UNSET
    post_logout_redirect_uris: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_id_issued_at = self.client_id_issued_at

        registration_access_token = self.registration_access_token

        registration_client_uri = self.registration_client_uri

        redirect_uris = self.redirect_uris

        token_endpoint_auth_method = self.token_endpoint_auth_method

        grant_types = self.grant_types

        response_types = self.response_types

        client_name = self.client_name

        scope = self.scope

        require_pushed_authorization_requests = self.require_pushed_authorization_requests

        dpop_bound_access_tokens = self.dpop_bound_access_tokens

        client_secret = self.client_secret

        client_secret_expires_at = self.client_secret_expires_at

        client_uri = self.client_uri

        logo_uri = self.logo_uri

        contacts: list[str] | Unset = UNSET
        if not isinstance(self.contacts, Unset):
            contacts = self.contacts

        tos_uri = self.tos_uri

        policy_uri = self.policy_uri

        jwks = self.jwks

        jwks_uri = self.jwks_uri

        software_id = self.software_id

        software_version = self.software_version

        post_logout_redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = self.post_logout_redirect_uris

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_id_issued_at": client_id_issued_at,
                "registration_access_token": registration_access_token,
                "registration_client_uri": registration_client_uri,
                "redirect_uris": redirect_uris,
                "token_endpoint_auth_method": token_endpoint_auth_method,
                "grant_types": grant_types,
                "response_types": response_types,
                "client_name": client_name,
                "scope": scope,
                "require_pushed_authorization_requests": require_pushed_authorization_requests,
                "dpop_bound_access_tokens": dpop_bound_access_tokens,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if client_secret_expires_at is not UNSET:
            field_dict["client_secret_expires_at"] = client_secret_expires_at
        if client_uri is not UNSET:
            field_dict["client_uri"] = client_uri
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
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
        if post_logout_redirect_uris is not UNSET:
            field_dict["post_logout_redirect_uris"] = post_logout_redirect_uris

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_id_issued_at = d.pop("client_id_issued_at")

        registration_access_token = d.pop("registration_access_token")

        registration_client_uri = d.pop("registration_client_uri")

        redirect_uris = cast(list[str], d.pop("redirect_uris"))

        token_endpoint_auth_method = d.pop("token_endpoint_auth_method")

        grant_types = cast(list[str], d.pop("grant_types"))

        response_types = cast(list[str], d.pop("response_types"))

        client_name = d.pop("client_name")

        scope = d.pop("scope")

        require_pushed_authorization_requests = d.pop("require_pushed_authorization_requests")

        dpop_bound_access_tokens = d.pop("dpop_bound_access_tokens")

        client_secret = d.pop("client_secret", UNSET)

        client_secret_expires_at = d.pop("client_secret_expires_at", UNSET)

        client_uri = d.pop("client_uri", UNSET)

        logo_uri = d.pop("logo_uri", UNSET)

        contacts = cast(list[str], d.pop("contacts", UNSET))

        tos_uri = d.pop("tos_uri", UNSET)

        policy_uri = d.pop("policy_uri", UNSET)

        jwks = d.pop("jwks", UNSET)

        jwks_uri = d.pop("jwks_uri", UNSET)

        software_id = d.pop("software_id", UNSET)

        software_version = d.pop("software_version", UNSET)

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris", UNSET))

        client_information_response = cls(
            client_id=client_id,
            client_id_issued_at=client_id_issued_at,
            registration_access_token=registration_access_token,
            registration_client_uri=registration_client_uri,
            redirect_uris=redirect_uris,
            token_endpoint_auth_method=token_endpoint_auth_method,
            grant_types=grant_types,
            response_types=response_types,
            client_name=client_name,
            scope=scope,
            require_pushed_authorization_requests=require_pushed_authorization_requests,
            dpop_bound_access_tokens=dpop_bound_access_tokens,
            client_secret=client_secret,
            client_secret_expires_at=client_secret_expires_at,
            client_uri=client_uri,
            logo_uri=logo_uri,
            contacts=contacts,
            tos_uri=tos_uri,
            policy_uri=policy_uri,
            jwks=jwks,
            jwks_uri=jwks_uri,
            software_id=software_id,
            software_version=software_version,
            post_logout_redirect_uris=post_logout_redirect_uris,
        )

        client_information_response.additional_properties = d
        return client_information_response

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
