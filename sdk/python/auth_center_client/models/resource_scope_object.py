from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourceScopeObject")


@_attrs_define
class ResourceScopeObject:
    """A scope a resource server defines, with the consent page's texts.

    Attributes:
        name (str): An OAuth scope token (RFC 6749 §3.3), unique within the resource server.
        description (str | Unset): What the consent page says about it in English (at most 200 characters). Default: ''.
        description_zh (str | Unset): The same in Simplified Chinese; the English text is shown when empty. Default: ''.
    """

    name: str
    description: str | Unset = ""
    description_zh: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        description_zh = self.description_zh

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if description_zh is not UNSET:
            field_dict["description_zh"] = description_zh

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        description_zh = d.pop("description_zh", UNSET)

        resource_scope_object = cls(
            name=name,
            description=description,
            description_zh=description_zh,
        )

        resource_scope_object.additional_properties = d
        return resource_scope_object

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
