"""Contains all the data models used in inputs/outputs"""

from .admin_user import AdminUser
from .api_error import ApiError
from .app import App
from .app_list import AppList
from .app_patch_request import AppPatchRequest
from .app_request import AppRequest
from .app_secret_info import AppSecretInfo
from .audit_event_list import AuditEventList
from .audit_event_object import AuditEventObject
from .audit_event_object_details import AuditEventObjectDetails
from .authorization import Authorization
from .authorization_list import AuthorizationList
from .change_password_request import ChangePasswordRequest
from .client_information_response import ClientInformationResponse
from .client_metadata_request import ClientMetadataRequest
from .confirm_reset_request import ConfirmResetRequest
from .create_group_request import CreateGroupRequest
from .create_registration_token_request import CreateRegistrationTokenRequest
from .create_resource_server_request import CreateResourceServerRequest
from .created_app import CreatedApp
from .device_authorization_body import DeviceAuthorizationBody
from .device_authorization_form import DeviceAuthorizationForm
from .email_request import EmailRequest
from .ended_sessions import EndedSessions
from .field_error import FieldError
from .group import Group
from .group_list import GroupList
from .group_member import GroupMember
from .group_resource import GroupResource
from .group_resource_member import GroupResourceMember
from .health import Health
from .introspection_body import IntrospectionBody
from .jwk import Jwk
from .jwks import Jwks
from .me import Me
from .member_list import MemberList
from .metadata import Metadata
from .o_auth_error_body import OAuthErrorBody
from .par_body import ParBody
from .par_form import ParForm
from .protected_resource_metadata import ProtectedResourceMetadata
from .readiness import Readiness
from .register_request import RegisterRequest
from .registration_token import RegistrationToken
from .registration_token_list import RegistrationTokenList
from .registration_token_object import RegistrationTokenObject
from .resource_scope_object import ResourceScopeObject
from .resource_server import ResourceServer
from .resource_server_list import ResourceServerList
from .revoked_body import RevokedBody
from .rotated_app_secret import RotatedAppSecret
from .session_info import SessionInfo
from .session_list import SessionList
from .token_body import TokenBody
from .token_form import TokenForm
from .token_hint_form import TokenHintForm
from .token_request import TokenRequest
from .update_group_request import UpdateGroupRequest
from .update_me_request import UpdateMeRequest
from .update_resource_server_request import UpdateResourceServerRequest
from .user_info_body import UserInfoBody
from .user_list import UserList
from .user_resource import UserResource

__all__ = (
    "AdminUser",
    "ApiError",
    "App",
    "AppList",
    "AppPatchRequest",
    "AppRequest",
    "AppSecretInfo",
    "AuditEventList",
    "AuditEventObject",
    "AuditEventObjectDetails",
    "Authorization",
    "AuthorizationList",
    "ChangePasswordRequest",
    "ClientInformationResponse",
    "ClientMetadataRequest",
    "ConfirmResetRequest",
    "CreatedApp",
    "CreateGroupRequest",
    "CreateRegistrationTokenRequest",
    "CreateResourceServerRequest",
    "DeviceAuthorizationBody",
    "DeviceAuthorizationForm",
    "EmailRequest",
    "EndedSessions",
    "FieldError",
    "Group",
    "GroupList",
    "GroupMember",
    "GroupResource",
    "GroupResourceMember",
    "Health",
    "IntrospectionBody",
    "Jwk",
    "Jwks",
    "Me",
    "MemberList",
    "Metadata",
    "OAuthErrorBody",
    "ParBody",
    "ParForm",
    "ProtectedResourceMetadata",
    "Readiness",
    "RegisterRequest",
    "RegistrationToken",
    "RegistrationTokenList",
    "RegistrationTokenObject",
    "ResourceScopeObject",
    "ResourceServer",
    "ResourceServerList",
    "RevokedBody",
    "RotatedAppSecret",
    "SessionInfo",
    "SessionList",
    "TokenBody",
    "TokenForm",
    "TokenHintForm",
    "TokenRequest",
    "UpdateGroupRequest",
    "UpdateMeRequest",
    "UpdateResourceServerRequest",
    "UserInfoBody",
    "UserList",
    "UserResource",
)
