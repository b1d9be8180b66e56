from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.me import Me
from ...models.update_me_request import UpdateMeRequest
from ...types import Response


def _get_kwargs(
    *,
    body: UpdateMeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiError | Me | None:
    if response.status_code == 200:
        response_200 = Me.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiError | Me]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest,
) -> Response[ApiError | Me]:
    """Update my profile

     Changes the display name and the language (of the person's pages and emails) of the
    caller's account; absent fields stay. Needs the `profile:write` scope (the browser
    session has it). Every invalid field is reported at once and nothing changes.

    Args:
        body (UpdateMeRequest): Profile fields to change; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Me]
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
    body: UpdateMeRequest,
) -> ApiError | Me | None:
    """Update my profile

     Changes the display name and the language (of the person's pages and emails) of the
    caller's account; absent fields stay. Needs the `profile:write` scope (the browser
    session has it). Every invalid field is reported at once and nothing changes.

    Args:
        body (UpdateMeRequest): Profile fields to change; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | Me
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest,
) -> Response[ApiError | Me]:
    """Update my profile

     Changes the display name and the language (of the person's pages and emails) of the
    caller's account; absent fields stay. Needs the `profile:write` scope (the browser
    session has it). Every invalid field is reported at once and nothing changes.

    Args:
        body (UpdateMeRequest): Profile fields to change; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Me]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UpdateMeRequest,
) -> ApiError | Me | None:
    """Update my profile

     Changes the display name and the language (of the person's pages and emails) of the
    caller's account; absent fields stay. Needs the `profile:write` scope (the browser
    session has it). Every invalid field is reported at once and nothing changes.

    Args:
        body (UpdateMeRequest): Profile fields to change; absent fields stay as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | Me
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
