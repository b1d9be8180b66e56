from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.create_registration_token_request import CreateRegistrationTokenRequest
from ...models.registration_token import RegistrationToken
from ...types import Response


def _get_kwargs(
    *,
    body: CreateRegistrationTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/admin/registration-tokens",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | RegistrationToken | None:
    if response.status_code == 201:
        response_201 = RegistrationToken.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = ApiError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiError.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = ApiError.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ApiError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ApiError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | RegistrationToken]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateRegistrationTokenRequest,
) -> Response[ApiError | RegistrationToken]:
    """Mint an initial access token

     With `oauth.dynamic_registration = "initial_access_token"`, a client registers at
    `/oauth2/register` with one of these (RFC 7591 §3). It allows `uses` registrations
    until `expires_in` seconds have passed. Needs the `admin` scope.

    Args:
        body (CreateRegistrationTokenRequest): What an initial access token allows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RegistrationToken]
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
    client: AuthenticatedClient,
    body: CreateRegistrationTokenRequest,
) -> ApiError | RegistrationToken | None:
    """Mint an initial access token

     With `oauth.dynamic_registration = "initial_access_token"`, a client registers at
    `/oauth2/register` with one of these (RFC 7591 §3). It allows `uses` registrations
    until `expires_in` seconds have passed. Needs the `admin` scope.

    Args:
        body (CreateRegistrationTokenRequest): What an initial access token allows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RegistrationToken
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateRegistrationTokenRequest,
) -> Response[ApiError | RegistrationToken]:
    """Mint an initial access token

     With `oauth.dynamic_registration = "initial_access_token"`, a client registers at
    `/oauth2/register` with one of these (RFC 7591 §3). It allows `uses` registrations
    until `expires_in` seconds have passed. Needs the `admin` scope.

    Args:
        body (CreateRegistrationTokenRequest): What an initial access token allows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RegistrationToken]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateRegistrationTokenRequest,
) -> ApiError | RegistrationToken | None:
    """Mint an initial access token

     With `oauth.dynamic_registration = "initial_access_token"`, a client registers at
    `/oauth2/register` with one of these (RFC 7591 §3). It allows `uses` registrations
    until `expires_in` seconds have passed. Needs the `admin` scope.

    Args:
        body (CreateRegistrationTokenRequest): What an initial access token allows.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RegistrationToken
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
