from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.authorization import Authorization


T = TypeVar("T", bound="AuthorizationList")


@_attrs_define
class AuthorizationList:
    """The caller's active authorizations, newest first.

    Example:
        {'items': [{'client_homepage_url': 'https://printer.example/', 'client_id': 'Bi6rF86kPRq_P2RS4_mDhRKS',
            'client_name': 'Photo Printer', 'created_at': datetime.datetime(2026, 3, 1, 9, 30,
            tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00')), 'expires_at': datetime.datetime(2026, 5, 30, 9, 30,
            tzinfo=datetime.timezone(datetime.timedelta(0), '+00:00')), 'id': '01933b70-2b3c-7d4e-8f5a-6b7c8d9e0f1a',
            'last_used_at': datetime.datetime(2026, 3, 14, 18, 2, 41, tzinfo=datetime.timezone(datetime.timedelta(0),
            '+00:00')), 'scopes': ['email', 'profile']}]}

    Attributes:
        items (list[Authorization]):
    """

    items: list[Authorization]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.authorization import Authorization  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Authorization.from_dict(items_item_data)

            items.append(items_item)

        authorization_list = cls(
            items=items,
        )

        authorization_list.additional_properties = d
        return authorization_list

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
