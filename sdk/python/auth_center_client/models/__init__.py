"""Contains all the data models used in inputs/outputs"""

from .admin_user import AdminUser
from .api_error import ApiError
from .create_group_request import CreateGroupRequest
from .field_error import FieldError
from .group import Group
from .group_list import GroupList
from .group_member import GroupMember
from .health import Health
from .introspection_body import IntrospectionBody
from .jwk import Jwk
from .jwks import Jwks
from .me import Me
from .member_list import MemberList
from .metadata import Metadata
from .o_auth_error_body import OAuthErrorBody
from .readiness import Readiness
from .revoked_body import RevokedBody
from .token_body import TokenBody
from .token_form import TokenForm
from .token_hint_form import TokenHintForm
from .update_group_request import UpdateGroupRequest
from .user_info_body import UserInfoBody
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
    "IntrospectionBody",
    "Jwk",
    "Jwks",
    "Me",
    "MemberList",
    "Metadata",
    "OAuthErrorBody",
    "Readiness",
    "RevokedBody",
    "TokenBody",
    "TokenForm",
    "TokenHintForm",
    "UpdateGroupRequest",
    "UserInfoBody",
    "UserList",
)
