import { z } from "zod";
import { Attempt, ConfigurationError } from "./errors";
import { schemaOnce } from "./validation";

/** Everything a client needs to call the Administration API. Lives only in the process that calls. */
export interface ClientSettings {
    /** The admin API key (`sk-admin-...`). Never stored, logged or put in an error. */
    readonly adminKey: string;
    /** API root including `/v1`, without a trailing slash. */
    readonly baseUrl: string;
    /** Time allowed for one HTTP request, in milliseconds. */
    readonly timeoutMs: number;
    /** Retries after the first request for failures other than 429 (rate limited). */
    readonly maxRetries: number;
    /** Longest time one call may spend waiting to retry, in milliseconds; 429s are retried until it runs out. */
    readonly retryBudgetMs: number;
    /** Requests a minute to allow each endpoint, in bursts of as many; undefined: no pacing until a 429. */
    readonly requestsPerMinute: number | undefined;
    /** Most requests in flight at once to one endpoint, per process. */
    readonly maxConcurrentRequests: number;
}

/** Looks up a stack configuration value by its full key (`openai:adminKey`); `undefined` when unset. */
export type ConfigLookup = (key: string) => string | undefined;

/** The official API root, used when neither `openai:baseUrl` nor `OPENAI_BASE_URL` is set. */
export const DEFAULT_BASE_URL = "https://api.openai.com/v1";
/** Default time allowed for one request, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Default retries after the first request, as in OpenAI's own SDKs. */
export const DEFAULT_MAX_RETRIES = 2;
/**
 * Default retry budget, which bounds every wait of one call (retries and the rate limiter's
 * queue): ten minutes, so that about 100 calls queued on one endpoint at the admin API's
 * 10 a minute all get through, and no call waits longer.
 */
export const DEFAULT_RETRY_BUDGET_MS = 600_000;
/** Default requests in flight at once to one endpoint. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

/** Where each setting comes from: stack config first, then the environment. */
export const SETTING_SOURCES = {
    adminKey: { config: "openai:adminKey", env: "OPENAI_ADMIN_KEY" },
    baseUrl: { config: "openai:baseUrl", env: "OPENAI_BASE_URL" },
    timeoutMs: { config: "openai:timeoutMs", env: "OPENAI_TIMEOUT_MS" },
    maxRetries: { config: "openai:maxRetries", env: "OPENAI_MAX_RETRIES" },
    retryBudgetMs: { config: "openai:retryBudgetMs", env: "OPENAI_RETRY_BUDGET_MS" },
    requestsPerMinute: { config: "openai:requestsPerMinute", env: "OPENAI_REQUESTS_PER_MINUTE" },
    maxConcurrentRequests: { config: "openai:maxConcurrentRequests", env: "OPENAI_MAX_CONCURRENT_REQUESTS" },
} as const;

type SettingName = keyof typeof SETTING_SOURCES;

function settingLabel(name: SettingName): string {
    const source = SETTING_SOURCES[name];
    return `${source.config} (or ${source.env})`;
}

// Prefixes of OpenAI keys that are not admin keys; such a key gets 401/403 on every
// admin path, so it is refused before it is sent anywhere.
const NON_ADMIN_KEY_PREFIXES = ["sk-proj-", "sk-svcacct-", "sk-None-", "sk-user-"];

// Schemas are built once per process by schemaOnce (see validation.ts: module-level zod
// objects would be serialized into the state by value).
const adminKeySchema = () =>
    schemaOnce("adminKey", () =>
        z
            .string()
            .refine((key) => !/\s/.test(key), { error: "contains whitespace (a copy-paste accident?)" })
            // Node would send a Latin-1 character as some other byte, and refuse others only at
            // send time: refuse the key here, whole, rather than send an altered one.
            .refine((key) => /^[\x21-\x7e]+$/.test(key), {
                error: "contains characters that cannot be sent in an HTTP header (only visible ASCII; a copy-paste accident?)",
            })
            .refine((key) => !NON_ADMIN_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)), {
                error: "holds a project, user or service-account key; the Administration API needs an admin key (sk-admin-...)",
            }),
    );

