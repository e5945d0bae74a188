/**
 * What a failed call was trying to do, used to start every error message.
 *
 * @example { operation: "retrieve admin API key", target: "key_abc" }
 */
export interface Attempt {
    /** The action in plain words, e.g. `retrieve admin API key`. */
    readonly operation: string;
    /** The id the action was about, when there is one. */
    readonly target?: string;
}

/** Details that an error carries besides its message. Every field is optional. */
export interface ErrorDetails {
    /** HTTP status of the last response, when one arrived. */
    readonly status?: number;
    /** The `x-request-id` header of the last response: what OpenAI support asks for. */
    readonly requestId?: string;
    /** `error.message` from OpenAI's error body. */
    readonly openaiMessage?: string;
    /** `error.type` from OpenAI's error body. */
    readonly openaiType?: string;
    /** `error.code` from OpenAI's error body. */
    readonly openaiCode?: string;
    /** `error.param` from OpenAI's error body: the parameter it found fault with. */
    readonly openaiParam?: string;
    /** How many HTTP requests were made in all (first try plus retries). */
    readonly attempts?: number;
    /** Set when retrying stopped because the retry budget ran out: says which budget. */
    readonly retryBudget?: string;
}

/**
 * Shows the characters that would hide, reorder or colour text on a terminal as `\uXXXX`:
 * controls other than newline and tab, zero-width and direction marks (U+200B-U+200F,
 * U+202A-U+202E, U+2066-U+2069, U+FEFF), line and paragraph separators, and lone surrogates.
 *
 * @param text any text
 * @returns the text with those characters escaped
 */
