import { RetryClock } from "./retryPolicy";

/** How requests to one endpoint are paced in a process. */
export interface PacingSettings {
    /** Most requests to the endpoint in flight at once. */
    readonly maxConcurrent: number;
    /**
     * Requests a minute the endpoint allows, with bursts of as many: a token bucket, as the
     * API's own limiter works. Undefined: no pacing until a 429 says otherwise.
     */
    readonly requestsPerMinute?: number;
}

/** The progress line for a request that waits for the rate limit. */
export function waitMessage(waitMs: number, reason: string, endpoint: string): string {
    return `pulumi-openai-admin: waiting ${(waitMs / 1000).toFixed(1)} s before ${endpoint}: ${reason}`;
}

/** Called when a request is about to wait, with how long, why and for which endpoint; for a progress line. */
export type WaitListener = (waitMs: number, reason: string, endpoint: string) => void;

/** A minute without a 429 doubles a learned pace. */
export const PACE_RECOVERY_MS = 60_000;
/** A learned pace that would double past this many requests a minute is dropped: no pacing until the next 429. */
export const MAX_LEARNED_PACE = 1_000;

/**
 * Thrown by {@link EndpointLimiter.acquire} when the wait for a turn would end past the
 * caller's deadline; nothing was sent. The client turns it into an error of this package.
 */
export class LimiterDeadlineError extends Error {
    override readonly name: string = "LimiterDeadlineError";

    /**
     * @param endpoint the endpoint waited for
     * @param description what the wait was, e.g. `GET /x would wait 8.6 s more (paced at 7 requests a minute)`
     */
    constructor(
        readonly endpoint: string,
        readonly description: string,
    ) {
        super(description);
        // Serialized by value, `super(message)` may not initialize `this` (see OpenAIAdminError).
        this.message = description;
    }
}

/**
 * Whether a failure is the limiter's refusal to wait past a deadline. A property test
 * rather than `instanceof`, which does not survive serialization by value.
 *
 * @param error anything thrown
 * @returns the refusal, or undefined
 */
export function limiterDeadlineOf(error: unknown): LimiterDeadlineError | undefined {
    return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "LimiterDeadlineError"
        ? (error as LimiterDeadlineError)
        : undefined;
}

/**
 * Paces the requests to one endpoint: at most `maxConcurrent` at once, at most
 * `requestsPerMinute` (when set), and none while the endpoint is cooling down after a 429.
 * Shared by every call to the endpoint in the process (see {@link limiterFor}).
 */
export class EndpointLimiter {
    private active = 0;
    private readonly queue: Array<() => void> = [];
    private blockedUntil = 0;
    private tokens: number;
    private refilledAt: number;
    // The rate in force: the configured one, or one learned from 429s when none is configured.
    private requestsPerMinute: number | undefined;
    // Clock times of the requests sent, and of the 429s answered, in the last minute.
    private readonly sentAt: number[] = [];
    private readonly refusedAt: number[] = [];
    // When the pace was last learned or lowered: refusals of requests sent before it say
    // nothing about the new pace.
    private pacedSince = Number.NEGATIVE_INFINITY;
    // Since when no 429 came (moved on by each recovery step): a learned pace doubles every
    // quiet minute, so that one bad minute does not slow the endpoint for the process's life.
    private quietSince = Number.NEGATIVE_INFINITY;

    /**
     * @param endpoint the endpoint's name, for wait messages, e.g. `GET /organization/admin_api_keys/{key_id}`
     * @param settings concurrency and rate
     * @param clock time source; tests pass a fake
     */
    constructor(
        readonly endpoint: string,
        private readonly settings: PacingSettings,
        private readonly clock: RetryClock,
    ) {
        this.requestsPerMinute = settings.requestsPerMinute;
        this.tokens = settings.requestsPerMinute ?? 0;
        this.refilledAt = clock.now();
    }

    /** The pace in force, requests a minute: configured, learned from 429s, or undefined (none yet). */
    get pace(): number | undefined {
        return this.requestsPerMinute;
    }

    /**
     * Waits for a slot, then for the rate and any cool-down; returns the function that gives
     * the slot back, to call once the response (or failure) is in.
     *
     * @param onWait told of every wait of a second or more
     * @param deadlineMs clock time by which the wait must be over; a wait known to end later
     *   is not begun
     * @returns the release function
     * @throws {LimiterDeadlineError} when the wait would end past `deadlineMs`
     */
    async acquire(onWait?: WaitListener, deadlineMs = Number.POSITIVE_INFINITY): Promise<() => void> {
        const queuedAt = this.clock.now();
        if (this.active >= this.settings.maxConcurrent) {
            await new Promise<void>((resolve) => this.queue.push(resolve));
        }
        this.active += 1;
        let released = false;
        const release = () => {
            if (!released) {
                released = true;
                this.active -= 1;
                this.queue.shift()?.();
            }
        };
        try {
            if (this.clock.now() > deadlineMs) {
                const waited = ((this.clock.now() - queuedAt) / 1000).toFixed(1);
                const slots = this.settings.maxConcurrent;
                throw new LimiterDeadlineError(
                    this.endpoint,
                    `${this.endpoint} waited ${waited} s for one of its ${slots} concurrent slots`,
                );
            }
            await this.waitForTurn(onWait, deadlineMs);
        } catch (error) {
            release();
            throw error;
        }
        return release;
    }

