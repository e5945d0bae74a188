import axios, { AxiosError, AxiosResponse, InternalAxiosRequestConfig } from "axios";
import axiosRetry from "axios-retry";
import { z } from "zod";
import {
    ApiError,
    Attempt,
    AuthenticationError,
    ConfigurationError,
    ConnectionError,
    ErrorDetails,
    escapeInvisible,
    InvalidResponseError,
    NotFoundError,
    OpenAIAdminError,
    PermissionDeniedError,
    ProxyError,
    RateLimitError,
    RateLimitWaitError,
    redactKeyShapes,
    ServerError,
    shownText,
    TimeoutError,
} from "./errors";
import { limiterDeadlineOf, limiterFor, LimiterRegistry, processLimiters, WaitListener } from "./rateLimiter";
import { FailedExchange, RetryClock, retryDelayMs, shouldRetry, systemClock } from "./retryPolicy";
import { ClientSettings, isLoopbackHost, SETTING_SOURCES } from "./settings";
import { describeShapeIssue, schemaOnce } from "./validation";

/**
 * What the client tracks for one call across its attempts; kept on the axios config. A class
 * instance, not a plain object: axios copies plain objects of the config for every attempt,
 * and the call must be able to give back the very slot its attempt took.
 */
class CallState {
    /** Time spent so far waiting, to retry or in the limiter, milliseconds: what the retry budget limits. */
    retryWaitMs = 0;
    /** Requests sent so far. */
    attempts = 0;
    /** The failure being retried, if any: what the call ends with if the retry cannot be sent. */
    lastFailure: AxiosError | undefined = undefined;
    /** Retries so far for failures other than 429. */
    otherRetries = 0;
    /** The wait chosen for the next retry. */
    nextDelayMs = 0;
    /** Set when a retry was refused because the budget would run out. */
    budgetExhausted = false;
    /** Gives the endpoint slot of the attempt in flight back. */
    release: (() => void) | undefined = undefined;
    /** Set when the attempt in flight was aborted for running past the timeout. */
    timedOut = false;
    private deadline: NodeJS.Timeout | undefined = undefined;

    /**
     * @param endpoint method and path template, e.g. `GET /organization/admin_api_keys/{key_id}`: the limiter's key
     * @param sentAt when the attempt in flight was sent, clock milliseconds
     */
    constructor(
        readonly endpoint: string,
        public sentAt: number,
    ) {}

    /**
     * Starts the clock of one attempt: its signal aborts the request, headers and body alike,
     * once `timeoutMs` have passed (axios's own `timeout` restarts with every chunk received).
     *
     * @param timeoutMs the time the attempt is allowed, real milliseconds
     * @returns the signal to pass to axios
     */
    startAttempt(timeoutMs: number): AbortSignal {
        clearTimeout(this.deadline);
        const controller = new AbortController();
        this.timedOut = false;
        this.deadline = setTimeout(() => {
            this.timedOut = true;
            controller.abort();
        }, timeoutMs);
        return controller.signal;
    }

    /** Ends the attempt in flight: stops its clock and gives its slot back. Safe to call twice. */
    endAttempt(): void {
        clearTimeout(this.deadline);
        this.deadline = undefined;
        const release = this.release;
        this.release = undefined;
        release?.();
    }
}

declare module "axios" {
    interface AxiosRequestConfig {
        openaiAdminCall?: CallState;
    }
}

/** Optional collaborators: tests pass a clock and a limiter registry; callers pass a wait listener. */
export interface ClientOptions {
    /** Clock and randomness for retry waits. Default: the real clock. */
    readonly clock?: RetryClock;
    /** Where endpoint limiters live. Default: the one registry of this process. */
    readonly limiters?: LimiterRegistry;
    /** Told when a request waits a second or more for the rate limit. Default: nobody. */
    readonly onWait?: WaitListener;
}

