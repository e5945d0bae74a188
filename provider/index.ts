export { AdminApiKey } from "./adminApiKey";
export type { AdminApiKeyArgs, AdminApiKeyGetOptions } from "./adminApiKey";
export type { AdminApiKeyOutputs, ManagedAdminApiKeyOutputs } from "./adminApiKeyProvider";
export type { AdminApiKeyMetadata, AdminApiKeyOwner, WireAdminApiKey, WireAdminApiKeyOwner } from "./adminApiKeys";
export { getAdminApiKey, getAdminApiKeyOutput, KeyLookupError } from "./getAdminApiKey";
export type { GetAdminApiKeyArgs, GetAdminApiKeyOutputArgs, GetAdminApiKeyResult } from "./getAdminApiKey";
export { getAdminApiKeys, getAdminApiKeysOutput } from "./getAdminApiKeys";
export type { GetAdminApiKeysArgs, GetAdminApiKeysOutputArgs, GetAdminApiKeysResult } from "./getAdminApiKeys";
export { assertExpectations, evaluateExpectations, ExpectationError } from "./expectations";
export type { AdminApiKeyExpectations, ExpectationFailure, OneOrMore } from "./expectations";
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
    RateLimitError,
    ServerError,
    TimeoutError,
} from "./errors";
export { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, SETTING_SOURCES } from "./settings";
