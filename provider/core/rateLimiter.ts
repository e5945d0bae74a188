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
     * @returns the release function
     */
    async acquire(onWait?: WaitListener): Promise<() => void> {
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
            await this.waitForTurn(onWait);
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

    private forgetBefore(cutoff: number): void {
        for (const times of [this.sentAt, this.refusedAt]) {
            while (times.length > 0 && times[0]! < cutoff) {
                times.shift();
            }
        }
    }

    private async waitForTurn(onWait?: WaitListener): Promise<void> {
        // A cool-down can start while this request sleeps, so check again after each sleep.
        for (;;) {
            const now = this.clock.now();
            const coolingMs = this.blockedUntil - now;
            const pacingMs = this.takeToken(now);
            const waitMs = Math.max(coolingMs, pacingMs);
            if (waitMs <= 0) {
                this.sentAt.push(now);
                this.forgetBefore(now - 60_000);
                return;
            }
            if (waitMs >= 1000) {
                const reason =
                    coolingMs >= pacingMs ? "rate limited by the API (429)" : `paced at ${this.requestsPerMinute} requests a minute`;
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
