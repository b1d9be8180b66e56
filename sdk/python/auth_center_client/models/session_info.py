from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionInfo")


@_attrs_define
class SessionInfo:
    """One browser session of the caller.

    Attributes:
        id (str): The session's public id: pass it to `endMySession`. It grants nothing.
        browser (str): The browser family, from the User-Agent at sign-in (`Other` when not recognised).
        os (str): The operating system family, from the same header.
        signed_in_at (datetime.datetime): When the person signed in.
        last_seen_at (datetime.datetime): When the session was last used (recorded at most every five minutes).
        current (bool): Whether this is the session making the call.
        ip (str | Unset): The client's address at sign-in, when known.
    """

    id: str
    browser: str
    os: str
    signed_in_at: datetime.datetime
    last_seen_at: datetime.datetime
    current: bool
    ip: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        browser = self.browser

        os = self.os

        signed_in_at = self.signed_in_at.isoformat()

        last_seen_at = self.last_seen_at.isoformat()

        current = self.current

        ip = self.ip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "browser": browser,
                "os": os,
                "signed_in_at": signed_in_at,
                "last_seen_at": last_seen_at,
                "current": current,
            }
        )
        if ip is not UNSET:
            field_dict["ip"] = ip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        browser = d.pop("browser")

        os = d.pop("os")

        signed_in_at = datetime.datetime.fromisoformat(d.pop("signed_in_at"))

        last_seen_at = datetime.datetime.fromisoformat(d.pop("last_seen_at"))

        current = d.pop("current")

        ip = d.pop("ip", UNSET)

        session_info = cls(
            id=id,
            browser=browser,
            os=os,
            signed_in_at=signed_in_at,
            last_seen_at=last_seen_at,
            current=current,
            ip=ip,
        )

        session_info.additional_properties = d
        return session_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
