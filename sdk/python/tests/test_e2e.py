"""End-to-end test of the generated Python SDK (auth_center_client) against a live server.

Run by scripts/sdk-e2e.sh (unittest, in a venv with `pip install ./sdk/python`): the quickstart
of sdk/python/README.md, asserting real results. The server URL, the app and the user come from
AUTH_CENTER_E2E_* variables; a missing one is an error, never a skip. This directory is
hand-written and kept by scripts/gen-sdk.sh.
"""

import os
import unittest
from urllib.parse import quote_plus

import httpx

from auth_center_client import AuthenticatedClient, Client
from auth_center_client.api.account import get_me, update_me
from auth_center_client.types import Unset
from auth_center_client.api.admin import get_user, list_users
from auth_center_client.api.apps import create_app, delete_app, get_app, list_apps, rotate_app_secret
from auth_center_client.api.authorizations import list_my_authorizations, revoke_my_authorization
from auth_center_client.api.o_auth_2 import create_token, introspect_token
from auth_center_client.api.resources import get_user_resource
from auth_center_client.models import (
    ApiError,
    App,
    AppList,
    AppRequest,
    AuthorizationList,
    CreatedApp,
    IntrospectionBody,
    Me,
    OAuthErrorBody,
    RotatedAppSecret,
    TokenBody,
    TokenForm,
    TokenHintForm,
    UpdateMeRequest,
    UserList,
    UserResource,
)

ENV = {
    name: os.environ[f"AUTH_CENTER_E2E_{name.upper()}"]
    for name in (
        "url",
        "client_id",
        "client_secret",
        "other_client_id",
        "other_client_secret",
        "username",
        "password",
        "admin_username",
        "admin_password",
    )
}


def token_client(client_id: str, client_secret: str) -> Client:
    """A client for the token endpoint with client_secret_basic (RFC 6749 §2.3.1)."""
    auth = httpx.BasicAuth(quote_plus(client_id), quote_plus(client_secret))
    return Client(base_url=ENV["url"], httpx_args={"auth": auth})


def password_token(username: str, password: str, scope: str, app: str = "") -> str:
    """A user's token through the password grant of the app (`app="other_"`: the second app)."""
    form = TokenForm(grant_type="password", username=username, password=password, scope=scope)
    with token_client(ENV[f"{app}client_id"], ENV[f"{app}client_secret"]) as oauth:
        token = create_token.sync(client=oauth, body=form)
    assert isinstance(token, TokenBody), token
    assert token.token_type == "Bearer"
    return token.access_token


def api(token: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=ENV["url"], token=token)


def assert_app_credentials_work(client_id: str, client_secret: str) -> None:
    """A client_credentials token of the app is accepted (its introspection says active)."""
    with token_client(client_id, client_secret) as oauth:
        token = create_token.sync(client=oauth, body=TokenForm(grant_type="client_credentials"))
        assert isinstance(token, TokenBody), token
        info = introspect_token.sync(client=oauth, body=TokenHintForm(token=token.access_token))
    assert isinstance(info, IntrospectionBody) and info.active, info
    assert info.client_id == client_id, info


def app_request(name: str) -> AppRequest:
    return AppRequest(name=name, grant_types=["client_credentials"], scopes=["profile"])


