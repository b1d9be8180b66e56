from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.user_info_body import UserInfoBody
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oauth2/userinfo",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthErrorBody | UserInfoBody | None:
    if response.status_code == 200:
        response_200 = UserInfoBody.from_dict(response.json())

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
) -> Response[OAuthErrorBody | UserInfoBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OAuthErrorBody | UserInfoBody]:
    """Get the user's claims

     Send an access token with the `openid` scope as `Authorization: Bearer`, or a
    DPoP-bound one as `Authorization: DPoP` with a `DPoP` proof (RFC 9449 §7.1). Claims are
    released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    401 with `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for the DPoP
    scheme and for proof errors).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | UserInfoBody]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> OAuthErrorBody | UserInfoBody | None:
    """Get the user's claims

     Send an access token with the `openid` scope as `Authorization: Bearer`, or a
    DPoP-bound one as `Authorization: DPoP` with a `DPoP` proof (RFC 9449 §7.1). Claims are
    released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    401 with `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for the DPoP
    scheme and for proof errors).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | UserInfoBody
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OAuthErrorBody | UserInfoBody]:
    """Get the user's claims

     Send an access token with the `openid` scope as `Authorization: Bearer`, or a
    DPoP-bound one as `Authorization: DPoP` with a `DPoP` proof (RFC 9449 §7.1). Claims are
    released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    401 with `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for the DPoP
    scheme and for proof errors).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | UserInfoBody]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> OAuthErrorBody | UserInfoBody | None:
    """Get the user's claims

     Send an access token with the `openid` scope as `Authorization: Bearer`, or a
    DPoP-bound one as `Authorization: DPoP` with a `DPoP` proof (RFC 9449 §7.1). Claims are
    released by scope: `profile`, `email`, `groups`. A revoked or expired token answers
    401 with `WWW-Authenticate: Bearer error="invalid_token"` (`DPoP ...` for the DPoP
    scheme and for proof errors).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | UserInfoBody
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