/** One API call: method, path below the base URL (already percent-encoded) and optional query. */
export interface ApiRequest {
    readonly method: "GET" | "POST" | "DELETE";
    readonly path: string;
    /** The path as a template, e.g. `/organization/admin_api_keys/{key_id}`: requests to one template share a limit. */
    readonly route: string;
    /** Query parameters; a list is sent as `name[]=a&name[]=b`, as the official SDKs send it. */
    readonly query?: Readonly<Record<string, QueryValue>>;
    readonly body?: unknown;
}

/** One query parameter's value; a list is sent as the parameter repeated (`emails[]=a&emails[]=b`), absent when undefined. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** Sends Administration API requests with auth, retries and error mapping in one place. */
export interface AdminClient {
    /**
     * Sends a request and validates the JSON answer against `schema`.
     *
     * @param attempt what is being done, and on which id, for error messages
     * @param request method, path and query
     * @param schema the shape the response body must have
     * @returns the parsed body
     * @throws {OpenAIAdminError} a subclass that says what failed
     */
    request<T>(attempt: Attempt, request: ApiRequest, schema: z.ZodType<T>): Promise<T>;

    /**
     * Replaces the admin key in text a server sent (a cursor, an id) before it goes into a
     * message. Errors from {@link request} are redacted already.
     *
     * @param text anything a server said
     * @returns the text without the admin key
     */
    redact?(text: string): string;
}

/** A hard stop for a server that keeps asking for immediate retries (`retry-after-ms: 0`), which the time budget would never end. */
const MAX_RETRIES_PER_CALL = 100;
/** Bodies above this size are refused rather than parsed. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const REDACTED = "[redacted]";

/**
 * Builds a client for one set of settings. Call it inside the operation that needs it
 * (a provider method, a `getX` function) so that no credential outlives the call.
 *
 * @param settings resolved settings, see {@link resolveSettings}
 * @param options clock, limiter registry and wait listener; all optional
 * @returns a client
 *
 * @example
 * const client = createAdminClient(resolveSettings(attempt, () => undefined, process.env));
 */
