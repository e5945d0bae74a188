// The public API: resources and functions (pulumi/), their types (api/), errors and settings (core/).
export { AdminApiKey, getAdminApiKey, getAdminApiKeyOutput, getAdminApiKeys, getAdminApiKeysOutput } from "./pulumi/adminApiKey";
export type {
    AdminApiKeyArgs,
    AdminApiKeyGetOptions,
    AdminApiKeyOutputs,
    GetAdminApiKeyArgs,
    GetAdminApiKeyOutputArgs,
    GetAdminApiKeyResult,
    GetAdminApiKeysArgs,
    GetAdminApiKeysOutputArgs,
    GetAdminApiKeysResult,
    ManagedAdminApiKeyOutputs,
} from "./pulumi/adminApiKey";
export { Project, getProject, getProjectOutput, getProjects, getProjectsOutput } from "./pulumi/project";
export type {
    ProjectArgs,
    ProjectGetOptions,
    GetProjectArgs,
    GetProjectResult,
    GetProjectsArgs,
    GetProjectsResult,
} from "./pulumi/project";
export type { ProjectExpectations, ProjectInfo, ProjectInputs, WireProject } from "./api/organization/projects";
export {
    ProjectServiceAccount,
    getProjectServiceAccount,
    getProjectServiceAccountOutput,
    getProjectServiceAccounts,
    getProjectServiceAccountsOutput,
} from "./pulumi/projectServiceAccount";
export type {
    ProjectServiceAccountArgs,
    ProjectServiceAccountGetOptions,
    GetProjectServiceAccountArgs,
    GetProjectServiceAccountOutputArgs,
    GetProjectServiceAccountResult,
    GetProjectServiceAccountsArgs,
    GetProjectServiceAccountsResult,
} from "./pulumi/projectServiceAccount";
export type {
    ProjectServiceAccountExpectations,
    ProjectServiceAccountInfo,
    ProjectServiceAccountInputs,
    WireProjectServiceAccount,
} from "./api/organization/projects/serviceAccounts";
export { ProjectUser, getProjectUser, getProjectUserOutput, getProjectUsers, getProjectUsersOutput } from "./pulumi/projectUser";
export type {
    ProjectUserArgs,
    ProjectUserGetOptions,
    ProjectUserPerson,
    GetProjectUserArgs,
    GetProjectUserOutputArgs,
    GetProjectUserResult,
    GetProjectUsersArgs,
    GetProjectUsersResult,
} from "./pulumi/projectUser";
export type { ProjectUserExpectations, ProjectUserInfo, ProjectUserInputs, WireProjectUser } from "./api/organization/projects/users";
export {
    ProjectApiKey,
    getProjectApiKey,
    getProjectApiKeyOutput,
    getProjectApiKeys,
    getProjectApiKeysOutput,
} from "./pulumi/projectApiKey";
export type {
    ProjectApiKeyGetOptions,
    GetProjectApiKeyArgs,
    GetProjectApiKeyResult,
    GetProjectApiKeysArgs,
    GetProjectApiKeysResult,
} from "./pulumi/projectApiKey";
export type {
    ProjectApiKeyExpectations,
    ProjectApiKeyInfo,
    ProjectApiKeyOwner,
    WireProjectApiKey,
    WireProjectApiKeyOwner,
} from "./api/organization/projects/apiKeys";
export {
    ProjectRateLimit,
    getProjectRateLimit,
    getProjectRateLimitOutput,
    getProjectRateLimits,
    getProjectRateLimitsOutput,
} from "./pulumi/projectRateLimit";
export type {
    ProjectRateLimitArgs,
    GetProjectRateLimitArgs,
    GetProjectRateLimitResult,
    GetProjectRateLimitsArgs,
    GetProjectRateLimitsResult,
} from "./pulumi/projectRateLimit";
export type {
    ProjectRateLimitInfo,
    ProjectRateLimitInputs,
    ProjectRateLimitValues,
    WireProjectRateLimit,
} from "./api/organization/projects/rateLimits";
export type {
    AdminApiKeyExpectations,
    AdminApiKeyMetadata,
    AdminApiKeyOwner,
    WireAdminApiKey,
    WireAdminApiKeyOwner,
} from "./api/organization/adminApiKeys";
export { LookupError, LookupError as KeyLookupError } from "./pulumi/dataSources";
export type { Adopt } from "./pulumi/managedInputs";
export { assertExpectations, evaluateExpectations } from "./api/organization/adminApiKeys";
export { ExpectationError } from "./api/expectations";
export type { ExpectationFailure, OneOrMore } from "./api/expectations";
export {
    ApiError,
    AuthenticationError,
    ConfigurationError,
    ConnectionError,
    InvalidInputError,
    InvalidResponseError,
    NotFoundError,
    OpenAIAdminError,
    PermissionDeniedError,
    ProxyError,
    RateLimitError,
    RateLimitWaitError,
    ServerError,
    TimeoutError,
} from "./core/errors";
export { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, SETTING_SOURCES } from "./core/settings";
export { Role, ProjectRole, getRole, getRoleOutput, getRoles, getRolesOutput } from "./pulumi/role";
export { getProjectRole, getProjectRoleOutput, getProjectRoles, getProjectRolesOutput } from "./pulumi/role";
export type {
    GetProjectRoleArgs,
    GetProjectRoleResult,
    GetProjectRolesArgs,
    GetProjectRolesResult,
    GetRoleArgs,
    GetRolesArgs,
    GetRolesResult,
    ProjectRoleArgs,
    RoleArgs,
    RoleGetOptions,
} from "./pulumi/role";
export type { ProjectRoleInputs, RoleExpectations, RoleInfo, RoleInputs, WireRole } from "./api/organization/roles";
export {
    GroupRoleAssignment,
    ProjectGroupRoleAssignment,
    ProjectUserRoleAssignment,
    UserRoleAssignment,
    getGroupRoleAssignments,
    getGroupRoleAssignmentsOutput,
    getProjectGroupRoleAssignments,
    getProjectGroupRoleAssignmentsOutput,
    getProjectUserRoleAssignments,
    getProjectUserRoleAssignmentsOutput,
    getUserRoleAssignments,
    getUserRoleAssignmentsOutput,
} from "./pulumi/roleAssignment";
export type {
    GetGroupRoleAssignmentsArgs,
    GetProjectGroupRoleAssignmentsArgs,
    GetProjectUserRoleAssignmentsArgs,
    GetRoleAssignmentsResult,
    GetUserRoleAssignmentsArgs,
    GroupRoleAssignmentArgs,
    ProjectGroupRoleAssignmentArgs,
    ProjectUserRoleAssignmentArgs,
    RoleAssignmentGetOptions,
    UserRoleAssignmentArgs,
} from "./pulumi/roleAssignment";
export type { RoleAssignmentInfo, RoleAssignmentListExpectations, WireAssignedRole } from "./api/organization/roleAssignments";
export { checkEmailDomain, checkNone, checkOnlyRoles, checkOwners } from "./api/accessGates";
export type { OwnersExpectation, Principal } from "./api/accessGates";
export type { ProjectUsersGates } from "./pulumi/projectUser";
export type { ListGateFailure } from "./api/declaration";
export { OrganizationUser, getUser, getUserOutput, getUsers, getUsersOutput } from "./pulumi/organizationUser";
export type {
    OrganizationUserArgs,
    OrganizationUserGetOptions,
    OrganizationUserPerson,
    GetUserArgs,
    GetUserOutputArgs,
    GetUserResult,
    GetUsersArgs,
    GetUsersResult,
} from "./pulumi/organizationUser";
export type {
    OrganizationUserExpectations,
    OrganizationUserInfo,
    OrganizationUserInputs,
    WireOrganizationUser,
} from "./api/organization/users";
export { Invite, getInvite, getInviteOutput, getInvites, getInvitesOutput } from "./pulumi/invite";
export type { InviteArgs, InviteGetOptions, GetInviteArgs, GetInviteResult, GetInvitesArgs, GetInvitesResult } from "./pulumi/invite";
export type { InviteExpectations, InviteInfo, InviteInputs, InviteProject, WireInvite } from "./api/organization/invites";
export { Group, getGroup, getGroupOutput, getGroups, getGroupsOutput } from "./pulumi/group";
export type { GroupArgs, GroupGetOptions, GetGroupArgs, GetGroupResult, GetGroupsArgs, GetGroupsResult } from "./pulumi/group";
export type { GroupExpectations, GroupInfo, GroupInputs, WireGroup } from "./api/organization/groups";
export { GroupUser, getGroupUser, getGroupUserOutput, getGroupUsers, getGroupUsersOutput } from "./pulumi/groupUser";
export type {
    GroupUserArgs,
    GroupUserGetOptions,
    GetGroupUserArgs,
    GetGroupUserResult,
    GetGroupUsersArgs,
    GetGroupUsersResult,
} from "./pulumi/groupUser";
export type { GroupUserExpectations, GroupUserInfo, GroupUserInputs, WireGroupUser } from "./api/organization/groups/users";
export { ProjectGroup, getProjectGroup, getProjectGroupOutput, getProjectGroups, getProjectGroupsOutput } from "./pulumi/projectGroup";
export type {
    ProjectGroupArgs,
    ProjectGroupGetOptions,
    GetProjectGroupArgs,
    GetProjectGroupResult,
    GetProjectGroupsArgs,
    GetProjectGroupsResult,
} from "./pulumi/projectGroup";
export type { ProjectGroupExpectations, ProjectGroupInfo, ProjectGroupInputs, WireProjectGroup } from "./api/organization/projects/groups";
export { getUsage, getUsageOutput } from "./pulumi/usage";
export type { GetUsageArgs, GetUsageResult } from "./pulumi/usage";
export { getCosts, getCostsOutput } from "./pulumi/costs";
export type { GetCostsArgs, GetCostsResult } from "./pulumi/costs";
export { getAuditLogs, getAuditLogsOutput } from "./pulumi/auditLogs";
export type { EffectiveAt, GetAuditLogsArgs, GetAuditLogsResult } from "./pulumi/auditLogs";
export type {
    AudioSpeechesUsageResult,
    AudioTranscriptionsUsageResult,
    CodeInterpreterSessionsUsageResult,
    CompletionsUsageResult,
    EmbeddingsUsageResult,
    FileSearchCallsUsageResult,
    ImagesUsageResult,
    ModerationsUsageResult,
    UsageExpectations,
    UsageKind,
    UsageReport,
    UsageResults,
    VectorStoresUsageResult,
    WebSearchCallsUsageResult,
} from "./api/organization/usage";
export type { Amount, CostExpectations, CostReport, CostResult } from "./api/organization/costs";
export type {
    AuditLogActor,
    AuditLogDetailsByType,
    AuditLogEvent,
    AuditLogExpectations,
    AuditLogReport,
} from "./api/organization/auditLogs";
export type { Bucket } from "./api/reports";
export type { RelativeWindow, TimeInput } from "./api/reportTime";