/**
 * Whether a URL's host name is this machine: `localhost`, `127.x.x.x` or `[::1]`.
 *
 * @param hostname `URL.hostname`, brackets included for IPv6
 * @returns true for a loopback host
 */
export function isLoopbackHost(hostname: string): boolean {
    return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const baseUrlSchema = () =>
    schemaOnce("baseUrl", () =>
        z
            .url({ error: "is not a valid URL" })
            .transform((text) => ({ text, url: new URL(text) }))
            .refine(({ url }) => url.protocol === "https:" || url.protocol === "http:", { error: "must use https://" })
            .refine(({ url }) => url.protocol === "https:" || isLoopbackHost(url.hostname), {
                error: "uses plain http:// to a host other than this machine; the admin key would cross the network in clear (use https://)",
            })
            // The raw text, not url.search/url.hash: WHATWG URL gives "" for a bare "?" or "#".
            .refine(({ text }) => !/[?#]/.test(text), { error: "must not have a query or a fragment" })
            .refine(({ url }) => url.username === "" && url.password === "", { error: "must not carry credentials" })
            .transform(({ url }) => url.toString().replace(/\/+$/, "")),
    );

function integerSchema(min: number, max: number) {
    return schemaOnce(`integer ${min}..${max}`, () =>
        z.coerce
            .number({ error: "is not a number" })
            .int({ error: "must be a whole number" })
            .min(min, { error: `must be at least ${min}` })
            .max(max, { error: `must be at most ${max}` }),
    );
}

/**
 * Resolves the client settings: stack config wins over the environment, and empty
 * values count as unset. Throws before any request when a value is missing or unusable.
 *
 * @param attempt what the caller is about to do, for error messages
 * @param config stack configuration lookup (`openai:adminKey`, ...); pass `() => undefined` outside Pulumi
 * @param env the environment to read `OPENAI_*` variables from
 * @returns settings ready for {@link createAdminClient}
 * @throws {ConfigurationError} naming the setting, both ways to set it, and the reason
 *
 * @example
 * const settings = resolveSettings({ operation: "list admin API keys" }, () => undefined, process.env);
 */
export function resolveSettings(attempt: Attempt, config: ConfigLookup, env: NodeJS.ProcessEnv): ClientSettings {
    const raw = (name: SettingName): string | undefined => {
        const source = SETTING_SOURCES[name];
        const fromConfig = config(source.config);
        if (fromConfig !== undefined && fromConfig !== "") {
            return fromConfig;
        }
        const fromEnv = env[source.env];
        return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
    };
    const parse = <T>(name: SettingName, schema: z.ZodType<T>, fallback: string): T => {
        const result = schema.safeParse(raw(name) ?? fallback);
        if (!result.success) {
            throw new ConfigurationError(attempt, settingLabel(name), result.error.issues[0]?.message ?? "is not valid");
        }
        return result.data;
    };

    const adminKey = raw("adminKey");
    if (adminKey === undefined) {
        throw new ConfigurationError(
            attempt,
            settingLabel("adminKey"),
            "is not set: run `pulumi config set --secret openai:adminKey <key>` or export OPENAI_ADMIN_KEY",
        );
    }
    return {
        adminKey: parse("adminKey", adminKeySchema(), adminKey),
        baseUrl: parse("baseUrl", baseUrlSchema(), DEFAULT_BASE_URL),
        timeoutMs: parse("timeoutMs", integerSchema(1, 600_000), String(DEFAULT_TIMEOUT_MS)),
        maxRetries: parse("maxRetries", integerSchema(0, 10), String(DEFAULT_MAX_RETRIES)),
        retryBudgetMs: parse("retryBudgetMs", integerSchema(0, 3_600_000), String(DEFAULT_RETRY_BUDGET_MS)),
        requestsPerMinute: raw("requestsPerMinute") === undefined ? undefined : parse("requestsPerMinute", integerSchema(1, 100_000), ""),
        maxConcurrentRequests: parse("maxConcurrentRequests", integerSchema(1, 64), String(DEFAULT_MAX_CONCURRENT_REQUESTS)),
    };
}
