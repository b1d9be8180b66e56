"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .field_error import FieldError
from .health import Health
from .me import Me
from .readiness import Readiness

__all__ = (
    "ApiError",
    "FieldError",
    "Health",
    "Me",
    "Readiness",
)
