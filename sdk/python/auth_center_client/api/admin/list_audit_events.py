import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.audit_event_list import AuditEventList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    user: str | Unset = UNSET,
    app: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    next_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user"] = user

    params["app"] = app

    params["type"] = type_

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["next"] = next_

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | AuditEventList | None:
    if response.status_code == 200:
        response_200 = AuditEventList.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | AuditEventList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    app: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    next_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ApiError | AuditEventList]:
    """List audit events

     Returns security-relevant events (sign-ins, account and app changes, revocations,
    administration, key rotation), newest first, `limit` (1–100, default 50) at a time.
    Filters: `user` (the person concerned), `app` (a client id), `type` (a dotted name or
    a prefix ending in `.`, such as `login.`), `since` (inclusive) and `until` (exclusive).
    Pass the `next` of a page to get the following one. Needs the `admin` scope.

    Args:
        user (str | Unset):
        app (str | Unset):
        type_ (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        next_ (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | AuditEventList]
    """

    kwargs = _get_kwargs(
        user=user,
        app=app,
        type_=type_,
        since=since,
        until=until,
        next_=next_,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    app: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    next_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ApiError | AuditEventList | None:
    """List audit events

     Returns security-relevant events (sign-ins, account and app changes, revocations,
    administration, key rotation), newest first, `limit` (1–100, default 50) at a time.
    Filters: `user` (the person concerned), `app` (a client id), `type` (a dotted name or
    a prefix ending in `.`, such as `login.`), `since` (inclusive) and `until` (exclusive).
    Pass the `next` of a page to get the following one. Needs the `admin` scope.

    Args:
        user (str | Unset):
        app (str | Unset):
        type_ (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        next_ (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | AuditEventList
    """

    return sync_detailed(
        client=client,
        user=user,
        app=app,
        type_=type_,
        since=since,
        until=until,
        next_=next_,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    app: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    next_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ApiError | AuditEventList]:
    """List audit events

     Returns security-relevant events (sign-ins, account and app changes, revocations,
    administration, key rotation), newest first, `limit` (1–100, default 50) at a time.
    Filters: `user` (the person concerned), `app` (a client id), `type` (a dotted name or
    a prefix ending in `.`, such as `login.`), `since` (inclusive) and `until` (exclusive).
    Pass the `next` of a page to get the following one. Needs the `admin` scope.

    Args:
        user (str | Unset):
        app (str | Unset):
        type_ (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        next_ (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | AuditEventList]
    """

    kwargs = _get_kwargs(
        user=user,
        app=app,
        type_=type_,
        since=since,
        until=until,
        next_=next_,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    user: str | Unset = UNSET,
    app: str | Unset = UNSET,
    type_: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    next_: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ApiError | AuditEventList | None:
    """List audit events

     Returns security-relevant events (sign-ins, account and app changes, revocations,
    administration, key rotation), newest first, `limit` (1–100, default 50) at a time.
    Filters: `user` (the person concerned), `app` (a client id), `type` (a dotted name or
    a prefix ending in `.`, such as `login.`), `since` (inclusive) and `until` (exclusive).
    Pass the `next` of a page to get the following one. Needs the `admin` scope.

    Args:
        user (str | Unset):
        app (str | Unset):
        type_ (str | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        next_ (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | AuditEventList
    """

    return (
        await asyncio_detailed(
            client=client,
            user=user,
            app=app,
            type_=type_,
            since=since,
            until=until,
            next_=next_,
            limit=limit,
        )
    ).parsed
