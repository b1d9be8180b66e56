"""Prepares a schemathesis run against a live auth-center: obtains the bearer tokens (password
grant on the app the CLI registered), asks the server for a verification and a reset email and
reads their one-time tokens from the mail directory, gives the administrator two more
authorizations (grants) to revoke, and writes the dictionaries that admin.toml reads, next to a
copy of the config files.

    prepare.py BASE_URL WORK_DIR MAIL_DIR CLIENT_JSON IDS_JSON DEVICE_CLIENT_JSON

Prints `export ST_...=...` lines for the shell. Needs only the standard library.
"""

import base64
import email
import email.policy
import glob
import json
import os
import re
import shlex
import shutil
import sys
import time
import urllib.parse
import urllib.request

ALL_SCOPES = "openid profile profile:write email groups offline_access apps authorizations admin"
NEW_PASSWORD = "Quartz-Meadow-Lantern-41"


def post(url, data, headers, form=True):
    body = urllib.parse.urlencode(data).encode() if form else json.dumps(data).encode()
    kind = "application/x-www-form-urlencoded" if form else "application/json"
    req = urllib.request.Request(url, body, {"Content-Type": kind, **headers}, method="POST")
    with urllib.request.urlopen(req, timeout=30) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def password_token(base, client, username, password, scope):
    basic = base64.b64encode(f"{client['client_id']}:{client['client_secret']}".encode()).decode()
    data = {"grant_type": "password", "username": username, "password": password, "scope": scope}
    answer = post(f"{base}/oauth2/token", data, {"Authorization": f"Basic {basic}"})
    if scope != answer["scope"] and set(scope.split()) != set(answer["scope"].split()):
        sys.exit(f"the token for {username} has scope {answer['scope']!r}, not {scope!r}")
    return answer["access_token"]


def get(url, token):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode())


def new_grant(base, client, password, admin):
    """The id of a new authorization of the administrator (each password grant makes one)."""
    def grant_ids():
        return {a["id"] for a in get(f"{base}/api/v1/me/authorizations", admin)["items"]}
    before = grant_ids()
    password_token(base, client, "admin", password, "openid")
    added = grant_ids() - before
    if len(added) != 1:
        sys.exit(f"expected one new authorization of admin, got {sorted(added)}")
    return added.pop()


def mail_token(mail_dir, address, path):
    """The `token` of the first link to `path` in the newest email to `address`."""
    for _ in range(200):
        for name in sorted(glob.glob(os.path.join(mail_dir, "*.eml")), reverse=True):
            with open(name, "rb") as f:
                msg = email.message_from_binary_file(f, policy=email.policy.default)
            if address not in str(msg["To"]):
                continue
            text = msg.get_body(("plain",)).get_content()
            found = re.search(re.escape(path) + r"\?token=([A-Za-z0-9_\-]+)", text)
            if found:
                return found.group(1)
        time.sleep(0.05)
    sys.exit(f"no email to {address} with a {path} link in {mail_dir}")


def write_dict(work, name, values):
    with open(os.path.join(work, f"{name}.dict"), "w", encoding="utf-8") as f:
        for value in values:
            f.write(json.dumps(value) + "\n")


def main():
    base, work, mail_dir, client_json, ids_json, device_json = sys.argv[1:7]
    client = json.load(open(client_json, encoding="utf-8"))
    device = json.load(open(device_json, encoding="utf-8"))
    ids = json.load(open(ids_json, encoding="utf-8"))
    here = os.path.dirname(os.path.abspath(__file__))
    for config in ("admin.toml", "anonymous.toml", "limited.toml", "builtin.toml"):
        shutil.copy(os.path.join(here, config), work)

    admin = password_token(base, client, "admin", ids["admin_password"], ALL_SCOPES)
    limited = password_token(base, client, "st-limited", ids["password"], "email")

    post(f"{base}/api/v1/users/register", {"username": "st-verify", "email": "st-verify@example.com",
                                          "password": ids["password"]}, {}, form=False)
    verify = mail_token(mail_dir, "st-verify@example.com", "/accounts/verify-email/")
    post(f"{base}/api/v1/users/password-reset", {"email": "st-reset@example.com"}, {}, form=False)
    reset = mail_token(mail_dir, "st-reset@example.com", "/accounts/reset/")

    grant = new_grant(base, client, ids["admin_password"], admin)
    legacy_grant = new_grant(base, client, ids["admin_password"], admin)

    unknown = "01a00000-0000-7000-8000-000000000000"
    write_dict(work, "user-ids", [ids["admin_id"], ids["target_id"], unknown])
    # The administrator's own id: deleting it is refused (409).
    write_dict(work, "victim-user-ids", [ids["victim_id"], ids["admin_id"], unknown])
    write_dict(work, "group-ids", [ids["group_id"], unknown])
    write_dict(work, "victim-group-ids", [ids["victim_group_id"], unknown])
    write_dict(work, "group-names", ["st-other-group", "st-renamed-group"])
    write_dict(work, "known-emails", ["st-target@example.com", "nobody@example.com"])
    write_dict(work, "verify-tokens", [verify])
    write_dict(work, "reset-tokens", [reset])
    write_dict(work, "passwords", [NEW_PASSWORD])
    write_dict(work, "admin-password", [ids["admin_password"]])
    write_dict(work, "new-usernames", ["st-newcomer"])
    write_dict(work, "new-emails", ["st-newcomer@example.com"])
    write_dict(work, "grant-types", ["client_credentials"])
    # Apps: the built-in `swagger-ui` app cannot be changed, deleted nor rotated (409).
    write_dict(work, "app-ids", [ids["app_id"], "swagger-ui", "no-such-app"])
    write_dict(work, "victim-app-ids", [ids["victim_app_id"], "swagger-ui", "no-such-app"])
    write_dict(work, "legacy-victim-app-ids",
               [ids["legacy_victim_app_id"], "swagger-ui", "no-such-app"])
    write_dict(work, "grant-ids", [grant, unknown])
    write_dict(work, "legacy-grant-ids", [legacy_grant, unknown])
    # Resource servers: one to read and change, one to delete; `built-in` cannot change (409).
    bearer = {"Authorization": f"Bearer {admin}"}
    kept, victim = (post(f"{base}/api/v1/admin/resources",
                         {"identifier": f"https://st-{name}.example", "name": name}, bearer,
                         form=False)["id"] for name in ("kept", "victim"))
    write_dict(work, "resource-ids", [kept, "built-in", unknown])
    write_dict(work, "victim-resource-ids", [victim, "built-in", unknown])
    # New identifiers (201 once each), one taken (409) and the issuer's (409); valid names.
    write_dict(work, "resource-identifiers",
               [f"https://st-new-{i}.example" for i in range(4)]
               + ["https://st-kept.example", base])
    write_dict(work, "resource-names", ["Orders API", "Billing", "st"])
    write_dict(work, "device-client-ids", [device["client_id"]])
    write_dict(work, "device-client-secrets", [device["client_secret"]])

    exports = {
        "ST_ADMIN_TOKEN": admin,
        "ST_LIMITED_TOKEN": limited,
        "ST_CLIENT_ID": client["client_id"],
        "ST_CLIENT_SECRET": client["client_secret"],
        "ST_DEVICE_CLIENT_ID": device["client_id"],
        "ST_DEVICE_CLIENT_SECRET": device["client_secret"],
    }
    for name, value in exports.items():
        print(f"export {name}={shlex.quote(value)}")


if __name__ == "__main__":
    main()