class PythonSdkEndToEnd(unittest.TestCase):
    def test_a_client_credentials_token_from_create_token_with_basic_auth_is_active(self):
        with token_client(ENV["client_id"], ENV["client_secret"]) as oauth:
            form = TokenForm(grant_type="client_credentials", scope="profile")
            token = create_token.sync(client=oauth, body=form)
            self.assertIsInstance(token, TokenBody)
            self.assertEqual(token.scope, "profile")
            info = introspect_token.sync(client=oauth, body=TokenHintForm(token=token.access_token))
        self.assertIsInstance(info, IntrospectionBody)
        self.assertTrue(info.active)
        self.assertEqual(info.client_id, ENV["client_id"])

    def test_a_wrong_client_secret_is_a_typed_oauth_error_invalid_client(self):
        with token_client(ENV["client_id"], "not-the-secret") as oauth:
            resp = create_token.sync_detailed(client=oauth, body=TokenForm(grant_type="client_credentials"))
        self.assertEqual(resp.status_code, 401)
        self.assertIsInstance(resp.parsed, OAuthErrorBody)
        self.assertEqual(resp.parsed.error, "invalid_client")

    def test_a_users_password_grant_token_reads_get_me_with_the_created_username(self):
        with api(password_token(ENV["username"], ENV["password"], "profile")) as client:
            me = get_me.sync(client=client)
        self.assertIsInstance(me, Me)
        self.assertEqual(me.username, ENV["username"])
        # is_admin and email come only with the `admin` and `email` scopes.
        self.assertIsInstance(me.is_admin, Unset)
        self.assertIsInstance(me.email, Unset)

    def test_get_user_resource_returns_the_tokens_user_and_not_found_for_another_id(self):
        with api(password_token(ENV["username"], ENV["password"], "profile")) as client:
            me = get_me.sync(client=client)
            profile = get_user_resource.sync(client=client, id=me.id)
            other = get_user_resource.sync_detailed(client=client, id="no-such-user")
        self.assertIsInstance(profile, UserResource)
        self.assertEqual((profile.id, profile.username), (me.id, ENV["username"]))
        self.assertEqual(other.status_code, 404)
        self.assertIsInstance(other.parsed, ApiError)
        self.assertEqual(other.parsed.error, "not_found")

    def test_an_invalid_display_name_is_a_typed_api_error_naming_the_field(self):
        with api(password_token(ENV["username"], ENV["password"], "profile profile:write")) as client:
            resp = update_me.sync_detailed(client=client, body=UpdateMeRequest(display_name="x" * 65))
        self.assertEqual(resp.status_code, 422)
        self.assertIsInstance(resp.parsed, ApiError)
        self.assertEqual(resp.parsed.error, "validation_failed")
        self.assertIn("display_name", [f.field for f in resp.parsed.fields])

    def test_get_me_without_a_token_is_a_typed_api_error_unauthorized(self):
        with Client(base_url=ENV["url"]) as client:
            resp = get_me.sync_detailed(client=client)
        self.assertEqual(resp.status_code, 401)
        self.assertIsInstance(resp.parsed, ApiError)
        self.assertEqual(resp.parsed.error, "unauthorized")

    def test_the_admins_token_lists_the_user_with_list_users_and_get_user(self):
        token = password_token(ENV["admin_username"], ENV["admin_password"], "admin")
        with api(token) as client:
            page = list_users.sync(client=client, search=ENV["username"], limit=10)
            self.assertIsInstance(page, UserList)
            self.assertEqual(page.total, 1)
            user = get_user.sync(client=client, id=page.items[0].id)
        self.assertEqual(user.username, ENV["username"])

    def test_an_app_without_a_name_is_a_typed_api_error_and_nothing_is_stored(self):
        with api(password_token(ENV["username"], ENV["password"], "apps")) as client:
            resp = create_app.sync_detailed(client=client, body=app_request(""))
            page = list_apps.sync(client=client)
        self.assertEqual(resp.status_code, 422)
        self.assertIsInstance(resp.parsed, ApiError)
        self.assertEqual(resp.parsed.error, "validation_failed")
        self.assertIn("name", [f.field for f in resp.parsed.fields])
        self.assertEqual(page.total, 0)

    def test_a_user_creates_lists_gets_uses_rotates_and_deletes_an_app(self):
        with api(password_token(ENV["username"], ENV["password"], "apps")) as client:
            created = create_app.sync(client=client, body=app_request("Python e2e app"))
            self.assertIsInstance(created, CreatedApp)
            client_id, secret = created.app.client_id, created.client_secret
            self.assertIsInstance(secret, str)
            page = list_apps.sync(client=client, limit=50)
            self.assertIsInstance(page, AppList)
            self.assertEqual([a.client_id for a in page.items], [client_id])
            app = get_app.sync(client_id, client=client)
            self.assertIsInstance(app, App)
            self.assertEqual((app.name, app.client_type), ("Python e2e app", "confidential"))
            assert_app_credentials_work(client_id, secret)

            rotated = rotate_app_secret.sync(client_id, client=client)
            self.assertIsInstance(rotated, RotatedAppSecret)
            self.assertNotEqual(rotated.client_secret, secret)
            assert_app_credentials_work(client_id, rotated.client_secret)

            self.assertEqual(delete_app.sync_detailed(client_id, client=client).status_code, 204)
            gone = get_app.sync_detailed(client_id, client=client)
        self.assertEqual(gone.status_code, 404)
        self.assertIsInstance(gone.parsed, ApiError)
        self.assertEqual(gone.parsed.error, "not_found")

    def test_revoking_my_authorization_of_an_app_makes_its_token_inactive(self):
        app_token = password_token(ENV["username"], ENV["password"], "profile", app="other_")
        with api(password_token(ENV["username"], ENV["password"], "authorizations")) as client:
            listed = list_my_authorizations.sync(client=client)
            self.assertIsInstance(listed, AuthorizationList)
            mine = [a for a in listed.items if a.client_id == ENV["other_client_id"]]
            self.assertEqual(len(mine), 1, listed.items)
            self.assertEqual(mine[0].client_name, "SDK e2e other")
            self.assertEqual(mine[0].scopes, ["profile"])
            resp = revoke_my_authorization.sync_detailed(client=client, id=mine[0].id)
            self.assertEqual(resp.status_code, 204)
            after = list_my_authorizations.sync(client=client)
        self.assertNotIn(ENV["other_client_id"], [a.client_id for a in after.items])
        with token_client(ENV["other_client_id"], ENV["other_client_secret"]) as oauth:
            info = introspect_token.sync(client=oauth, body=TokenHintForm(token=app_token))
        self.assertFalse(info.active)
        with api(app_token) as client:
            resp = get_me.sync_detailed(client=client)
        self.assertEqual(resp.status_code, 401)
        self.assertIsInstance(resp.parsed, ApiError)
        self.assertEqual(resp.parsed.error, "invalid_token")


if __name__ == "__main__":
    unittest.main()
