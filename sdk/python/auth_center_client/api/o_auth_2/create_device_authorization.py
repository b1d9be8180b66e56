from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_authorization_body import DeviceAuthorizationBody
from ...models.device_authorization_form import DeviceAuthorizationForm
from ...models.o_auth_error_body import OAuthErrorBody
from ...types import Response


def _get_kwargs(
    *,
    body: DeviceAuthorizationForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/device_authorization",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceAuthorizationBody | OAuthErrorBody | None:
    if response.status_code == 200:
        response_200 = DeviceAuthorizationBody.from_dict(response.json())

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
) -> Response[DeviceAuthorizationBody | OAuthErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceAuthorizationForm,
) -> Response[DeviceAuthorizationBody | OAuthErrorBody]:
    """Start a device authorization

     RFC 8628 device authorization for apps whose grant types include
    `urn:ietf:params:oauth:grant-type:device_code` (others get `unauthorized_client`).
    Show `user_code` and `verification_uri` to the person, then poll `/oauth2/token` with
    `grant_type=urn:ietf:params:oauth:grant-type:device_code` and `device_code` every
    `interval` seconds. Confidential clients authenticate as at the token endpoint; public
    clients send `client_id`. Unregistered scopes answer `invalid_scope`.

    Args:
        body (DeviceAuthorizationForm): A device authorization request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceAuthorizationBody | OAuthErrorBody]
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
    body: DeviceAuthorizationForm,
) -> DeviceAuthorizationBody | OAuthErrorBody | None:
    """Start a device authorization

     RFC 8628 device authorization for apps whose grant types include
    `urn:ietf:params:oauth:grant-type:device_code` (others get `unauthorized_client`).
    Show `user_code` and `verification_uri` to the person, then poll `/oauth2/token` with
    `grant_type=urn:ietf:params:oauth:grant-type:device_code` and `device_code` every
    `interval` seconds. Confidential clients authenticate as at the token endpoint; public
    clients send `client_id`. Unregistered scopes answer `invalid_scope`.

    Args:
        body (DeviceAuthorizationForm): A device authorization request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceAuthorizationBody | OAuthErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceAuthorizationForm,
) -> Response[DeviceAuthorizationBody | OAuthErrorBody]:
    """Start a device authorization

     RFC 8628 device authorization for apps whose grant types include
    `urn:ietf:params:oauth:grant-type:device_code` (others get `unauthorized_client`).
    Show `user_code` and `verification_uri` to the person, then poll `/oauth2/token` with
    `grant_type=urn:ietf:params:oauth:grant-type:device_code` and `device_code` every
    `interval` seconds. Confidential clients authenticate as at the token endpoint; public
    clients send `client_id`. Unregistered scopes answer `invalid_scope`.

    Args:
        body (DeviceAuthorizationForm): A device authorization request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceAuthorizationBody | OAuthErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DeviceAuthorizationForm,
) -> DeviceAuthorizationBody | OAuthErrorBody | None:
    """Start a device authorization

     RFC 8628 device authorization for apps whose grant types include
    `urn:ietf:params:oauth:grant-type:device_code` (others get `unauthorized_client`).
    Show `user_code` and `verification_uri` to the person, then poll `/oauth2/token` with
    `grant_type=urn:ietf:params:oauth:grant-type:device_code` and `device_code` every
    `interval` seconds. Confidential clients authenticate as at the token endpoint; public
    clients send `client_id`. Unregistered scopes answer `invalid_scope`.

    Args:
        body (DeviceAuthorizationForm): A device authorization request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceAuthorizationBody | OAuthErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
