import { UsageExpectations, UsageKind, UsageReport, usageReports, USAGE_KINDS } from "../api/organization/usage";
import { BucketWidth } from "../api/declaration";
import { RelativeWindow, TimeInput } from "../api/reportTime";
import { InvalidInputError } from "../core/errors";
import { FetchDependencies } from "./programClient";
import { fetchReport, reportFunctions } from "./reports";
import { InputArgs } from "./dataSources";

/**
 * Arguments of {@link getUsage}. Filters the kind's endpoint does not accept (e.g. `models`
 * for `vector_stores`) are refused before anything is sent, naming the filter and the kind.
 */
export interface GetUsageArgs<K extends UsageKind = UsageKind> {
    /** The usage kind: `completions`, `embeddings`, `moderations`, `images`, `audio_speeches`, `audio_transcriptions`, `vector_stores`, `code_interpreter_sessions`, `file_search_calls`, `web_search_calls`. */
    readonly kind: K;
    /** Start of the range (inclusive): Unix seconds, a `Date`, an ISO string, or `{ lastDays: N }` / `{ lastHours: N }` (ending now). */
    readonly startTime: TimeInput | RelativeWindow;
    /** End of the range (exclusive); default now. Not with a relative window. */
    readonly endTime?: TimeInput;
    /** `1m`, `1h` or `1d` (default): at most 1440, 168 or 31 buckets a page. */
    readonly bucketWidth?: BucketWidth;
    /** Group results by these wire fields, e.g. `["project_id", "model"]` (each kind accepts its own). */
    readonly groupBy?: readonly string[];
    /** Only these projects. */
    readonly projectIds?: readonly string[];
    /** Only these users (not for vector stores and code interpreter sessions). */
    readonly userIds?: readonly string[];
    /** Only these API keys (not for vector stores and code interpreter sessions). */
    readonly apiKeyIds?: readonly string[];
    /** Only these models (completions, embeddings, moderations, images, audio, web search). */
    readonly models?: readonly string[];
    /** Completions only: batch jobs only (true) or none (false). */
    readonly batch?: boolean;
    /** Images only: `image.generation`, `image.edit`, `image.variation`. */
    readonly sources?: readonly string[];
    /** Images only: sizes such as `1024x1024`. */
    readonly sizes?: readonly string[];
    /** File search calls only: these vector stores. */
    readonly vectorStoreIds?: readonly string[];
    /** Web search calls only: `low`, `medium`, `high`. */
    readonly contextLevels?: readonly string[];
    /** Gates checked on the result: a failure fails the call (and so the preview) with an `ExpectationError`. */
    readonly expect?: UsageExpectations;
}

/** The result of {@link getUsage}: its buckets, results typed by kind. */
export type GetUsageResult<K extends UsageKind = UsageKind> = UsageReport<K>;

/**
 * Reads usage of one kind over a range with the given dependencies (settings, clock): the
 * body of {@link getUsage}, for tests and tools.
 *
 * @param args the kind, the range and the filters
 * @param deps where settings come from
 * @returns the buckets
 */
export function fetchUsage<K extends UsageKind>(args: GetUsageArgs<K>, deps: FetchDependencies): Promise<GetUsageResult<K>> {
    const { kind, ...rest } = args ?? {};
    if (typeof kind !== "string" || !(USAGE_KINDS as string[]).includes(kind)) {
        return Promise.reject(
            new InvalidInputError(
                { operation: "read usage" },
                "kind",
                `must be one of ${USAGE_KINDS.join(", ")}, got ${JSON.stringify(kind)}`,
            ),
        );
    }
    return fetchReport<GetUsageResult<K>>(usageReports[kind], rest, deps);
}

const usage = reportFunctions<GetUsageArgs, GetUsageResult>((args, deps) => fetchUsage(args as GetUsageArgs, deps));

/**
 * Reads the organization's usage of one kind over a range, every page (1440, 168 or 31
 * buckets a page for 1m, 1h, 1d buckets), optionally grouped and filtered, and checks it
 * against gates.
 *
 * @example
 * ```typescript
 * const { buckets } = await getUsage({ kind: "completions", startTime: { lastDays: 7 }, groupBy: ["model"] });
 * // Idle credentials: fail the preview if these keys were used in the last 30 days.
 * await getUsage({
 *     kind: "completions",
 *     startTime: { lastDays: 30 },
 *     groupBy: ["api_key_id"],
 *     expect: { idle: { apiKeyIds: ["key_web_idle"] } },
 * });
 * ```
 */
export const getUsage = usage.read as <K extends UsageKind>(args: GetUsageArgs<K>) => Promise<GetUsageResult<K>>;

/**
 * {@link getUsage} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const dailyTokens = getUsageOutput({ kind: "embeddings", startTime: { lastDays: 30 } }).buckets;
 * ```
 */
export const getUsageOutput = usage.readOutput as unknown as <K extends UsageKind>(
    args: InputArgs<GetUsageArgs<K>>,
) => import("@pulumi/pulumi").Output<GetUsageResult<K>>;
