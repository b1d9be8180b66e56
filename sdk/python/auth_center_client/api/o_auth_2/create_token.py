from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.token_body import TokenBody
from ...models.token_form import TokenForm
from ...types import Response


def _get_kwargs(
    *,
    body: TokenForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthErrorBody | TokenBody | None:
    if response.status_code == 200:
        response_200 = TokenBody.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = OAuthErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 500:
        response_500 = OAuthErrorBody.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = OAuthErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthErrorBody | TokenBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenForm,
) -> Response[OAuthErrorBody | TokenBody]:
    """Obtain tokens

     The OAuth 2.0 token endpoint. Grants: `authorization_code` (with PKCE S256; required
    for public clients), `password` (only for apps that enable it), `refresh_token` (rotating: every use
    returns a new refresh token,
    and reusing an old one revokes the whole grant) and `client_credentials`. Authenticate
    with HTTP Basic (`client_secret_basic`), with `client_id` + `client_secret` in the form
    (`client_secret_post`), with a signed `client_assertion` (`private_key_jwt`, for apps that
    registered keys), or send only `client_id` for a public client. Errors follow
    RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.
    Devices poll with `urn:ietf:params:oauth:grant-type:device_code` and `device_code`
    (RFC 8628 §3.4): `authorization_pending`, `slow_down` (wait 5 s longer from now on),
    `expired_token` and `access_denied` are 400 errors until the tokens come.
    With a `DPoP` header (RFC 9449 §5) the access token is bound to the proof's key and
    `token_type` is `DPoP`; an invalid proof is `invalid_dpop_proof`, and a proof without
    the server's nonce (when it asks for one) `use_dpop_nonce` with a `DPoP-Nonce` header.

    Args:
        body (TokenForm): A token request; which fields are needed depends on `grant_type`.
            Example: {'grant_type': 'client_credentials'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | TokenBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenForm,
) -> OAuthErrorBody | TokenBody | None:
    """Obtain tokens

     The OAuth 2.0 token endpoint. Grants: `authorization_code` (with PKCE S256; required
    for public clients), `password` (only for apps that enable it), `refresh_token` (rotating: every use
    returns a new refresh token,
    and reusing an old one revokes the whole grant) and `client_credentials`. Authenticate
    with HTTP Basic (`client_secret_basic`), with `client_id` + `client_secret` in the form
    (`client_secret_post`), with a signed `client_assertion` (`private_key_jwt`, for apps that
    registered keys), or send only `client_id` for a public client. Errors follow
    RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.
    Devices poll with `urn:ietf:params:oauth:grant-type:device_code` and `device_code`
    (RFC 8628 §3.4): `authorization_pending`, `slow_down` (wait 5 s longer from now on),
    `expired_token` and `access_denied` are 400 errors until the tokens come.
    With a `DPoP` header (RFC 9449 §5) the access token is bound to the proof's key and
    `token_type` is `DPoP`; an invalid proof is `invalid_dpop_proof`, and a proof without
    the server's nonce (when it asks for one) `use_dpop_nonce` with a `DPoP-Nonce` header.

    Args:
        body (TokenForm): A token request; which fields are needed depends on `grant_type`.
            Example: {'grant_type': 'client_credentials'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | TokenBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenForm,
) -> Response[OAuthErrorBody | TokenBody]:
    """Obtain tokens

     The OAuth 2.0 token endpoint. Grants: `authorization_code` (with PKCE S256; required
    for public clients), `password` (only for apps that enable it), `refresh_token` (rotating: every use
    returns a new refresh token,
    and reusing an old one revokes the whole grant) and `client_credentials`. Authenticate
    with HTTP Basic (`client_secret_basic`), with `client_id` + `client_secret` in the form
    (`client_secret_post`), with a signed `client_assertion` (`private_key_jwt`, for apps that
    registered keys), or send only `client_id` for a public client. Errors follow
    RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.
    Devices poll with `urn:ietf:params:oauth:grant-type:device_code` and `device_code`
    (RFC 8628 §3.4): `authorization_pending`, `slow_down` (wait 5 s longer from now on),
    `expired_token` and `access_denied` are 400 errors until the tokens come.
    With a `DPoP` header (RFC 9449 §5) the access token is bound to the proof's key and
    `token_type` is `DPoP`; an invalid proof is `invalid_dpop_proof`, and a proof without
    the server's nonce (when it asks for one) `use_dpop_nonce` with a `DPoP-Nonce` header.

    Args:
        body (TokenForm): A token request; which fields are needed depends on `grant_type`.
            Example: {'grant_type': 'client_credentials'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | TokenBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenForm,
) -> OAuthErrorBody | TokenBody | None:
    """Obtain tokens

     The OAuth 2.0 token endpoint. Grants: `authorization_code` (with PKCE S256; required
    for public clients), `password` (only for apps that enable it), `refresh_token` (rotating: every use
    returns a new refresh token,
    and reusing an old one revokes the whole grant) and `client_credentials`. Authenticate
    with HTTP Basic (`client_secret_basic`), with `client_id` + `client_secret` in the form
    (`client_secret_post`), with a signed `client_assertion` (`private_key_jwt`, for apps that
    registered keys), or send only `client_id` for a public client. Errors follow
    RFC 6749 §5.2; a failed client authentication answers 401 with `WWW-Authenticate`.
    Devices poll with `urn:ietf:params:oauth:grant-type:device_code` and `device_code`
    (RFC 8628 §3.4): `authorization_pending`, `slow_down` (wait 5 s longer from now on),
    `expired_token` and `access_denied` are 400 errors until the tokens come.
    With a `DPoP` header (RFC 9449 §5) the access token is bound to the proof's key and
    `token_type` is `DPoP`; an invalid proof is `invalid_dpop_proof`, and a proof without
    the server's nonce (when it asks for one) `use_dpop_nonce` with a `DPoP-Nonce` header.

    Args:
        body (TokenForm): A token request; which fields are needed depends on `grant_type`.
            Example: {'grant_type': 'client_credentials'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | TokenBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
