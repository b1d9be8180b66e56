from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.change_password_request import ChangePasswordRequest
from ...models.me import Me
from ...types import Response


def _get_kwargs(
    *,
    body: ChangePasswordRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/password",
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

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

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
    body: ChangePasswordRequest,
) -> Response[ApiError | Me]:
    """Change my password

     Checks the current password and sets the new one; every other browser session of the
    account ends and every app's access to it is revoked. Answers the account. Only the
    person's own browser session may call it (with `X-CSRF-Token`); an access token gets
    403 whatever its scopes. Wrong current passwords count against the login throttle.

    Args:
        body (ChangePasswordRequest): A change of password.

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
    body: ChangePasswordRequest,
) -> ApiError | Me | None:
    """Change my password

     Checks the current password and sets the new one; every other browser session of the
    account ends and every app's access to it is revoked. Answers the account. Only the
    person's own browser session may call it (with `X-CSRF-Token`); an access token gets
    403 whatever its scopes. Wrong current passwords count against the login throttle.

    Args:
        body (ChangePasswordRequest): A change of password.

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
    body: ChangePasswordRequest,
) -> Response[ApiError | Me]:
    """Change my password

     Checks the current password and sets the new one; every other browser session of the
    account ends and every app's access to it is revoked. Answers the account. Only the
    person's own browser session may call it (with `X-CSRF-Token`); an access token gets
    403 whatever its scopes. Wrong current passwords count against the login throttle.

    Args:
        body (ChangePasswordRequest): A change of password.

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
    body: ChangePasswordRequest,
) -> ApiError | Me | None:
    """Change my password

     Checks the current password and sets the new one; every other browser session of the
    account ends and every app's access to it is revoked. Answers the account. Only the
    person's own browser session may call it (with `X-CSRF-Token`); an access token gets
    403 whatever its scopes. Wrong current passwords count against the login throttle.

    Args:
        body (ChangePasswordRequest): A change of password.

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