export function createAdminClient(settings: ClientSettings, options: ClientOptions = {}): AdminClient {
    const clock = options.clock ?? systemClock;
    const http = axios.create({
        baseURL: settings.baseUrl,
        headers: { Authorization: `Bearer ${settings.adminKey}`, "User-Agent": "pulumi-openai-admin" },
        // Bodies are parsed here, so that a truncated or HTML body becomes a precise error.
        responseType: "text",
        transformResponse: [(data: unknown) => data],
        maxContentLength: MAX_BODY_BYTES,
        // A redirect could carry the Authorization header to another host.
        maxRedirects: 0,
        // A loopback API root (the only one allowed plain http) is reached directly: a proxy
        // from HTTP_PROXY would get the key in clear. Other roots take the environment's proxy
        // (NO_PROXY honoured) through a CONNECT tunnel, so the proxy never sees the key.
        proxy: isLoopbackHost(new URL(settings.baseUrl).hostname) ? false : undefined,
    });
    const limiters = options.limiters ?? processLimiters();
    const pacing = { maxConcurrent: settings.maxConcurrentRequests, requestsPerMinute: settings.requestsPerMinute };
    const limiterOf = (call: CallState) => limiterFor(limiters, settings.baseUrl, call.endpoint, pacing, clock);
    const callOf = (config: { openaiAdminCall?: CallState } | undefined): CallState | undefined => config?.openaiAdminCall;
    const endAttempt = (config: { openaiAdminCall?: CallState } | undefined) => callOf(config)?.endAttempt();

    // Every attempt, retries included, waits for its endpoint's limiter.
    http.interceptors.request.use(async (config: InternalAxiosRequestConfig) => {
        const call = callOf(config);
        if (call !== undefined) {
            // Waiting here counts against the retry budget like a wait to retry does, so
            // that the budget bounds the whole wait of the call; a wait that would pass it
            // is not begun.
            const waitStarted = clock.now();
            const deadline = waitStarted + Math.max(0, settings.retryBudgetMs - call.retryWaitMs);
            try {
                call.release = await limiterOf(call).acquire(options.onWait, deadline);
            } finally {
                call.retryWaitMs += clock.now() - waitStarted;
            }
            call.attempts += 1;
            call.sentAt = clock.now();
            config.signal = call.startAttempt(settings.timeoutMs);
        }
        return config;
    });
    // Registered before axios-retry's, so the slot is free before a retry asks for one.
    http.interceptors.response.use(
        (response) => {
            endAttempt(response.config);
            return response;
        },
        (error: unknown) => {
            endAttempt(axios.isAxiosError(error) ? error.config : undefined);
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        },
    );
    axiosRetry(http, {
        // The limits that matter are below: retries of other failures, and the time budget.
        retries: Number.MAX_SAFE_INTEGER,
        retryCondition: (error) => {
            const call = callOf(error.config);
            const exchange = exchangeOf(error);
            // A body over the size limit would be just as large next time.
            if (call === undefined || isBodyTooLarge(error) || !shouldRetry(exchange)) {
                return false;
            }
            const rateLimited = exchange.status === 429;
            if (!rateLimited && call.otherRetries >= settings.maxRetries) {
                return false;
            }
            const retryNumber = (error.config?.["axios-retry"]?.retryCount ?? 0) + 1;
            if (retryNumber > MAX_RETRIES_PER_CALL) {
                return false;
            }
            const delayMs = retryDelayMs(retryNumber, exchange, clock);
            if (call.retryWaitMs + delayMs > settings.retryBudgetMs) {
                call.budgetExhausted = true;
                return false;
            }
            call.nextDelayMs = delayMs;
            call.otherRetries += rateLimited ? 0 : 1;
            call.lastFailure = error;
            return true;
        },
        // The wait happens in onRetry, or in the limiter, through the injectable clock.
        retryDelay: () => 0,
        onRetry: async (_retryNumber, error) => {
            const call = callOf(error.config);
            if (call === undefined) {
                return;
            }
            if (error.response?.status === 429) {
                // The whole endpoint waits, and the retry with it, in the limiter (which counts it).
                limiterOf(call).rateLimited(clock.now() + call.nextDelayMs, call.sentAt);
                return;
            }
            await clock.sleep(call.nextDelayMs);
            call.retryWaitMs += call.nextDelayMs;
        },
    });
    // The one redaction of the admin key, whatever its shape; shownText (in every error's
    // constructor) then removes anything else shaped like a key, cuts and escapes.
    const redact = (text: string): string => text.split(settings.adminKey).join(REDACTED);

    return {
        redact,
        async request<T>(callerAttempt: Attempt, request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
            // The target and the operation can hold what a server sent (a cursor, an id).
            const attempt: Attempt = {
                operation: redact(callerAttempt.operation),
                target: callerAttempt.target === undefined ? undefined : redact(callerAttempt.target),
            };
            const call = new CallState(`${request.method} ${request.route}`, clock.now());
            let response: AxiosResponse<string>;
            try {
                response = await http.request<string>({
                    method: request.method,
                    url: request.path,
                    params: request.query,
                    data: request.body,
                    openaiAdminCall: call,
                });
            } catch (error) {
                throw describeFailure(attempt, error, call, settings, redact);
            } finally {
                // Whatever failed (a proxy URL axios could not parse, a body it could not
                // serialize), and wherever in axios it failed, the slot goes back.
                call.endAttempt();
            }
            const details: ErrorDetails = {
                status: response.status,
                requestId: heard(requestIdOf(response), redact),
                attempts: call.attempts,
            };
            let body: unknown;
            try {
                body = JSON.parse(response.data);
            } catch {
                throw new InvalidResponseError(attempt, `body is not valid JSON (${excerpt(response.data, redact)})`, details);
            }
            const parsed = schema.safeParse(body);
            if (!parsed.success) {
                throw new InvalidResponseError(attempt, describeShapeIssue(parsed.error), details);
            }
            return parsed.data;
        },
    };
}

