export { AdminApiKey } from "./adminApiKey";
export type { AdminApiKeyOutputs } from "./adminApiKeyProvider";
export type { AdminApiKeyMetadata, AdminApiKeyOwner, WireAdminApiKey, WireAdminApiKeyOwner } from "./adminApiKeys";
export { getAdminApiKey, getAdminApiKeyOutput } from "./getAdminApiKey";
export type { GetAdminApiKeyArgs, GetAdminApiKeyOutputArgs, GetAdminApiKeyResult } from "./getAdminApiKey";
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