    /**
     * Records a 429: the whole endpoint waits until `untilMs`, not only the request that got
     * it. With no configured rate, the limiter also starts pacing at the rate the API just
     * showed (the requests it accepted in the last minute), and slows by a tenth on each
     * further 429, so that a burst of calls gets through with few refusals.
     *
     * @param untilMs clock time in milliseconds until which no request is sent
     * @param sentAtMs when the refused request was sent, clock milliseconds
     */
    rateLimited(untilMs: number, sentAtMs: number): void {
        const now = this.clock.now();
        this.recover(now);
        this.quietSince = now;
        this.blockedUntil = Math.max(this.blockedUntil, untilMs);
        this.forgetBefore(now - 60_000);
        this.refusedAt.push(now);
        if (this.settings.requestsPerMinute !== undefined) {
            return;
        }
        const accepted = this.sentAt.length - this.refusedAt.length;
        if ((this.requestsPerMinute === undefined && accepted < 1) || sentAtMs < this.pacedSince) {
            // Nothing to learn from yet, or a refusal from before the current pace.
            return;
        }
        const learned = this.requestsPerMinute === undefined ? accepted : Math.floor(this.requestsPerMinute * 0.9);
        this.requestsPerMinute = Math.max(1, learned);
        this.pacedSince = now;
        this.tokens = 0;
        this.refilledAt = now;
    }

    // Doubles a learned pace for each whole quiet minute since the last 429 (or the last
    // step up), and drops it past MAX_LEARNED_PACE. A configured pace never changes.
    private recover(now: number): void {
        if (this.settings.requestsPerMinute !== undefined) {
            return;
        }
        while (this.requestsPerMinute !== undefined && now - this.quietSince >= PACE_RECOVERY_MS) {
            this.quietSince += PACE_RECOVERY_MS;
            const raised = this.requestsPerMinute * 2;
            this.requestsPerMinute = raised > MAX_LEARNED_PACE ? undefined : raised;
        }
    }

    private forgetBefore(cutoff: number): void {
        for (const times of [this.sentAt, this.refusedAt]) {
            while (times.length > 0 && times[0]! < cutoff) {
                times.shift();
            }
        }
    }

    private async waitForTurn(onWait: WaitListener | undefined, deadlineMs: number): Promise<void> {
        // A cool-down can start while this request sleeps, so check again after each sleep.
        for (;;) {
            const now = this.clock.now();
            this.recover(now);
            const coolingMs = this.blockedUntil - now;
            const pacingMs = this.takeToken(now);
            const waitMs = Math.max(coolingMs, pacingMs);
            if (waitMs <= 0) {
                this.sentAt.push(now);
                this.forgetBefore(now - 60_000);
                return;
            }
            const reason = coolingMs >= pacingMs ? "rate limited by the API (429)" : `paced at ${this.requestsPerMinute} requests a minute`;
            if (now + waitMs > deadlineMs) {
                throw new LimiterDeadlineError(
                    this.endpoint,
                    `${this.endpoint} would wait ${(waitMs / 1000).toFixed(1)} s more (${reason})`,
                );
            }
            if (waitMs >= 1000) {
                onWait?.(waitMs, reason, this.endpoint);
            }
            await this.clock.sleep(waitMs);
        }
    }

    // Takes a token when one is there (returns 0) or says how long until the next one.
    private takeToken(now: number): number {
        const perMinute = this.requestsPerMinute;
        if (perMinute === undefined) {
            return 0;
        }
        const msPerToken = 60_000 / perMinute;
        this.tokens = Math.min(perMinute, this.tokens + (now - this.refilledAt) / msPerToken);
        this.refilledAt = now;
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return 0;
        }
        return Math.ceil((1 - this.tokens) * msPerToken);
    }
}

/** Limiters by endpoint and API root; one registry serves a whole process. */
export type LimiterRegistry = Map<string, EndpointLimiter>;

/** The registry every client of this process shares. */
export function processLimiters(): LimiterRegistry {
    // On globalThis rather than in a module variable: the provider is serialized by value,
    // and a module variable would give each deserialized copy a registry of its own.
    const holder = globalThis as { __pulumiOpenAIAdminLimiters?: LimiterRegistry };
    holder.__pulumiOpenAIAdminLimiters ??= new Map();
    return holder.__pulumiOpenAIAdminLimiters;
}

/**
 * The limiter of one endpoint of one API root, made on first use with these settings.
 *
 * @param registry where limiters live (normally {@link processLimiters})
 * @param baseUrl the API root, so that two roots never share a limit
 * @param endpoint method and path template, e.g. `GET /organization/admin_api_keys/{key_id}`
 * @param settings concurrency and rate, used when the limiter is made
 * @param clock time source, used when the limiter is made
 * @returns the shared limiter
 */
export function limiterFor(
    registry: LimiterRegistry,
    baseUrl: string,
    endpoint: string,
    settings: PacingSettings,
    clock: RetryClock,
): EndpointLimiter {
    const key = `${baseUrl} ${endpoint}`;
    let limiter = registry.get(key);
    if (limiter === undefined) {
        limiter = new EndpointLimiter(endpoint, settings, clock);
        registry.set(key, limiter);
    }
    return limiter;
}
