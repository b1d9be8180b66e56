from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.protected_resource_metadata import ProtectedResourceMetadata
from ...types import Response


def _get_kwargs(
    suffix: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/oauth-protected-resource/{suffix}".format(
            suffix=quote(str(suffix), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | ProtectedResourceMetadata | None:
    if response.status_code == 200:
        response_200 = ProtectedResourceMetadata.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = ApiError.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | ProtectedResourceMetadata]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    suffix: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | ProtectedResourceMetadata]:
    """Get the protected resource metadata (path-suffixed form)

     RFC 9728 §3.1: the metadata of the resource whose identifier has this path, which is
    the issuer URL's path when this server is published under one (of one segment, such as
    `https://example.com/auth`).

    Args:
        suffix (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | ProtectedResourceMetadata]
    """

    kwargs = _get_kwargs(
        suffix=suffix,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    suffix: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | ProtectedResourceMetadata | None:
    """Get the protected resource metadata (path-suffixed form)

     RFC 9728 §3.1: the metadata of the resource whose identifier has this path, which is
    the issuer URL's path when this server is published under one (of one segment, such as
    `https://example.com/auth`).

    Args:
        suffix (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | ProtectedResourceMetadata
    """

    return sync_detailed(
        suffix=suffix,
        client=client,
    ).parsed


async def asyncio_detailed(
    suffix: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ApiError | ProtectedResourceMetadata]:
    """Get the protected resource metadata (path-suffixed form)

     RFC 9728 §3.1: the metadata of the resource whose identifier has this path, which is
    the issuer URL's path when this server is published under one (of one segment, such as
    `https://example.com/auth`).

    Args:
        suffix (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | ProtectedResourceMetadata]
    """

    kwargs = _get_kwargs(
        suffix=suffix,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    suffix: str,
    *,
    client: AuthenticatedClient | Client,
) -> ApiError | ProtectedResourceMetadata | None:
    """Get the protected resource metadata (path-suffixed form)

     RFC 9728 §3.1: the metadata of the resource whose identifier has this path, which is
    the issuer URL's path when this server is published under one (of one segment, such as
    `https://example.com/auth`).

    Args:
        suffix (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | ProtectedResourceMetadata
    """

    return (
        await asyncio_detailed(
            suffix=suffix,
            client=client,
        )
    ).parsed