export function escapeInvisible(text: string): string {
    return text.replace(/[\p{Cc}\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu, (char) =>
        char === "\n" || char === "\t" ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/** Longest text kept from one thing a server or a caller said (a message, a code, an id). */
export const MAX_SHOWN_CHARS = 500;
/** Longest message an error keeps. */
const MAX_MESSAGE_CHARS = 4_000;

/**
 * Prepares text for an error: anything shaped like an OpenAI secret key (`sk-` and 16 or more
 * key characters) becomes `[redacted]`, text past `maxChars` is cut and ends in `...`, and
 * invisible characters are escaped ({@link escapeInvisible}). The client redacts its own
 * admin key, whatever its shape, before this.
 *
 * @param text what a server or a caller said
 * @param maxChars the most characters kept before `...`
 * @returns text that is safe and short enough to show
 */
export function shownText(text: string, maxChars: number = MAX_SHOWN_CHARS): string {
    // Redacted before it is cut, so that a cut cannot leave the start of a key behind.
    const redacted = redactKeyShapes(text);
    return escapeInvisible(redacted.length > maxChars ? `${redacted.slice(0, maxChars)}...` : redacted);
}

/**
 * Replaces anything shaped like an OpenAI secret key (`sk-` and 16 or more key characters)
 * with `[redacted]`.
 *
 * @param text any text
 * @returns the text without key-shaped words
 */
export function redactKeyShapes(text: string): string {
    return text.replace(/(?<![A-Za-z0-9])sk-[A-Za-z0-9_-]{16,}/g, "[redacted]");
}

function optionalShownText(text: string | undefined): string | undefined {
    return text === undefined ? undefined : shownText(text);
}

function describeAttempt(attempt: Attempt): string {
    return attempt.target === undefined ? attempt.operation : `${attempt.operation} "${shownText(attempt.target, 200)}"`;
}

function joinMessage(attempt: Attempt, reason: string, details: ErrorDetails): string {
    const parts = [`${describeAttempt(attempt)} failed: ${reason}`];
    if (details.attempts !== undefined && details.attempts > 1) {
        parts.push(
            details.retryBudget === undefined
                ? `(after ${details.attempts} attempts)`
                : `(after ${details.attempts} attempts: ${details.retryBudget})`,
        );
    } else if (details.retryBudget !== undefined) {
        parts.push(`(${details.retryBudget})`);
    }
    parts.push(`[request id: ${details.requestId ?? "none"}]`);
    return parts.join(" ");
}

/**
 * Base class of every error this package throws. The message always says what was
 * attempted and on which id; API errors add the HTTP status, OpenAI's message and the
 * request id. No error ever holds the admin key or the `Authorization` header.
 */
export class OpenAIAdminError extends Error {
    override readonly name: string = "OpenAIAdminError";
    /** The action that failed, e.g. `retrieve admin API key`. */
    readonly operation: string;
    /** The id the action was about, when there is one. */
    readonly target: string | undefined;
    /** HTTP status of the last response, when one arrived. */
    readonly status: number | undefined;
    /** The `x-request-id` of the last response, when one arrived. */
    readonly requestId: string | undefined;
    /** `error.message` from OpenAI's error body. */
    readonly openaiMessage: string | undefined;
    /** `error.type` from OpenAI's error body. */
    readonly openaiType: string | undefined;
    /** `error.code` from OpenAI's error body. */
    readonly openaiCode: string | undefined;
    /** `error.param` from OpenAI's error body. */
    readonly openaiParam: string | undefined;
    /** How many HTTP requests were made in all; 0 when nothing was sent. */
    readonly attempts: number;
    /**
     * True when the request may have been carried out although no success came back (no
     * response, a 5xx, or an answer that could not be read): a create may have created. A property rather than a class test,
     * because serialized by value the classes lose their inheritance.
     */
    readonly outcomeUnknown: boolean = false;

    /**
     * @param attempt what was being done, and on which id
     * @param message the complete, human-readable message
     * @param details status, request id and OpenAI's error fields, when known
     */
    constructor(attempt: Attempt, message: string, details: ErrorDetails = {}) {
        // Every text passes through shownText before it is kept (and before the stack,
        // which repeats the message, is captured): a last line of defence for what the
        // callers did not redact.
        super(shownText(message, MAX_MESSAGE_CHARS));
        // When the provider is serialized by value, Pulumi rewrites classes as functions and
        // `super(message)` no longer initializes `this`; keep the message regardless.
        this.message = shownText(message, MAX_MESSAGE_CHARS);
        this.operation = shownText(attempt.operation);
        this.target = optionalShownText(attempt.target);
        this.status = details.status;
        this.requestId = optionalShownText(details.requestId);
        this.openaiMessage = optionalShownText(details.openaiMessage);
        this.openaiType = optionalShownText(details.openaiType);
        this.openaiCode = optionalShownText(details.openaiCode);
        this.openaiParam = optionalShownText(details.openaiParam);
        this.attempts = details.attempts ?? 0;
        // A mark that survives serialization by value, where `instanceof` does not: see
        // isExpectedFailure. Not enumerable, so that no rendering of the error changes.
        Object.defineProperty(this, "expectedFailure", { value: true });
    }
}

/**
 * True for this package's errors: expected failures (not found, auth, connection, timeout,
 * rate limit, a failed expectation, bad input), which are shown as their one message line.
 * Anything else is a bug, and keeps its stack trace. Also true for an error of the package
 * serialized by value (in the engine's provider process), whose class is lost.
 *
 * @param error anything thrown
 * @returns whether it is one of this package's errors
 *
 * @example
 * ```typescript
 * if (!isExpectedFailure(error)) {
 *     console.error(error); // a bug: keep the stack trace
 * }
 * ```
 */
export function isExpectedFailure(error: unknown): error is OpenAIAdminError {
    return (
        error instanceof OpenAIAdminError ||
        (typeof error === "object" && error !== null && (error as { expectedFailure?: unknown }).expectedFailure === true)
    );
}

/** An argument or setting failed validation; no request was sent. */
export class InvalidInputError extends OpenAIAdminError {
    override readonly name: string = "InvalidInputError";
    /** The argument or setting at fault, e.g. `keyId`. */
    readonly property: string;

    /**
     * @param attempt what was being done
     * @param property the argument or setting at fault
     * @param reason why it was refused, e.g. `must not be empty`
     */
    constructor(attempt: Attempt, property: string, reason: string) {
        super(attempt, `${describeAttempt(attempt)} refused before sending: ${property} ${reason}`);
        this.property = shownText(property);
    }
}

/**
 * A setting (stack config or environment) is missing or unusable; no request was sent.
 * `property` names the setting both ways, e.g. `openai:baseUrl (or OPENAI_BASE_URL)`.
 */
export class ConfigurationError extends InvalidInputError {
    override readonly name: string = "ConfigurationError";
}

/** OpenAI answered with an HTTP error status. Subclasses name the statuses callers branch on. */
export class ApiError extends OpenAIAdminError {
    override readonly name: string = "ApiError";
    declare readonly status: number;

    /**
     * @param attempt what was being done, and on which id
     * @param details the status (required), request id and OpenAI's error fields
     * @param hint a sentence added after OpenAI's message, e.g. how to fix it
     */
    constructor(attempt: Attempt, details: ErrorDetails & { status: number }, hint?: string) {
        const said = details.openaiMessage ?? "(no error message in the response body)";
        const reason = `HTTP ${details.status}: ${said}${hint === undefined ? "" : ` ${hint}`}`;
        super(attempt, joinMessage(attempt, reason, details), details);
    }
}

/** HTTP 401: the key was not accepted. */
export class AuthenticationError extends ApiError {
    override readonly name: string = "AuthenticationError";
}

/** HTTP 403: the key is valid but may not use the Administration API. */
export class PermissionDeniedError extends ApiError {
    override readonly name: string = "PermissionDeniedError";
}

/** HTTP 404: no such object. */
export class NotFoundError extends ApiError {
    override readonly name: string = "NotFoundError";
}

/** HTTP 429: rate limited, and the retries ran out. */
export class RateLimitError extends ApiError {
    override readonly name: string = "RateLimitError";
}

/** HTTP 5xx: OpenAI (or a proxy in front of it) failed, and the retries ran out. */
export class ServerError extends ApiError {
    override readonly name: string = "ServerError";
    override readonly outcomeUnknown: boolean = true;
}

/** No HTTP response: the host could not be reached or the connection broke. */
export class ConnectionError extends OpenAIAdminError {
    override readonly name: string = "ConnectionError";
    override readonly outcomeUnknown: boolean = true;

    /**
     * @param attempt what was being done, and on which id
     * @param reason what went wrong, e.g. `could not connect to http://127.0.0.1:9/v1 (ECONNREFUSED)`
     * @param details how many attempts were made
     */
    constructor(attempt: Attempt, reason: string, details: ErrorDetails = {}) {
        super(attempt, joinMessage(attempt, reason, details), details);
    }
}

/**
 * A proxy (from `HTTPS_PROXY`, `ALL_PROXY`, ...) answered instead of the API: it refused the
 * tunnel (e.g. 403 to CONNECT, 407 for credentials) or failed to open it. Nothing reached the API.
 */
export class ProxyError extends ConnectionError {
    override readonly name: string = "ProxyError";
    override readonly outcomeUnknown: boolean = false;
}

/**
 * The call was not sent: waiting its turn at the endpoint's rate limit (the configured or
 * learned pace, or a cool-down after a 429) would have run past its retry budget.
 */
export class RateLimitWaitError extends OpenAIAdminError {
    override readonly name: string = "RateLimitWaitError";

    /**
     * @param attempt what was being done, and on which id
     * @param reason how long it would have waited and why, and the budget
     * @param details how many attempts were made before this one
     */
    constructor(attempt: Attempt, reason: string, details: ErrorDetails = {}) {
        super(attempt, joinMessage(attempt, reason, details), details);
    }
}

/** No response arrived within the configured timeout. */
export class TimeoutError extends ConnectionError {
    override readonly name: string = "TimeoutError";
}

/** A response arrived but is not what the API documents (not JSON, truncated, wrong object). */
export class InvalidResponseError extends OpenAIAdminError {
    override readonly name: string = "InvalidResponseError";
    // A 2xx whose body could not be read still did its work: a create created.
    override readonly outcomeUnknown: boolean = true;

    /**
     * @param attempt what was being done, and on which id
     * @param reason what is wrong with the body
     * @param details the status and request id of the response
     */
    constructor(attempt: Attempt, reason: string, details: ErrorDetails = {}) {
        const status = details.status === undefined ? "" : `HTTP ${details.status} `;
        super(attempt, joinMessage(attempt, `${status}response is not usable: ${reason}`, details), details);
    }
}

/**
 * Whether a failed request may have been carried out all the same (no response, or a 5xx).
 * Reads the property rather than testing classes, which works on serialized copies too.
 *
 * @param error anything thrown
 * @returns true when the outcome of the request is unknown
 */
export function isOutcomeUnknown(error: unknown): boolean {
    return typeof error === "object" && error !== null && (error as { outcomeUnknown?: unknown }).outcomeUnknown === true;
}
