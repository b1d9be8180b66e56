from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationTokenObject")


@_attrs_define
class RegistrationTokenObject:
    """An initial access token as administrators list it: never the token, nor its digest.

    Attributes:
        id (str): Names it for revocation; unrelated to the token.
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        uses (int): How many registrations it allowed when minted.
        uses_left (int): How many registrations it still allows (0: used up).
        created_by (str): The administrator's user id, or `operator` for the command line.
        label (str | Unset): What the administrator wrote to recognise it.
    """

    id: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    uses: int
    uses_left: int
    created_by: str
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        uses = self.uses

        uses_left = self.uses_left

        created_by = self.created_by

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "expires_at": expires_at,
                "uses": uses,
                "uses_left": uses_left,
                "created_by": created_by,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        uses = d.pop("uses")

        uses_left = d.pop("uses_left")

        created_by = d.pop("created_by")

        label = d.pop("label", UNSET)

        registration_token_object = cls(
            id=id,
            created_at=created_at,
            expires_at=expires_at,
            uses=uses,
            uses_left=uses_left,
            created_by=created_by,
            label=label,
        )

        registration_token_object.additional_properties = d
        return registration_token_object

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