function isBodyTooLarge(error: AxiosError): boolean {
    return error.code === "ERR_BAD_RESPONSE" && /maxContentLength/i.test(error.message);
}

function exchangeOf(error: AxiosError): FailedExchange {
    return { status: error.response?.status, headers: headersOf(error.response), method: error.config?.method };
}

function headersOf(response: AxiosResponse | undefined): Record<string, string | undefined> {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(response?.headers ?? {})) {
        headers[name.toLowerCase()] = Array.isArray(value)
            ? value.join(", ")
            : value === undefined || value === null
              ? undefined
              : String(value);
    }
    return headers;
}

function requestIdOf(response: AxiosResponse | undefined): string | undefined {
    return headersOf(response)["x-request-id"];
}

const openAIErrorBody = () =>
    schemaOnce("openAIErrorBody", () =>
        z.object({
            error: z.object({
                message: z.string().nullish(),
                type: z.string().nullish(),
                code: z.union([z.string(), z.number()]).nullish(),
                param: z.string().nullish(),
            }),
        }),
    );

// Everything a server says reaches an error through here: the admin key redacted first (so
// that no cut can leave part of it), then cut and escaped by shownText.
function heard(text: string | number | null | undefined, redact: (text: string) => string): string | undefined {
    return text === undefined || text === null ? undefined : shownText(redact(String(text)));
}

// Turns whatever axios threw into one of this package's errors, holding nothing of the
// request (its headers carry the key): only status, request id and OpenAI's own words.
function describeFailure(
    attempt: Attempt,
    error: unknown,
    call: CallState,
    settings: ClientSettings,
    redact: (text: string) => string,
): OpenAIAdminError {
    const budgetText = `the retry budget of ${settings.retryBudgetMs} ms (${SETTING_SOURCES.retryBudgetMs.config} or ${SETTING_SOURCES.retryBudgetMs.env})`;
    const refusal = limiterDeadlineOf(error);
    if (refusal !== undefined) {
        if (call.lastFailure !== undefined) {
            // The retry could not be sent in time: the call ends with the failure it was retrying.
            call.budgetExhausted = true;
            return describeFailure(attempt, call.lastFailure, call, settings, redact);
        }
        return new RateLimitWaitError(attempt, `not sent: ${refusal.description}, past ${budgetText}`, { attempts: call.attempts });
    }
    if (!axios.isAxiosError(error)) {
        const proxyVariable = malformedProxyVariable(settings.baseUrl);
        if (proxyVariable !== undefined) {
            // Not the value: a proxy URL may carry a password.
            return new ConfigurationError(attempt, proxyVariable, "is not a valid proxy URL: fix or unset it");
        }
        const reason = error instanceof Error ? error.message : String(error);
        return new ConnectionError(attempt, `request failed before a response: ${redact(reason)}`);
    }
    const attempts = call.attempts;
    const budget = call.budgetExhausted ? { retryBudget: `${budgetText} ran out` } : {};
    const response = error.response;
    if (response === undefined) {
        const timedOut = error.code === "ERR_CANCELED" && call.timedOut;
        if (timedOut || error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") {
            return new TimeoutError(attempt, `no response from ${settings.baseUrl} within ${settings.timeoutMs} ms`, {
                attempts,
                ...budget,
            });
        }
        if (isBodyTooLarge(error)) {
            return new InvalidResponseError(attempt, `body is larger than ${MAX_BODY_BYTES} bytes`, { attempts });
        }
        const code = error.code ?? "no error code";
        return new ConnectionError(attempt, `could not reach ${settings.baseUrl} (${code}: ${redact(error.message)})`, {
            attempts,
            ...budget,
        });
    }

    const body = typeof response.data === "string" ? response.data : "";
    const proxyVariable = proxyThatAnswered(settings.baseUrl, response);
    if (proxyVariable !== undefined) {
        const said =
            response.status === 407
                ? "the proxy wants credentials: put them in its URL, http://user:password@host:port"
                : excerpt(body, redact);
        return new ProxyError(
            attempt,
            `the proxy in ${proxyVariable} refused to connect to ${settings.baseUrl}: HTTP ${response.status} (${said})`,
            {
                attempts,
                ...budget,
            },
        );
    }
    let openai: z.infer<ReturnType<typeof openAIErrorBody>>["error"] | undefined;
    try {
        openai = openAIErrorBody().parse(JSON.parse(body)).error;
    } catch {
        openai = undefined;
    }
    const details = {
        status: response.status,
        requestId: heard(requestIdOf(response), redact),
        attempts,
        ...budget,
        openaiMessage: heard(openai?.message, redact) ?? `(no OpenAI error in the body: ${excerpt(body, redact)})`,
        openaiType: heard(openai?.type, redact),
        openaiCode: heard(openai?.code, redact),
        openaiParam: heard(openai?.param, redact),
    };
    const status = response.status;
    if (status === 401) {
        return new AuthenticationError(attempt, details, ADMIN_KEY_HINT);
    }
    if (status === 403) {
        return new PermissionDeniedError(attempt, details, ADMIN_KEY_HINT);
    }
    if (status === 404) {
        return new NotFoundError(attempt, details);
    }
    if (status === 429) {
        return new RateLimitError(attempt, details);
    }
    if (status >= 500) {
        return new ServerError(attempt, details);
    }
    if (status >= 300 && status < 400) {
        return new ApiError(attempt, details, "(redirects are not followed: check openai:baseUrl / OPENAI_BASE_URL)");
    }
    return new ApiError(attempt, details);
}

