from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.rotated_app_secret import RotatedAppSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    revoke_previous: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["revoke_previous"] = revoke_previous

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/apps/{id}/rotate-secret".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | RotatedAppSecret | None:
    if response.status_code == 200:
        response_200 = RotatedAppSecret.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ApiError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ApiError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ApiError.from_dict(response.json())

        return response_409

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
) -> Response[ApiError | RotatedAppSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    revoke_previous: bool | Unset = UNSET,
) -> Response[ApiError | RotatedAppSecret]:
    """Rotate an app's secret

     Issues a new client secret, shown in this answer only. The previous secret keeps
    working until `previous_secret_expires_at` (the server's
    `oauth.secret_rotation_grace_secs`), then stops; with `revoke_previous=true` (a leaked
    secret) it stops at once. Needs the `apps` scope.

    Args:
        id (str):
        revoke_previous (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RotatedAppSecret]
    """

    kwargs = _get_kwargs(
        id=id,
        revoke_previous=revoke_previous,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    revoke_previous: bool | Unset = UNSET,
) -> ApiError | RotatedAppSecret | None:
    """Rotate an app's secret

     Issues a new client secret, shown in this answer only. The previous secret keeps
    working until `previous_secret_expires_at` (the server's
    `oauth.secret_rotation_grace_secs`), then stops; with `revoke_previous=true` (a leaked
    secret) it stops at once. Needs the `apps` scope.

    Args:
        id (str):
        revoke_previous (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RotatedAppSecret
    """

    return sync_detailed(
        id=id,
        client=client,
        revoke_previous=revoke_previous,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    revoke_previous: bool | Unset = UNSET,
) -> Response[ApiError | RotatedAppSecret]:
    """Rotate an app's secret

     Issues a new client secret, shown in this answer only. The previous secret keeps
    working until `previous_secret_expires_at` (the server's
    `oauth.secret_rotation_grace_secs`), then stops; with `revoke_previous=true` (a leaked
    secret) it stops at once. Needs the `apps` scope.

    Args:
        id (str):
        revoke_previous (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RotatedAppSecret]
    """

    kwargs = _get_kwargs(
        id=id,
        revoke_previous=revoke_previous,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    revoke_previous: bool | Unset = UNSET,
) -> ApiError | RotatedAppSecret | None:
    """Rotate an app's secret

     Issues a new client secret, shown in this answer only. The previous secret keeps
    working until `previous_secret_expires_at` (the server's
    `oauth.secret_rotation_grace_secs`), then stops; with `revoke_previous=true` (a leaked
    secret) it stops at once. Needs the `apps` scope.

    Args:
        id (str):
        revoke_previous (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RotatedAppSecret
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            revoke_previous=revoke_previous,
        )
    ).parsed
