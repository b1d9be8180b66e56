from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_information_response import ClientInformationResponse
from ...models.client_metadata_request import ClientMetadataRequest
from ...models.o_auth_error_body import OAuthErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: ClientMetadataRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientInformationResponse | OAuthErrorBody | None:
    if response.status_code == 201:
        response_201 = ClientInformationResponse.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = OAuthErrorBody.from_dict(response.json())

        return response_429

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
) -> Response[ClientInformationResponse | OAuthErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> Response[ClientInformationResponse | OAuthErrorBody]:
    """Register a client

     RFC 7591 dynamic client registration, when the server allows it
    (`oauth.dynamic_registration`): with `initial_access_token`, send
    `Authorization: Bearer <initial access token>` (administrators mint them); with `open`,
    anyone may register, a limited number of times per address. The metadata passes the
    same rules as an app registered by a person. The answer carries the `client_id`, the
    `client_secret` of a confidential client (shown once), and the
    `registration_access_token` for `registration_client_uri` (RFC 7592).

    Args:
        body (ClientMetadataRequest): Client metadata (RFC 7591 §2). Omitted members take the
            server's defaults on registration
            and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientInformationResponse | OAuthErrorBody]
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
    body: ClientMetadataRequest,
) -> ClientInformationResponse | OAuthErrorBody | None:
    """Register a client

     RFC 7591 dynamic client registration, when the server allows it
    (`oauth.dynamic_registration`): with `initial_access_token`, send
    `Authorization: Bearer <initial access token>` (administrators mint them); with `open`,
    anyone may register, a limited number of times per address. The metadata passes the
    same rules as an app registered by a person. The answer carries the `client_id`, the
    `client_secret` of a confidential client (shown once), and the
    `registration_access_token` for `registration_client_uri` (RFC 7592).

    Args:
        body (ClientMetadataRequest): Client metadata (RFC 7591 §2). Omitted members take the
            server's defaults on registration
            and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientInformationResponse | OAuthErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> Response[ClientInformationResponse | OAuthErrorBody]:
    """Register a client

     RFC 7591 dynamic client registration, when the server allows it
    (`oauth.dynamic_registration`): with `initial_access_token`, send
    `Authorization: Bearer <initial access token>` (administrators mint them); with `open`,
    anyone may register, a limited number of times per address. The metadata passes the
    same rules as an app registered by a person. The answer carries the `client_id`, the
    `client_secret` of a confidential client (shown once), and the
    `registration_access_token` for `registration_client_uri` (RFC 7592).

    Args:
        body (ClientMetadataRequest): Client metadata (RFC 7591 §2). Omitted members take the
            server's defaults on registration
            and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientInformationResponse | OAuthErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> ClientInformationResponse | OAuthErrorBody | None:
    """Register a client

     RFC 7591 dynamic client registration, when the server allows it
    (`oauth.dynamic_registration`): with `initial_access_token`, send
    `Authorization: Bearer <initial access token>` (administrators mint them); with `open`,
    anyone may register, a limited number of times per address. The metadata passes the
    same rules as an app registered by a person. The answer carries the `client_id`, the
    `client_secret` of a confidential client (shown once), and the
    `registration_access_token` for `registration_client_uri` (RFC 7592).

    Args:
        body (ClientMetadataRequest): Client metadata (RFC 7591 §2). Omitted members take the
            server's defaults on registration
            and are cleared on an update (RFC 7592 §2.2). Unknown members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientInformationResponse | OAuthErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
