from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_resource_member import GroupResourceMember


T = TypeVar("T", bound="GroupResource")


@_attrs_define
class GroupResource:
    """A group and its members.

    Example:
        {'description': 'Everyone who ships the product', 'id': '01933b6f-1d2e-7a4b-8c9d-0e1f2a3b4c5d', 'members':
            [{'id': '01933b6e-7c1a-7f3e-9d2a-4c5b6a7d8e9f', 'username': 'alice'}], 'name': 'engineering'}

    Attributes:
        id (str):
        name (str):
        description (str):
        members (list[GroupResourceMember]):
    """

    id: str
    name: str
    description: str
    members: list[GroupResourceMember]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_resource_member import GroupResourceMember  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = GroupResourceMember.from_dict(members_item_data)

            members.append(members_item)

        group_resource = cls(
            id=id,
            name=name,
            description=description,
            members=members,
        )

        group_resource.additional_properties = d
        return group_resource

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
