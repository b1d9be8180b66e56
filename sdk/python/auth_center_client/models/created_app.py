from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.app import App


T = TypeVar("T", bound="CreatedApp")


@_attrs_define
class CreatedApp:
    """A newly registered app and its secret. The secret is shown this once: store it now.

    Example:
        {'app': {'client_id': 'q2Xv7nR0bS1kT9wYzA4mCg', 'client_type': 'confidential', 'created_at':
            datetime.datetime(2026, 1, 15, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00')), 'description':
            'Prints the photos you choose.', 'dpop_bound_access_tokens': False, 'fapi2': False, 'first_party': False,
            'grant_types': ['authorization_code', 'refresh_token'], 'homepage_url': 'https://printer.example',
            'introspection': False, 'name': 'Photo printer', 'owner_id': '0192f4c5-7a1e-7b3c-9d2e-5f6a7b8c9d0e',
            'post_logout_redirect_uris': [], 'redirect_uris': ['https://printer.example/callback'], 'require_mfa': False,
            'require_pushed_authorization_requests': False, 'scopes': ['email', 'openid', 'profile'], 'secrets':
            [{'created_at': datetime.datetime(2026, 1, 15, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(0),
            '+00:00'))}], 'token_endpoint_auth_method': 'client_secret_basic', 'updated_at': datetime.datetime(2026, 1, 15,
            9, 30, tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00'))}, 'client_secret':
            'b3BlbnNlc2FtZS1leGFtcGxlLXNlY3JldC0zMmJ5dGVz'}

    Attributes:
        app (App): A registered app (OAuth client) as its owner sees it. Carries no secret. Example: {'client_id':
            'q2Xv7nR0bS1kT9wYzA4mCg', 'client_type': 'confidential', 'created_at': datetime.datetime(2026, 1, 15, 9, 30,
            tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00')), 'description': 'Prints the photos you choose.',
            'dpop_bound_access_tokens': False, 'fapi2': False, 'first_party': False, 'grant_types': ['authorization_code',
            'refresh_token'], 'homepage_url': 'https://printer.example', 'introspection': False, 'name': 'Photo printer',
            'owner_id': '0192f4c5-7a1e-7b3c-9d2e-5f6a7b8c9d0e', 'post_logout_redirect_uris': [], 'redirect_uris':
            ['https://printer.example/callback'], 'require_mfa': False, 'require_pushed_authorization_requests': False,
            'scopes': ['email', 'openid', 'profile'], 'secrets': [{'created_at': datetime.datetime(2026, 1, 15, 9, 30,
            tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00'))}], 'token_endpoint_auth_method':
            'client_secret_basic', 'updated_at': datetime.datetime(2026, 1, 15, 9, 30,
            tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00'))}.
        client_secret (str | Unset): The client secret of a confidential app (absent for a public one). Only its digest
            is
            kept by the server: it cannot be shown again, only rotated.
    """

    app: App
    client_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        app = self.app.to_dict()

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "app": app,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.app import App  # noqa: PLC0415

        d = dict(src_dict)
        app = App.from_dict(d.pop("app"))

        client_secret = d.pop("client_secret", UNSET)

        created_app = cls(
            app=app,
            client_secret=client_secret,
        )

        created_app.additional_properties = d
        return created_app

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
