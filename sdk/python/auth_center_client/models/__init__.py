"""Contains all the data models used in inputs/outputs"""

from .admin_user import AdminUser
from .api_error import ApiError
from .change_password_request import ChangePasswordRequest
from .confirm_reset_request import ConfirmResetRequest
from .create_group_request import CreateGroupRequest
from .email_request import EmailRequest
from .field_error import FieldError
from .group import Group
from .group_list import GroupList
from .group_member import GroupMember
from .health import Health
from .me import Me
from .member_list import MemberList
from .readiness import Readiness
from .register_request import RegisterRequest
from .token_request import TokenRequest
from .update_group_request import UpdateGroupRequest
from .update_me_request import UpdateMeRequest
from .user_list import UserList

__all__ = (
    "AdminUser",
    "ApiError",
    "ChangePasswordRequest",
    "ConfirmResetRequest",
    "CreateGroupRequest",
    "EmailRequest",
    "FieldError",
    "Group",
    "GroupList",
    "GroupMember",
    "Health",
    "Me",
    "MemberList",
    "Readiness",
    "RegisterRequest",
    "TokenRequest",
    "UpdateGroupRequest",
    "UpdateMeRequest",
    "UserList",
)