/**
 * The environment variable axios takes the proxy for `url` from, when one is set: the
 * scheme's own (`https_proxy`, then `HTTPS_PROXY`), then `all_proxy`, then `ALL_PROXY`, as
 * proxy-from-env reads them. None for a loopback root, which is never proxied.
 */
function proxyVariableFor(url: URL): string | undefined {
    if (isLoopbackHost(url.hostname)) {
        return undefined;
    }
    const scheme = url.protocol.replace(/:$/, "");
    return [`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`, "all_proxy", "ALL_PROXY"].find((name) => (process.env[name] ?? "") !== "");
}

// The proxy variable in force for this API root when its value is not a URL (axios then
// throws before sending, without saying where the URL came from).
function malformedProxyVariable(baseUrl: string): string | undefined {
    const url = new URL(baseUrl);
    const name = proxyVariableFor(url);
    if (name === undefined) {
        return undefined;
    }
    const value = process.env[name] ?? "";
    // proxy-from-env gives a proxy without a scheme the request's scheme.
    return URL.canParse(value.includes("://") ? value : `${url.protocol}//${value}`) ? undefined : name;
}

/**
 * The proxy variable whose proxy answered in place of the API, if one did. Through a proxy,
 * the API answers inside the TLS tunnel; a proxy refusing the tunnel answers in clear, and
 * axios (https-proxy-agent) hands that answer on as if it were the API's.
 */
function proxyThatAnswered(baseUrl: string, response: AxiosResponse): string | undefined {
    const url = new URL(baseUrl);
    const variable = proxyVariableFor(url);
    if (url.protocol !== "https:" || variable === undefined) {
        return undefined;
    }
    const socket = (response.request as { socket?: { encrypted?: unknown } | null } | undefined)?.socket;
    return socket !== undefined && socket !== null && socket.encrypted !== true ? variable : undefined;
}

const ADMIN_KEY_HINT =
    "The Administration API needs an admin key (sk-admin-...) of this organization: set it with `pulumi config set --secret openai:adminKey` or OPENAI_ADMIN_KEY.";

function excerpt(body: string, redact: (text: string) => string): string {
    // Redacted before it is cut, so that a cut cannot leave the start of a key behind.
    const flat = redactKeyShapes(redact(body)).replace(/\s+/g, " ").trim();
    if (flat === "") {
        return "empty body";
    }
    return `body starts with ${escapeInvisible(JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}...` : flat))}`;
}
