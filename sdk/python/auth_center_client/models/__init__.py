"""Contains all the data models used in inputs/outputs"""

from .admin_user import AdminUser
from .api_error import ApiError
from .create_group_request import CreateGroupRequest
from .field_error import FieldError
from .group import Group
from .group_list import GroupList
from .group_member import GroupMember
from .health import Health
from .me import Me
from .member_list import MemberList
from .readiness import Readiness
from .update_group_request import UpdateGroupRequest
from .user_list import UserList

__all__ = (
    "AdminUser",
    "ApiError",
    "CreateGroupRequest",
    "FieldError",
    "Group",
    "GroupList",
    "GroupMember",
    "Health",
    "Me",
    "MemberList",
    "Readiness",
    "UpdateGroupRequest",
    "UserList",
)
