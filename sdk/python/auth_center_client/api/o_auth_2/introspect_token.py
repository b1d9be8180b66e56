from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.introspection_body import IntrospectionBody
from ...models.o_auth_error_body import OAuthErrorBody
from ...models.token_hint_form import TokenHintForm
from ...types import Response


def _get_kwargs(
    *,
    body: TokenHintForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth2/introspect",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntrospectionBody | OAuthErrorBody | None:
    if response.status_code == 200:
        response_200 = IntrospectionBody.from_dict(response.json())

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
) -> Response[IntrospectionBody | OAuthErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenHintForm,
) -> Response[IntrospectionBody | OAuthErrorBody]:
    """Introspect a token

     RFC 7662, for confidential clients (resource servers). Answers `{"active": false}` for
    unknown, expired and revoked tokens, and the token's scope, client, subject and times
    for active ones.

    Args:
        body (TokenHintForm): A token to revoke or introspect. Example: {'token':
            'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiYXQrand0In0.e30.c2ln', 'token_type_hint':
            'access_token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntrospectionBody | OAuthErrorBody]
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
    body: TokenHintForm,
) -> IntrospectionBody | OAuthErrorBody | None:
    """Introspect a token

     RFC 7662, for confidential clients (resource servers). Answers `{"active": false}` for
    unknown, expired and revoked tokens, and the token's scope, client, subject and times
    for active ones.

    Args:
        body (TokenHintForm): A token to revoke or introspect. Example: {'token':
            'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiYXQrand0In0.e30.c2ln', 'token_type_hint':
            'access_token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntrospectionBody | OAuthErrorBody
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenHintForm,
) -> Response[IntrospectionBody | OAuthErrorBody]:
    """Introspect a token

     RFC 7662, for confidential clients (resource servers). Answers `{"active": false}` for
    unknown, expired and revoked tokens, and the token's scope, client, subject and times
    for active ones.

    Args:
        body (TokenHintForm): A token to revoke or introspect. Example: {'token':
            'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiYXQrand0In0.e30.c2ln', 'token_type_hint':
            'access_token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntrospectionBody | OAuthErrorBody]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenHintForm,
) -> IntrospectionBody | OAuthErrorBody | None:
    """Introspect a token

     RFC 7662, for confidential clients (resource servers). Answers `{"active": false}` for
    unknown, expired and revoked tokens, and the token's scope, client, subject and times
    for active ones.

    Args:
        body (TokenHintForm): A token to revoke or introspect. Example: {'token':
            'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiYXQrand0In0.e30.c2ln', 'token_type_hint':
            'access_token'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntrospectionBody | OAuthErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
