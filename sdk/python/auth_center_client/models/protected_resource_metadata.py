from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProtectedResourceMetadata")


@_attrs_define
class ProtectedResourceMetadata:
    """Protected resource metadata (RFC 9728 §2).

    Attributes:
        resource (str): The resource identifier: the issuer URL, which tokens for this API carry as `aud`.
        authorization_servers (list[str]): The authorization servers that issue tokens for it: this server.
        jwks_uri (str): Where the keys that verify its tokens are (the authorization server's JWKS).
        scopes_supported (list[str]): The scopes this API understands.
        bearer_methods_supported (list[str]): Tokens are sent in the `Authorization` header only (RFC 6750 §2.1).
        resource_name (str):
        resource_documentation (str):
        dpop_signing_alg_values_supported (list[str]): RFC 9449 §5.2 / RFC 9728 §2: the algorithms a DPoP proof may be
            signed with here.
        dpop_bound_access_tokens_required (bool): Bearer tokens are accepted too: DPoP-bound tokens are not required
            (RFC 9728 §2).
    """

    resource: str
    authorization_servers: list[str]
    jwks_uri: str
    scopes_supported: list[str]
    bearer_methods_supported: list[str]
    resource_name: str
    resource_documentation: str
    dpop_signing_alg_values_supported: list[str]
    dpop_bound_access_tokens_required: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource

        authorization_servers = self.authorization_servers

        jwks_uri = self.jwks_uri

        scopes_supported = self.scopes_supported

        bearer_methods_supported = self.bearer_methods_supported

        resource_name = self.resource_name

        resource_documentation = self.resource_documentation

        dpop_signing_alg_values_supported = self.dpop_signing_alg_values_supported

        dpop_bound_access_tokens_required = self.dpop_bound_access_tokens_required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource": resource,
                "authorization_servers": authorization_servers,
                "jwks_uri": jwks_uri,
                "scopes_supported": scopes_supported,
                "bearer_methods_supported": bearer_methods_supported,
                "resource_name": resource_name,
                "resource_documentation": resource_documentation,
                "dpop_signing_alg_values_supported": dpop_signing_alg_values_supported,
                "dpop_bound_access_tokens_required": dpop_bound_access_tokens_required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resource = d.pop("resource")

        authorization_servers = cast(list[str], d.pop("authorization_servers"))

        jwks_uri = d.pop("jwks_uri")

        scopes_supported = cast(list[str], d.pop("scopes_supported"))

        bearer_methods_supported = cast(list[str], d.pop("bearer_methods_supported"))

        resource_name = d.pop("resource_name")

        resource_documentation = d.pop("resource_documentation")

        dpop_signing_alg_values_supported = cast(list[str], d.pop("dpop_signing_alg_values_supported"))

        dpop_bound_access_tokens_required = d.pop("dpop_bound_access_tokens_required")

        protected_resource_metadata = cls(
            resource=resource,
            authorization_servers=authorization_servers,
            jwks_uri=jwks_uri,
            scopes_supported=scopes_supported,
            bearer_methods_supported=bearer_methods_supported,
            resource_name=resource_name,
            resource_documentation=resource_documentation,
            dpop_signing_alg_values_supported=dpop_signing_alg_values_supported,
            dpop_bound_access_tokens_required=dpop_bound_access_tokens_required,
        )

        protected_resource_metadata.additional_properties = d
        return protected_resource_metadata

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
