from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """The error body of every non-OAuth error response.

    Example:
        {'error': 'validation_failed', 'fields': [{'field': 'username', 'message': 'must be 3 to 32 characters long'}],
            'message': 'the request has invalid fields'}

    Attributes:
        error (str): A stable machine-readable code: `bad_request`, `validation_failed`, `unauthorized`,
            `forbidden`, `not_found`, `method_not_allowed`, `request_timeout`, `conflict`,
            `payload_too_large`, `unsupported_media_type`, `too_many_requests`, `internal_error`,
            `service_unavailable`.
        message (str): A human-readable explanation.
        fields (list[FieldError]): Field-level problems (validation and conflicts); empty otherwise.
    """

    error: str
    message: str
    fields: list[FieldError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        message = self.message

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = FieldError.from_dict(fields_item_data)

            fields.append(fields_item)

        api_error = cls(
            error=error,
            message=message,
            fields=fields,
        )

        api_error.additional_properties = d
        return api_error

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
