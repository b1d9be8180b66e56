from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_event_object_details import AuditEventObjectDetails


T = TypeVar("T", bound="AuditEventObject")


@_attrs_define
class AuditEventObject:
    """One recorded event. Never carries a secret, password, token, code or digest.

    Attributes:
        id (str):
        time (datetime.datetime):
        type_ (str): What happened, a dotted name: `login.succeeded`, `login.failed`, `logout`,
            `throttle.refused`, `password.changed`, `password.reset`, `email.changed`,
            `second_factor.enabled`, `second_factor.disabled`, `recovery_code.used`,
            `consent.granted`, `consent.revoked`, `token.revoked`, `grant.revoked`,
            `refresh.reuse_detected`, `app.created`, `app.changed`, `app.deleted`,
            `app.secret_rotated`, `admin.*`, `key.rotated`, `session.ended`, `account.registered`,
            `email.verified`, `recovery_codes.regenerated`.
        actor (str): A user id, an app's client id, `anonymous` (an unknown account) or `system`.
        details (AuditEventObjectDetails): Small facts of the kind (a scope list, a key id, a count).
        reason (str | Unset): Why it ended so (`bad_password`, `unknown_user`, `throttled`, `second_factor_failed`,
            `disabled`, `unverified`, `code_replayed`).
        subject (str | Unset): The person the event is about.
        app (str | Unset): The app (client id) involved.
        ip (str | Unset):
        user_agent (str | Unset):
        request_id (str | Unset): The `x-request-id` of the request that caused it.
    """

    id: str
    time: datetime.datetime
    type_: str
    actor: str
    details: AuditEventObjectDetails
    reason: str | Unset = UNSET
    subject: str | Unset = UNSET
    app: str | Unset = UNSET
    ip: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        time = self.time.isoformat()

        type_ = self.type_

        actor = self.actor

        details = self.details.to_dict()

        reason = self.reason

        subject = self.subject

        app = self.app

        ip = self.ip

        user_agent = self.user_agent

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "time": time,
                "type": type_,
                "actor": actor,
                "details": details,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if subject is not UNSET:
            field_dict["subject"] = subject
        if app is not UNSET:
            field_dict["app"] = app
        if ip is not UNSET:
            field_dict["ip"] = ip
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_object_details import AuditEventObjectDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        time = datetime.datetime.fromisoformat(d.pop("time"))

        type_ = d.pop("type")

        actor = d.pop("actor")

        details = AuditEventObjectDetails.from_dict(d.pop("details"))

        reason = d.pop("reason", UNSET)

        subject = d.pop("subject", UNSET)

        app = d.pop("app", UNSET)

        ip = d.pop("ip", UNSET)

        user_agent = d.pop("user_agent", UNSET)

        request_id = d.pop("request_id", UNSET)

        audit_event_object = cls(
            id=id,
            time=time,
            type_=type_,
            actor=actor,
            details=details,
            reason=reason,
            subject=subject,
            app=app,
            ip=ip,
            user_agent=user_agent,
            request_id=request_id,
        )

        audit_event_object.additional_properties = d
        return audit_event_object

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
