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
