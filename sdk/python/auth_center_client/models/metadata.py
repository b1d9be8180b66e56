from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Metadata")


@_attrs_define
class Metadata:
    """Authorization server metadata (RFC 8414 §2 and OIDC Discovery §3).

    Attributes:
        issuer (str):
        authorization_endpoint (str):
        token_endpoint (str):
        jwks_uri (str):
        userinfo_endpoint (str):
        revocation_endpoint (str):
        introspection_endpoint (str):
        end_session_endpoint (str): RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).
        scopes_supported (list[str]):
        response_types_supported (list[str]):
        response_modes_supported (list[str]):
        grant_types_supported (list[str]):
        token_endpoint_auth_methods_supported (list[str]):
        revocation_endpoint_auth_methods_supported (list[str]):
        introspection_endpoint_auth_methods_supported (list[str]):
        code_challenge_methods_supported (list[str]):
        subject_types_supported (list[str]):
        id_token_signing_alg_values_supported (list[str]):
        claims_supported (list[str]):
        authorization_response_iss_parameter_supported (bool): RFC 9207: authorization responses carry `iss`.
        device_authorization_endpoint (str): RFC 8628 §4: where devices start the device authorization grant.
        protected_resources (list[str]): RFC 9728 §4: the protected resources this server issues tokens for (its own
            API,
            identified by the issuer URL; its metadata is at `/.well-known/oauth-protected-resource`).
        pushed_authorization_request_endpoint (str): RFC 9126 §5: where clients push authorization requests.
        require_pushed_authorization_requests (bool): RFC 9126 §5: whether every client must push its authorization
            requests (apps may
            require it for themselves too).
        token_endpoint_auth_signing_alg_values_supported (list[str]): RFC 8414 §2: the algorithms a `private_key_jwt`
            client assertion may be signed with (at
            the token endpoint, and so at PAR and device authorization too).
        revocation_endpoint_auth_signing_alg_values_supported (list[str]): The same algorithms, at the revocation
            endpoint.
        introspection_endpoint_auth_signing_alg_values_supported (list[str]): The same algorithms, at the introspection
            endpoint.
        dpop_signing_alg_values_supported (list[str]): RFC 9449 §5.1: the algorithms a DPoP proof may be signed with.
        acr_values_supported (list[str]): OIDC Discovery §3: the `acr` values this server signs people in with, which
            `acr_values` may ask for (the second one needs a second factor).
        registration_endpoint (str | Unset): RFC 8414 §2 / RFC 7591 §3: where clients register themselves; absent when
            dynamic
            registration is turned off (`oauth.dynamic_registration`).
        client_id_metadata_document_supported (bool | Unset): draft-ietf-oauth-client-id-metadata-document: an https URL
            is accepted as `client_id`
            and its document fetched. Present (true) only when `oauth.client_id_metadata_documents`
            is on.
    """

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str
    revocation_endpoint: str
    introspection_endpoint: str
    end_session_endpoint: str
    scopes_supported: list[str]
    response_types_supported: list[str]
    response_modes_supported: list[str]
    grant_types_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    revocation_endpoint_auth_methods_supported: list[str]
    introspection_endpoint_auth_methods_supported: list[str]
    code_challenge_methods_supported: list[str]
    subject_types_supported: list[str]
    id_token_signing_alg_values_supported: list[str]
    claims_supported: list[str]
    authorization_response_iss_parameter_supported: bool
    device_authorization_endpoint: str
    protected_resources: list[str]
    pushed_authorization_request_endpoint: str
    require_pushed_authorization_requests: bool
    token_endpoint_auth_signing_alg_values_supported: list[str]
    revocation_endpoint_auth_signing_alg_values_supported: list[str]
    introspection_endpoint_auth_signing_alg_values_supported: list[str]
    dpop_signing_alg_values_supported: list[str]
    acr_values_supported: list[str]
    registration_endpoint: str | Unset = UNSET
    client_id_metadata_document_supported: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        authorization_endpoint = self.authorization_endpoint

        token_endpoint = self.token_endpoint

        jwks_uri = self.jwks_uri

        userinfo_endpoint = self.userinfo_endpoint

        revocation_endpoint = self.revocation_endpoint

        introspection_endpoint = self.introspection_endpoint

        end_session_endpoint = self.end_session_endpoint

        scopes_supported = self.scopes_supported

        response_types_supported = self.response_types_supported

        response_modes_supported = self.response_modes_supported

        grant_types_supported = self.grant_types_supported

        token_endpoint_auth_methods_supported = self.token_endpoint_auth_methods_supported

        revocation_endpoint_auth_methods_supported = self.revocation_endpoint_auth_methods_supported

        introspection_endpoint_auth_methods_supported = self.introspection_endpoint_auth_methods_supported

        code_challenge_methods_supported = self.code_challenge_methods_supported

        subject_types_supported = self.subject_types_supported

        id_token_signing_alg_values_supported = self.id_token_signing_alg_values_supported

        claims_supported = self.claims_supported

        authorization_response_iss_parameter_supported = self.authorization_response_iss_parameter_supported

        device_authorization_endpoint = self.device_authorization_endpoint

        protected_resources = self.protected_resources

        pushed_authorization_request_endpoint = self.pushed_authorization_request_endpoint

        require_pushed_authorization_requests = self.require_pushed_authorization_requests

        token_endpoint_auth_signing_alg_values_supported = self.token_endpoint_auth_signing_alg_values_supported

        revocation_endpoint_auth_signing_alg_values_supported = (
            self.revocation_endpoint_auth_signing_alg_values_supported
        )

        introspection_endpoint_auth_signing_alg_values_supported = (
            self.introspection_endpoint_auth_signing_alg_values_supported
        )

        dpop_signing_alg_values_supported = self.dpop_signing_alg_values_supported

        acr_values_supported = self.acr_values_supported

        registration_endpoint = self.registration_endpoint

        client_id_metadata_document_supported = self.client_id_metadata_document_supported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "authorization_endpoint": authorization_endpoint,
                "token_endpoint": token_endpoint,
                "jwks_uri": jwks_uri,
                "userinfo_endpoint": userinfo_endpoint,
                "revocation_endpoint": revocation_endpoint,
                "introspection_endpoint": introspection_endpoint,
                "end_session_endpoint": end_session_endpoint,
                "scopes_supported": scopes_supported,
                "response_types_supported": response_types_supported,
                "response_modes_supported": response_modes_supported,
                "grant_types_supported": grant_types_supported,
                "token_endpoint_auth_methods_supported": token_endpoint_auth_methods_supported,
                "revocation_endpoint_auth_methods_supported": revocation_endpoint_auth_methods_supported,
                "introspection_endpoint_auth_methods_supported": introspection_endpoint_auth_methods_supported,
                "code_challenge_methods_supported": code_challenge_methods_supported,
                "subject_types_supported": subject_types_supported,
                "id_token_signing_alg_values_supported": id_token_signing_alg_values_supported,
                "claims_supported": claims_supported,
                "authorization_response_iss_parameter_supported": authorization_response_iss_parameter_supported,
                "device_authorization_endpoint": device_authorization_endpoint,
                "protected_resources": protected_resources,
                "pushed_authorization_request_endpoint": pushed_authorization_request_endpoint,
                "require_pushed_authorization_requests": require_pushed_authorization_requests,
                "token_endpoint_auth_signing_alg_values_supported": token_endpoint_auth_signing_alg_values_supported,
                "revocation_endpoint_auth_signing_alg_values_supported": revocation_endpoint_auth_signing_alg_values_supported,
                "introspection_endpoint_auth_signing_alg_values_supported": introspection_endpoint_auth_signing_alg_values_supported,
                "dpop_signing_alg_values_supported": dpop_signing_alg_values_supported,
                "acr_values_supported": acr_values_supported,
            }
        )
        if registration_endpoint is not UNSET:
            field_dict["registration_endpoint"] = registration_endpoint
        if client_id_metadata_document_supported is not UNSET:
            field_dict["client_id_metadata_document_supported"] = client_id_metadata_document_supported

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        authorization_endpoint = d.pop("authorization_endpoint")

        token_endpoint = d.pop("token_endpoint")

        jwks_uri = d.pop("jwks_uri")

        userinfo_endpoint = d.pop("userinfo_endpoint")

        revocation_endpoint = d.pop("revocation_endpoint")

        introspection_endpoint = d.pop("introspection_endpoint")

        end_session_endpoint = d.pop("end_session_endpoint")

        scopes_supported = cast(list[str], d.pop("scopes_supported"))

        response_types_supported = cast(list[str], d.pop("response_types_supported"))

        response_modes_supported = cast(list[str], d.pop("response_modes_supported"))

        grant_types_supported = cast(list[str], d.pop("grant_types_supported"))

        token_endpoint_auth_methods_supported = cast(list[str], d.pop("token_endpoint_auth_methods_supported"))

        revocation_endpoint_auth_methods_supported = cast(
            list[str], d.pop("revocation_endpoint_auth_methods_supported")
        )

        introspection_endpoint_auth_methods_supported = cast(
            list[str], d.pop("introspection_endpoint_auth_methods_supported")
        )

        code_challenge_methods_supported = cast(list[str], d.pop("code_challenge_methods_supported"))

        subject_types_supported = cast(list[str], d.pop("subject_types_supported"))

        id_token_signing_alg_values_supported = cast(list[str], d.pop("id_token_signing_alg_values_supported"))

        claims_supported = cast(list[str], d.pop("claims_supported"))

        authorization_response_iss_parameter_supported = d.pop("authorization_response_iss_parameter_supported")

        device_authorization_endpoint = d.pop("device_authorization_endpoint")

        protected_resources = cast(list[str], d.pop("protected_resources"))

        pushed_authorization_request_endpoint = d.pop("pushed_authorization_request_endpoint")

        require_pushed_authorization_requests = d.pop("require_pushed_authorization_requests")

        token_endpoint_auth_signing_alg_values_supported = cast(
            list[str], d.pop("token_endpoint_auth_signing_alg_values_supported")
        )

        revocation_endpoint_auth_signing_alg_values_supported = cast(
            list[str], d.pop("revocation_endpoint_auth_signing_alg_values_supported")
        )

        introspection_endpoint_auth_signing_alg_values_supported = cast(
            list[str], d.pop("introspection_endpoint_auth_signing_alg_values_supported")
        )

        dpop_signing_alg_values_supported = cast(list[str], d.pop("dpop_signing_alg_values_supported"))

        acr_values_supported = cast(list[str], d.pop("acr_values_supported"))

        registration_endpoint = d.pop("registration_endpoint", UNSET)

        client_id_metadata_document_supported = d.pop("client_id_metadata_document_supported", UNSET)

        metadata = cls(
            issuer=issuer,
            authorization_endpoint=authorization_endpoint,
            token_endpoint=token_endpoint,
            jwks_uri=jwks_uri,
            userinfo_endpoint=userinfo_endpoint,
            revocation_endpoint=revocation_endpoint,
            introspection_endpoint=introspection_endpoint,
            end_session_endpoint=end_session_endpoint,
            scopes_supported=scopes_supported,
            response_types_supported=response_types_supported,
            response_modes_supported=response_modes_supported,
            grant_types_supported=grant_types_supported,
            token_endpoint_auth_methods_supported=token_endpoint_auth_methods_supported,
            revocation_endpoint_auth_methods_supported=revocation_endpoint_auth_methods_supported,
            introspection_endpoint_auth_methods_supported=introspection_endpoint_auth_methods_supported,
            code_challenge_methods_supported=code_challenge_methods_supported,
            subject_types_supported=subject_types_supported,
            id_token_signing_alg_values_supported=id_token_signing_alg_values_supported,
            claims_supported=claims_supported,
            authorization_response_iss_parameter_supported=authorization_response_iss_parameter_supported,
            device_authorization_endpoint=device_authorization_endpoint,
            protected_resources=protected_resources,
            pushed_authorization_request_endpoint=pushed_authorization_request_endpoint,
            require_pushed_authorization_requests=require_pushed_authorization_requests,
            token_endpoint_auth_signing_alg_values_supported=token_endpoint_auth_signing_alg_values_supported,
            revocation_endpoint_auth_signing_alg_values_supported=revocation_endpoint_auth_signing_alg_values_supported,
            introspection_endpoint_auth_signing_alg_values_supported=introspection_endpoint_auth_signing_alg_values_supported,
            dpop_signing_alg_values_supported=dpop_signing_alg_values_supported,
            acr_values_supported=acr_values_supported,
            registration_endpoint=registration_endpoint,
            client_id_metadata_document_supported=client_id_metadata_document_supported,
        )

        metadata.additional_properties = d
        return metadata

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
