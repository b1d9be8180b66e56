from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationToken")


@_attrs_define
class RegistrationToken:
    """A new initial access token, shown this once.

    Attributes:
        initial_access_token (str): Send it as `Authorization: Bearer` to `/oauth2/register`. Only its digest is kept.
        uses (int):
        expires_at (datetime.datetime):
        id (str): Names it in the listing and for revocation.
        label (str | Unset):
    """

    initial_access_token: str
    uses: int
    expires_at: datetime.datetime
    id: str
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        initial_access_token = self.initial_access_token

        uses = self.uses

        expires_at = self.expires_at.isoformat()

        id = self.id

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "initial_access_token": initial_access_token,
                "uses": uses,
                "expires_at": expires_at,
                "id": id,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        initial_access_token = d.pop("initial_access_token")

        uses = d.pop("uses")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        label = d.pop("label", UNSET)

        registration_token = cls(
            initial_access_token=initial_access_token,
            uses=uses,
            expires_at=expires_at,
            id=id,
            label=label,
        )

        registration_token.additional_properties = d
        return registration_token

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
