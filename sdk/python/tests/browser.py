"""The person's browser for the authorization code flow in the e2e tests: the server's login and
consent pages driven over HTTP with a cookie jar, up to the app's redirect URI.
"""

import html
import re
from urllib.parse import urljoin

import httpx

_FORM = re.compile(r'<form method="post" action="([^"]+)"')
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def authorize_in_browser(url: str, redirect_uri: str, username: str, password: str) -> str:
    """Opens `url`, signs in on the login page, allows on the consent page, and returns the
    URL the server sends the browser back to at `redirect_uri` (not fetched)."""
    with httpx.Client(follow_redirects=False) as browser:  # its cookie jar keeps the session
        request = browser.build_request("GET", url)
        for _ in range(8):
            response = browser.send(request)
            location = response.headers.get("location")
            if location:
                target = urljoin(str(response.url), location)
                if target.startswith(redirect_uri):
                    return target
                request = browser.build_request("GET", target)
                continue
            if response.status_code != 200:
                raise AssertionError(f"{response.status_code} at {response.url}: {response.text[:2000]}")
            page = response.text[response.text.find("<main") :]  # the page's form, not the header's
            action = _FORM.search(page)
            if not action:
                raise AssertionError(f"no form at {response.url}: {response.text[:2000]}")
            form = {name: html.unescape(value) for name, value in _HIDDEN.findall(page)}
            action_path = html.unescape(action.group(1))
            if action_path == "/accounts/login/":
                form.update(username=username, password=password)
            else:
                form["decision"] = "allow"
            request = browser.build_request("POST", urljoin(str(response.url), action_path), data=form)
    raise AssertionError(f"the browser was not sent back to {redirect_uri} within 8 requests")
