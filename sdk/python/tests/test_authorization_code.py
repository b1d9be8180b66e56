"""The sign-in example of sdk/python/README.md, run as written: scripts/sdk-e2e.sh takes it from
the README into authorization_code.py beside this file. Authlib signs the person in with PKCE
(their browser's part driven over HTTP), the SDK reads who they are with the access token, and
refreshed tokens keep working. Settings come from AUTH_CENTER_E2E_* variables.
"""

import os
import unittest
from urllib.parse import parse_qs, urlsplit

from authlib.integrations.base_client import OAuthError
from authlib.oauth2.rfc6749.errors import MismatchingStateException
from browser import authorize_in_browser

import authorization_code as example


def env(name: str) -> str:
    return os.environ[f"AUTH_CENTER_E2E_{name}"]


class AuthorizationCodeExample(unittest.TestCase):
    def setUp(self):
        self.metadata = example.discover(env("URL"))
        self.oauth = example.oauth_client(
            self.metadata, env("WEB_CLIENT_ID"), env("WEB_CLIENT_SECRET"), env("REDIRECT_URI")
        )
        self.addCleanup(self.oauth.close)

    def sign_in_in_browser(self) -> tuple[str, dict]:
        url, pending = example.start_sign_in(self.oauth, self.metadata)
        query = parse_qs(urlsplit(url).query)
        self.assertEqual(query["code_challenge_method"], ["S256"])
        self.assertNotIn("code_verifier", query)
        callback = authorize_in_browser(url, env("REDIRECT_URI"), env("USERNAME"), env("PASSWORD"))
        return callback, pending

    def test_the_readme_sign_in_gives_tokens_the_sdk_uses_and_refreshing_rotates_both(self):
        callback, pending = self.sign_in_in_browser()
        first = example.finish_sign_in(self.oauth, callback, pending)
        self.assertEqual(first["token_type"], "Bearer")
        self.assertIn("id_token", first)
        api = example.api_client(self.oauth)
        me = example.who_signed_in(api)
        self.assertEqual(me.username, env("USERNAME"))

        second = example.refresh(self.oauth)
        self.assertNotEqual(second["access_token"], first["access_token"])
        self.assertNotEqual(second["refresh_token"], first["refresh_token"])
        self.assertEqual(self.oauth.token["access_token"], second["access_token"])
        self.assertEqual(example.who_signed_in(api).id, me.id)

    def test_the_readme_sign_in_refuses_another_state_and_a_code_without_its_verifier(self):
        callback, pending = self.sign_in_in_browser()
        with self.assertRaises(MismatchingStateException):
            example.finish_sign_in(self.oauth, callback, {**pending, "state": "not-the-state"})
        with self.assertRaises(OAuthError) as refused:
            example.finish_sign_in(self.oauth, callback, {**pending, "code_verifier": "x" * 48})
        self.assertEqual(refused.exception.error, "invalid_grant")
        self.assertIsNone(self.oauth.token)


if __name__ == "__main__":
    unittest.main()
