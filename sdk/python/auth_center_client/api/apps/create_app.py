from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.app_request import AppRequest
from ...models.created_app import CreatedApp
from ...types import Response


def _get_kwargs(
    *,
    body: AppRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/apps",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiError | CreatedApp | None:
    if response.status_code == 201:
        response_201 = CreatedApp.from_dict(response.json())

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
) -> Response[ApiError | CreatedApp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AppRequest,
) -> Response[ApiError | CreatedApp]:
    """Register an app

     Registers an OAuth client owned by the caller. A confidential app's `client_secret` is
    in this answer only: the server keeps a digest of it. Needs the `apps` scope.

    Args:
        body (AppRequest): Every field of an app (register, and replace with PUT). Omitted
            optional fields take their
            default. Example: {'client_type': 'confidential', 'description': 'Prints the photos you
            choose.', 'grant_types': ['authorization_code', 'refresh_token'], 'homepage_url':
            'https://printer.example', 'name': 'Photo printer', 'redirect_uris':
            ['https://printer.example/callback'], 'scopes': ['openid', 'profile', 'email']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | CreatedApp]
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
    body: AppRequest,
) -> ApiError | CreatedApp | None:
    """Register an app

     Registers an OAuth client owned by the caller. A confidential app's `client_secret` is
    in this answer only: the server keeps a digest of it. Needs the `apps` scope.

    Args:
        body (AppRequest): Every field of an app (register, and replace with PUT). Omitted
            optional fields take their
            default. Example: {'client_type': 'confidential', 'description': 'Prints the photos you
            choose.', 'grant_types': ['authorization_code', 'refresh_token'], 'homepage_url':
            'https://printer.example', 'name': 'Photo printer', 'redirect_uris':
            ['https://printer.example/callback'], 'scopes': ['openid', 'profile', 'email']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | CreatedApp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AppRequest,
) -> Response[ApiError | CreatedApp]:
    """Register an app

     Registers an OAuth client owned by the caller. A confidential app's `client_secret` is
    in this answer only: the server keeps a digest of it. Needs the `apps` scope.

    Args:
        body (AppRequest): Every field of an app (register, and replace with PUT). Omitted
            optional fields take their
            default. Example: {'client_type': 'confidential', 'description': 'Prints the photos you
            choose.', 'grant_types': ['authorization_code', 'refresh_token'], 'homepage_url':
            'https://printer.example', 'name': 'Photo printer', 'redirect_uris':
            ['https://printer.example/callback'], 'scopes': ['openid', 'profile', 'email']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | CreatedApp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AppRequest,
) -> ApiError | CreatedApp | None:
    """Register an app

     Registers an OAuth client owned by the caller. A confidential app's `client_secret` is
    in this answer only: the server keeps a digest of it. Needs the `apps` scope.

    Args:
        body (AppRequest): Every field of an app (register, and replace with PUT). Omitted
            optional fields take their
            default. Example: {'client_type': 'confidential', 'description': 'Prints the photos you
            choose.', 'grant_types': ['authorization_code', 'refresh_token'], 'homepage_url':
            'https://printer.example', 'name': 'Photo printer', 'redirect_uris':
            ['https://printer.example/callback'], 'scopes': ['openid', 'profile', 'email']}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | CreatedApp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
