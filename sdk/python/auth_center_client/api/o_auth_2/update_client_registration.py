from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_information_response import ClientInformationResponse
from ...models.client_metadata_request import ClientMetadataRequest
from ...models.o_auth_error_body import OAuthErrorBody
from ...types import Response


def _get_kwargs(
    client_id: str,
    *,
    body: ClientMetadataRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/oauth2/register/{client_id}".format(
            client_id=quote(str(client_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientInformationResponse | OAuthErrorBody | None:
    if response.status_code == 200:
        response_200 = ClientInformationResponse.from_dict(response.json())

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
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> Response[ClientInformationResponse | OAuthErrorBody]:
    """Replace a client's registration

     RFC 7592 §2.2, with `Authorization: Bearer <registration access token>`: send every
    member (omitted ones are cleared) and `client_id`; the same rules as a registration.
    The answer carries a new registration access token; the one sent stops working.

    Args:
        client_id (str):
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
        client_id=client_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> ClientInformationResponse | OAuthErrorBody | None:
    """Replace a client's registration

     RFC 7592 §2.2, with `Authorization: Bearer <registration access token>`: send every
    member (omitted ones are cleared) and `client_id`; the same rules as a registration.
    The answer carries a new registration access token; the one sent stops working.

    Args:
        client_id (str):
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
        client_id=client_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> Response[ClientInformationResponse | OAuthErrorBody]:
    """Replace a client's registration

     RFC 7592 §2.2, with `Authorization: Bearer <registration access token>`: send every
    member (omitted ones are cleared) and `client_id`; the same rules as a registration.
    The answer carries a new registration access token; the one sent stops working.

    Args:
        client_id (str):
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
        client_id=client_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    client_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ClientMetadataRequest,
) -> ClientInformationResponse | OAuthErrorBody | None:
    """Replace a client's registration

     RFC 7592 §2.2, with `Authorization: Bearer <registration access token>`: send every
    member (omitted ones are cleared) and `client_id`; the same rules as a registration.
    The answer carries a new registration access token; the one sent stops working.

    Args:
        client_id (str):
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
            client_id=client_id,
            client=client,
            body=body,
        )
    ).parsed
