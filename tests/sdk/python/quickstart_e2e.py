"""End-to-end test of the Python SDK (sdk/python) against a live server: the README quickstart.

Run by scripts/sdk-e2e.sh, which starts the server on MongoDB and sets AUTH_CENTER_URL,
E2E_CLIENT_ID, E2E_CLIENT_SECRET, E2E_USERNAME and E2E_PASSWORD. Each `test_*` function is one
case; a new API gets one more function here (apps: create and list my apps with the user
token; authorizations: list and revoke; resource API: read the user's profile with an app token).
"""

import base64
import os
import sys
import traceback

from auth_center_client import AuthenticatedClient, Client
from auth_center_client.api.account import get_me
from auth_center_client.api.admin import get_user, list_users
from auth_center_client.api.o_auth_2 import create_token
from auth_center_client.models import ApiError, Me, OAuthErrorBody, TokenBody, TokenForm, UserList

BASE_URL = os.environ["AUTH_CENTER_URL"]
CLIENT_ID = os.environ["E2E_CLIENT_ID"]
CLIENT_SECRET = os.environ["E2E_CLIENT_SECRET"]
USERNAME = os.environ["E2E_USERNAME"]
PASSWORD = os.environ["E2E_PASSWORD"]


def app_client(secret=CLIENT_SECRET):
    """The token endpoint with client_secret_basic: HTTP Basic over the app's id and secret."""
    basic = base64.b64encode(f"{CLIENT_ID}:{secret}".encode()).decode()
    return Client(base_url=BASE_URL, headers={"Authorization": f"Basic {basic}"})


def user_token():
    form = TokenForm(grant_type="password", username=USERNAME, password=PASSWORD, scope="openid profile admin")
    answer = create_token.sync(client=app_client(), body=form)
    assert isinstance(answer, TokenBody), answer
    return answer.access_token


def test_client_credentials_gives_an_app_token():
    answer = create_token.sync_detailed(client=app_client(), body=TokenForm(grant_type="client_credentials"))
    assert answer.status_code == 200, answer.content
    assert isinstance(answer.parsed, TokenBody)
    assert answer.parsed.token_type.lower() == "bearer"
    assert answer.parsed.expires_in > 0
    assert answer.parsed.access_token.count(".") == 2  # a JWT


def test_a_wrong_secret_is_a_typed_oauth_error():
    answer = create_token.sync_detailed(client=app_client("wrong"), body=TokenForm(grant_type="client_credentials"))
    assert answer.status_code == 401
    assert isinstance(answer.parsed, OAuthErrorBody)
    assert answer.parsed.error == "invalid_client"


def test_a_user_token_reads_my_account():
    me = get_me.sync(client=AuthenticatedClient(base_url=BASE_URL, token=user_token()))
    assert isinstance(me, Me), me
    assert me.username == USERNAME


def test_an_admin_token_lists_users():
    users = list_users.sync(client=AuthenticatedClient(base_url=BASE_URL, token=user_token()), limit=200)
    assert isinstance(users, UserList), users
    assert USERNAME in [u.username for u in users.items]
    assert users.total >= 1


def test_an_unknown_user_is_a_typed_api_error():
    client = AuthenticatedClient(base_url=BASE_URL, token=user_token())
    answer = get_user.sync_detailed(id="01a00000-0000-7000-8000-000000000000", client=client)
    assert answer.status_code == 404
    assert isinstance(answer.parsed, ApiError)
    assert answer.parsed.error == "not_found"


def main():
    cases = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and callable(f)]
    failed = 0
    for name, case in cases:
        try:
            case()
            print(f"ok - {name}")
        except Exception:  # noqa: BLE001 - report every failing case
            failed += 1
            print(f"not ok - {name}")
            traceback.print_exc()
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
