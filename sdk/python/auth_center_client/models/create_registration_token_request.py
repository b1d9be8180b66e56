from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateRegistrationTokenRequest")


@_attrs_define
class CreateRegistrationTokenRequest:
    """What an initial access token allows.

    Attributes:
        uses (int): How many clients it may register (1–10000).
        expires_in (int): Seconds it stays valid (60 up to a year).
        label (str | Unset): To recognise it in the listing: at most 100 characters, no control characters.
    """

    uses: int
    expires_in: int
    label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uses = self.uses

        expires_in = self.expires_in

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uses": uses,
                "expires_in": expires_in,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uses = d.pop("uses")

        expires_in = d.pop("expires_in")

        label = d.pop("label", UNSET)

        create_registration_token_request = cls(
            uses=uses,
            expires_in=expires_in,
            label=label,
        )

        create_registration_token_request.additional_properties = d
        return create_registration_token_request

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
