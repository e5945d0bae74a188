/**
 * When to retry a failed request and how long to wait first. Pure functions over the
 * response (or its absence), so every decision can be tested without a network or a clock.
 * The rules follow OpenAI's own SDKs (see `shared/reference/ADMIN-API.md`).
 */

/** What the policy needs from the passage of time; tests pass a fake. */
export interface RetryClock {
    /** Waits `ms` milliseconds. */
    sleep(ms: number): Promise<void>;
    /** Current time in milliseconds since the epoch. */
    now(): number;
    /** A number in [0, 1), for jitter. */
    random(): number;
}

/** The real clock. */
export const systemClock: RetryClock = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    random: () => Math.random(),
};

/** The parts of a failed exchange the policy looks at. */
export interface FailedExchange {
    /** HTTP status, or `undefined` when no response arrived (connection error, timeout). */
    readonly status: number | undefined;
    /** Response headers, lower-case names; empty when no response arrived. */
    readonly headers: Readonly<Record<string, string | undefined>>;
    /** The request's HTTP method; `undefined` counts as GET. */
    readonly method?: string;
}

/** First backoff step, in milliseconds. */
export const INITIAL_BACKOFF_MS = 500;
/** Longest backoff step, in milliseconds. */
export const MAX_BACKOFF_MS = 8_000;
/** First backoff step after a 429 that says nothing of when to come back, in milliseconds. */
export const RATE_LIMIT_INITIAL_BACKOFF_MS = 1_000;
/** Longest backoff step after such a 429: a whole rate-limit window. */
export const RATE_LIMIT_MAX_BACKOFF_MS = 60_000;
/** Longest server-requested wait that is obeyed, in milliseconds; longer ones fall back to backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Share of the backoff step that jitter may take off. */
const JITTER = 0.25;

/**
 * Says whether a failed request is worth another try: the server's `x-should-retry`
 * wins; otherwise connection errors, timeouts, 408, 409, 429 and 5xx are retried. A POST
 * (create) is retried only on 408, 409 and 429, which say the server did nothing: after a
 * timeout, a broken connection or a 5xx the key may exist, and the API has no idempotency
 * key to make a second POST safe.
 *
 * @param exchange the status (if any), headers and method of the failure
 * @returns true to retry
 */
export function shouldRetry(exchange: FailedExchange): boolean {
    const hint = exchange.headers["x-should-retry"];
    if (hint === "true") {
        return true;
    }
    if (hint === "false") {
        return false;
    }
    const status = exchange.status;
    const refusedUnprocessed = status === 408 || status === 409 || status === 429;
    if (exchange.method?.toUpperCase() === "POST") {
        return refusedUnprocessed;
    }
    return refusedUnprocessed || status === undefined || status >= 500;
}

/**
 * How long to wait before retry number `retryNumber` (1 for the first retry):
 * `retry-after-ms`, else `retry-after` (seconds or an HTTP date) when within 0..60 s,
 * else backoff less up to 25% jitter: after a 429, 1 s doubling up to 60 s, so that the
 * retries outlast a minute-long rate-limit window (the admin API's 429s carry no
 * `retry-after`); after anything else, 0.5 s doubling up to 8 s, as OpenAI's SDKs do.
 *
 * @param retryNumber 1 for the first retry, 2 for the second, ...
 * @param exchange the failure being retried
 * @param clock source of the current time and of randomness
 * @returns milliseconds to wait
 */
export function retryDelayMs(retryNumber: number, exchange: FailedExchange, clock: Pick<RetryClock, "now" | "random">): number {
    const requested = serverRequestedDelayMs(exchange.headers, clock.now());
    if (requested !== undefined && requested >= 0 && requested <= MAX_RETRY_AFTER_MS) {
        return requested;
    }
    const [initial, max] =
        exchange.status === 429 ? [RATE_LIMIT_INITIAL_BACKOFF_MS, RATE_LIMIT_MAX_BACKOFF_MS] : [INITIAL_BACKOFF_MS, MAX_BACKOFF_MS];
    const step = Math.min(initial * 2 ** (retryNumber - 1), max);
    return Math.round(step * (1 - JITTER * clock.random()));
}

function serverRequestedDelayMs(headers: FailedExchange["headers"], nowMs: number): number | undefined {
    const inMs = Number.parseFloat(headers["retry-after-ms"] ?? "");
    if (Number.isFinite(inMs)) {
        return inMs;
    }
    const retryAfter = headers["retry-after"];
    if (retryAfter === undefined) {
        return undefined;
    }
    const inSeconds = Number.parseFloat(retryAfter);
    if (Number.isFinite(inSeconds)) {
        return inSeconds * 1000;
    }
    const date = Date.parse(retryAfter);
    return Number.isNaN(date) ? undefined : date - nowMs;
}
