from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.app_secret_info import AppSecretInfo


T = TypeVar("T", bound="App")


@_attrs_define
class App:
    """A registered app (OAuth client) as its owner sees it. Carries no secret.

    Example:
        {'client_id': 'q2Xv7nR0bS1kT9wYzA4mCg', 'client_type': 'confidential', 'created_at': datetime.datetime(2026, 1,
            15, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00')), 'description': 'Prints the photos you
            choose.', 'dpop_bound_access_tokens': False, 'fapi2': False, 'first_party': False, 'grant_types':
            ['authorization_code', 'refresh_token'], 'homepage_url': 'https://printer.example', 'introspection': False,
            'name': 'Photo printer', 'owner_id': '0192f4c5-7a1e-7b3c-9d2e-5f6a7b8c9d0e', 'post_logout_redirect_uris': [],
            'redirect_uris': ['https://printer.example/callback'], 'require_mfa': False,
            'require_pushed_authorization_requests': False, 'scopes': ['email', 'openid', 'profile'], 'secrets':
            [{'created_at': datetime.datetime(2026, 1, 15, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(0),
            '+00:00'))}], 'token_endpoint_auth_method': 'client_secret_basic', 'updated_at': datetime.datetime(2026, 1, 15,
            9, 30, tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00'))}

    Attributes:
        client_id (str): The OAuth `client_id`.
        owner_id (str): The id of the user who registered it.
        name (str):
        description (str):
        redirect_uris (list[str]): Exact redirect URIs accepted at `/oauth2/authorize`.
        post_logout_redirect_uris (list[str]):
        client_type (str): `confidential` (has a secret) or `public` (cannot keep one: SPAs, native apps).
        grant_types (list[str]):
        scopes (list[str]):
        first_party (bool): First-party apps skip the consent page (set by administrators only).
        introspection (bool): A resource server: may introspect tokens issued to other apps (RFC 7662 §4); set by
            administrators only. Any other app learns only about its own tokens.
        require_pushed_authorization_requests (bool): Authorization requests must be pushed to `/oauth2/par` first (RFC
            9126); a plain
            request to `/oauth2/authorize` is refused.
        require_mfa (bool): Every authorization request needs a sign-in with a second factor (acr
            `urn:auth-center:acr:mfa`): a person signed in with a password only is asked for it.
        dpop_bound_access_tokens (bool): Every token request must carry a DPoP proof (RFC 9449 §5.2,
            `dpop_bound_access_tokens`):
            each access token is bound to the app's key.
        fapi2 (bool): The FAPI 2.0 Security Profile is enforced for the app (see the README's "FAPI 2.0
            Security Profile" section).
        token_endpoint_auth_method (str): `client_secret_basic` (a secret, also accepted as `client_secret_post`),
            `private_key_jwt` (signed assertions with the keys below) or `none` (public).
        secrets (list[AppSecretInfo]): The secrets that currently authenticate the app (none for a public app).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        homepage_url (str | Unset):
        logo_url (str | Unset):
        access_token_ttl_secs (int | Unset): The app's access-token lifetime; absent: the server's default.
        refresh_token_ttl_secs (int | Unset): The app's refresh-token lifetime; absent: the server's default.
        jwks (Any | Unset): private_key_jwt: the registered JWK set of public keys.
        jwks_uri (str | Unset): private_key_jwt: where the JWK set is fetched from.
    """

    client_id: str
    owner_id: str
    name: str
    description: str
    redirect_uris: list[str]
    post_logout_redirect_uris: list[str]
    client_type: str
    grant_types: list[str]
    scopes: list[str]
    first_party: bool
    introspection: bool
    require_pushed_authorization_requests: bool
    require_mfa: bool
    dpop_bound_access_tokens: bool
    fapi2: bool
    token_endpoint_auth_method: str
    secrets: list[AppSecretInfo]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    homepage_url: str | Unset = UNSET
    logo_url: str | Unset = UNSET
    access_token_ttl_secs: int | Unset = UNSET
    refresh_token_ttl_secs: int | Unset = UNSET
    jwks: Any | Unset = UNSET
    jwks_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        owner_id = self.owner_id

        name = self.name

        description = self.description

        redirect_uris = self.redirect_uris

        post_logout_redirect_uris = self.post_logout_redirect_uris

        client_type = self.client_type

        grant_types = self.grant_types

        scopes = self.scopes

        first_party = self.first_party

        introspection = self.introspection

        require_pushed_authorization_requests = self.require_pushed_authorization_requests

        require_mfa = self.require_mfa

        dpop_bound_access_tokens = self.dpop_bound_access_tokens

        fapi2 = self.fapi2

        token_endpoint_auth_method = self.token_endpoint_auth_method

        secrets = []
        for secrets_item_data in self.secrets:
            secrets_item = secrets_item_data.to_dict()
            secrets.append(secrets_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        homepage_url = self.homepage_url

        logo_url = self.logo_url

        access_token_ttl_secs = self.access_token_ttl_secs

        refresh_token_ttl_secs = self.refresh_token_ttl_secs

        jwks = self.jwks

        jwks_uri = self.jwks_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "owner_id": owner_id,
                "name": name,
                "description": description,
                "redirect_uris": redirect_uris,
                "post_logout_redirect_uris": post_logout_redirect_uris,
                "client_type": client_type,
                "grant_types": grant_types,
                "scopes": scopes,
                "first_party": first_party,
                "introspection": introspection,
                "require_pushed_authorization_requests": require_pushed_authorization_requests,
                "require_mfa": require_mfa,
                "dpop_bound_access_tokens": dpop_bound_access_tokens,
                "fapi2": fapi2,
                "token_endpoint_auth_method": token_endpoint_auth_method,
                "secrets": secrets,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if homepage_url is not UNSET:
            field_dict["homepage_url"] = homepage_url
        if logo_url is not UNSET:
            field_dict["logo_url"] = logo_url
        if access_token_ttl_secs is not UNSET:
            field_dict["access_token_ttl_secs"] = access_token_ttl_secs
        if refresh_token_ttl_secs is not UNSET:
            field_dict["refresh_token_ttl_secs"] = refresh_token_ttl_secs
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.app_secret_info import AppSecretInfo  # noqa: PLC0415

        d = dict(src_dict)
        client_id = d.pop("client_id")

        owner_id = d.pop("owner_id")

        name = d.pop("name")

        description = d.pop("description")

        redirect_uris = cast(list[str], d.pop("redirect_uris"))

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris"))

        client_type = d.pop("client_type")

        grant_types = cast(list[str], d.pop("grant_types"))

        scopes = cast(list[str], d.pop("scopes"))

        first_party = d.pop("first_party")

        introspection = d.pop("introspection")

        require_pushed_authorization_requests = d.pop("require_pushed_authorization_requests")

        require_mfa = d.pop("require_mfa")

        dpop_bound_access_tokens = d.pop("dpop_bound_access_tokens")

        fapi2 = d.pop("fapi2")

        token_endpoint_auth_method = d.pop("token_endpoint_auth_method")

        secrets = []
        _secrets = d.pop("secrets")
        for secrets_item_data in _secrets:
            secrets_item = AppSecretInfo.from_dict(secrets_item_data)

            secrets.append(secrets_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        homepage_url = d.pop("homepage_url", UNSET)

        logo_url = d.pop("logo_url", UNSET)

        access_token_ttl_secs = d.pop("access_token_ttl_secs", UNSET)

        refresh_token_ttl_secs = d.pop("refresh_token_ttl_secs", UNSET)

        jwks = d.pop("jwks", UNSET)

        jwks_uri = d.pop("jwks_uri", UNSET)

        app = cls(
            client_id=client_id,
            owner_id=owner_id,
            name=name,
            description=description,
            redirect_uris=redirect_uris,
            post_logout_redirect_uris=post_logout_redirect_uris,
            client_type=client_type,
            grant_types=grant_types,
            scopes=scopes,
            first_party=first_party,
            introspection=introspection,
            require_pushed_authorization_requests=require_pushed_authorization_requests,
            require_mfa=require_mfa,
            dpop_bound_access_tokens=dpop_bound_access_tokens,
            fapi2=fapi2,
            token_endpoint_auth_method=token_endpoint_auth_method,
            secrets=secrets,
            created_at=created_at,
            updated_at=updated_at,
            homepage_url=homepage_url,
            logo_url=logo_url,
            access_token_ttl_secs=access_token_ttl_secs,
            refresh_token_ttl_secs=refresh_token_ttl_secs,
            jwks=jwks,
            jwks_uri=jwks_uri,
        )

        app.additional_properties = d
        return app

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
