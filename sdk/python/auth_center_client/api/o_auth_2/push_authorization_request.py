from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.par_body import ParBody
from ...models.par_form import ParForm
from ...types import Response


def _get_kwargs(
    *,
    body: ParForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/par",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthErrorBody | ParBody | None:
    if response.status_code == 201:
        response_201 = ParBody.from_dict(response.json())

        return response_201

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
) -> Response[OAuthErrorBody | ParBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ParForm,
) -> Response[OAuthErrorBody | ParBody]:
    """Push an authorization request

     RFC 9126. Send every authorization parameter here, authenticated as at the token
    endpoint, then send the browser to `/oauth2/authorize?client_id=…&request_uri=…`: the
    parameters cannot be read or changed on the way. They are checked exactly as the
    authorization endpoint checks them; errors follow RFC 6749 §5.2 (`invalid_request`,
    `invalid_scope`, `unauthorized_client`, `unsupported_response_type`; 401
    `invalid_client`). The `request_uri` is good for one authorization and `expires_in`
    seconds. A `DPoP` header (RFC 9449 §10.1) binds the authorization code to the proof's
    key, as `dpop_jkt` does: the code's exchange must then prove the same key.

    Args:
        body (ParForm): An authorization request, pushed: the parameters of `/oauth2/authorize`,
            plus client
            authentication.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | ParBody]
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
    body: ParForm,
) -> OAuthErrorBody | ParBody | None:
    """Push an authorization request

     RFC 9126. Send every authorization parameter here, authenticated as at the token
    endpoint, then send the browser to `/oauth2/authorize?client_id=…&request_uri=…`: the
    parameters cannot be read or changed on the way. They are checked exactly as the
    authorization endpoint checks them; errors follow RFC 6749 §5.2 (`invalid_request`,
    `invalid_scope`, `unauthorized_client`, `unsupported_response_type`; 401
    `invalid_client`). The `request_uri` is good for one authorization and `expires_in`
    seconds. A `DPoP` header (RFC 9449 §10.1) binds the authorization code to the proof's
    key, as `dpop_jkt` does: the code's exchange must then prove the same key.

    Args:
        body (ParForm): An authorization request, pushed: the parameters of `/oauth2/authorize`,
            plus client
            authentication.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | ParBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ParForm,
) -> Response[OAuthErrorBody | ParBody]:
    """Push an authorization request

     RFC 9126. Send every authorization parameter here, authenticated as at the token
    endpoint, then send the browser to `/oauth2/authorize?client_id=…&request_uri=…`: the
    parameters cannot be read or changed on the way. They are checked exactly as the
    authorization endpoint checks them; errors follow RFC 6749 §5.2 (`invalid_request`,
    `invalid_scope`, `unauthorized_client`, `unsupported_response_type`; 401
    `invalid_client`). The `request_uri` is good for one authorization and `expires_in`
    seconds. A `DPoP` header (RFC 9449 §10.1) binds the authorization code to the proof's
    key, as `dpop_jkt` does: the code's exchange must then prove the same key.

    Args:
        body (ParForm): An authorization request, pushed: the parameters of `/oauth2/authorize`,
            plus client
            authentication.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthErrorBody | ParBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ParForm,
) -> OAuthErrorBody | ParBody | None:
    """Push an authorization request

     RFC 9126. Send every authorization parameter here, authenticated as at the token
    endpoint, then send the browser to `/oauth2/authorize?client_id=…&request_uri=…`: the
    parameters cannot be read or changed on the way. They are checked exactly as the
    authorization endpoint checks them; errors follow RFC 6749 §5.2 (`invalid_request`,
    `invalid_scope`, `unauthorized_client`, `unsupported_response_type`; 401
    `invalid_client`). The `request_uri` is good for one authorization and `expires_in`
    seconds. A `DPoP` header (RFC 9449 §10.1) binds the authorization code to the proof's
    key, as `dpop_jkt` does: the code's exchange must then prove the same key.

    Args:
        body (ParForm): An authorization request, pushed: the parameters of `/oauth2/authorize`,
            plus client
            authentication.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthErrorBody | ParBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
