import * as pulumi from "@pulumi/pulumi";
import { ClientFactory } from "../api/operations";
import { ClientOptions, createAdminClient } from "../core/client";
import { waitMessage } from "../core/rateLimiter";
import { ConfigLookup, resolveSettings } from "../core/settings";

/** Where the program-side functions read their settings and how they send; tests replace these. */
export interface FetchDependencies {
    /** Stack configuration lookup. */
    readonly config: ConfigLookup;
    /** Environment holding `OPENAI_*` variables. */
    readonly env: NodeJS.ProcessEnv;
    /** Client seams: clock, limiter registry, wait listener. */
    readonly client?: ClientOptions;
    /** Current time in Unix seconds, for expiry filters and expectations. Default: the real clock. */
    readonly nowSeconds?: () => number;
    /** Reads by id already made (or under way) in this process; none when undefined. */
    readonly readCache?: ReadCache;
}

/** Reads by API root, admin key, type and id, with when each was made (Unix seconds). */
export type ReadCache = Map<string, { readonly readAt: number; readonly object: Promise<unknown> }>;

/** The most reads a {@link ReadCache} keeps; past it, the oldest are dropped first. */
export const READ_CACHE_MAX_ENTRIES = 1_000;

/** How long a read is reused: a program's reads of one key come close together, and a
 * long-lived process (the Automation API) must see changes on its next update. */
export const READ_CACHE_SECONDS = 60;

// The program's reads by id: an object read several times in one program costs one request.
const programReadCache: ReadCache = new Map();

/** The dependencies of a function called from a Pulumi program: its stack config and environment. */
export function programDependencies(): FetchDependencies {
    return {
        config: (key) => pulumi.runtime.getConfig(key),
        env: process.env,
        readCache: programReadCache,
        client: { onWait: (waitMs, reason, endpoint) => void pulumi.log.info(waitMessage(waitMs, reason, endpoint)) },
    };
}

/** A client factory that resolves settings from `deps` for each attempt. */
export function clientFactory(deps: FetchDependencies): ClientFactory {
    return (attempt) => createAdminClient(resolveSettings(attempt, deps.config, deps.env), deps.client);
}

/** The current time in Unix seconds, from `deps` or the real clock. */
export function nowSeconds(deps: FetchDependencies): number {
    return deps.nowSeconds?.() ?? Date.now() / 1000;
}
