import { z } from "zod";
import { ReportDeclaration, ReportFilter, ReportGateSpec } from "../declaration";
import { Bucket, idsFilter, PublicResult, ResultFields, resultShape, USAGE_MAX_BUCKETS, WireResult } from "../reports";

const who = { project_id: "dimension", user_id: "dimension", api_key_id: "dimension", model: "dimension" } as const;

const completionsFields = {
    input_tokens: "count",
    output_tokens: "count",
    num_model_requests: "count",
    input_cached_tokens: "optionalCount",
    input_cache_write_tokens: "optionalCount",
    input_uncached_tokens: "optionalCount",
    input_text_tokens: "optionalCount",
    output_text_tokens: "optionalCount",
    input_cached_text_tokens: "optionalCount",
    input_audio_tokens: "optionalCount",
    input_cached_audio_tokens: "optionalCount",
    output_audio_tokens: "optionalCount",
    input_image_tokens: "optionalCount",
    input_cached_image_tokens: "optionalCount",
    output_image_tokens: "optionalCount",
    ...who,
    batch: "flag",
    service_tier: "dimension",
} as const;
const embeddingsFields = { input_tokens: "count", num_model_requests: "count", ...who } as const;
const imagesFields = { images: "count", num_model_requests: "count", source: "dimension", size: "dimension", ...who } as const;
const audioSpeechesFields = { characters: "count", num_model_requests: "count", ...who } as const;
const audioTranscriptionsFields = { seconds: "count", num_model_requests: "count", ...who } as const;
const vectorStoresFields = { usage_bytes: "count", project_id: "dimension" } as const;
const codeInterpreterFields = { num_sessions: "count", project_id: "dimension" } as const;
const fileSearchFields = {
    num_requests: "count",
    project_id: "dimension",
    user_id: "dimension",
    api_key_id: "dimension",
    vector_store_id: "dimension",
} as const;
const webSearchFields = { num_requests: "count", num_model_requests: "count", ...who, context_level: "dimension" } as const;

/** One completions usage result: tokens in and out and requests, per group. */
export type CompletionsUsageResult = PublicResult<typeof completionsFields>;
/** One embeddings usage result. */
export type EmbeddingsUsageResult = PublicResult<typeof embeddingsFields>;
/** One moderations usage result. */
export type ModerationsUsageResult = PublicResult<typeof embeddingsFields>;
/** One images usage result: images made, by source and size when grouped. */
export type ImagesUsageResult = PublicResult<typeof imagesFields>;
/** One audio speeches usage result: characters spoken. */
export type AudioSpeechesUsageResult = PublicResult<typeof audioSpeechesFields>;
/** One audio transcriptions usage result: seconds transcribed. */
export type AudioTranscriptionsUsageResult = PublicResult<typeof audioTranscriptionsFields>;
/** One vector stores usage result: bytes stored. */
export type VectorStoresUsageResult = PublicResult<typeof vectorStoresFields>;
/** One code interpreter sessions usage result. */
export type CodeInterpreterSessionsUsageResult = PublicResult<typeof codeInterpreterFields>;
/** One file search calls usage result. */
export type FileSearchCallsUsageResult = PublicResult<typeof fileSearchFields>;
/** One web search calls usage result. */
export type WebSearchCallsUsageResult = PublicResult<typeof webSearchFields>;

/** The public result of each usage kind. */
export interface UsageResults {
    readonly completions: CompletionsUsageResult;
    readonly embeddings: EmbeddingsUsageResult;
    readonly moderations: ModerationsUsageResult;
    readonly images: ImagesUsageResult;
    readonly audio_speeches: AudioSpeechesUsageResult;
    readonly audio_transcriptions: AudioTranscriptionsUsageResult;
    readonly vector_stores: VectorStoresUsageResult;
    readonly code_interpreter_sessions: CodeInterpreterSessionsUsageResult;
    readonly file_search_calls: FileSearchCallsUsageResult;
    readonly web_search_calls: WebSearchCallsUsageResult;
}

/** A usage kind, as its endpoint names it: `/organization/usage/{kind}`. */
export type UsageKind = keyof UsageResults;

/** A usage report: its buckets, oldest first, across the whole range. */
export interface UsageReport<K extends UsageKind = UsageKind> {
    /** Every bucket of the range, oldest first. */
    readonly buckets: ReadonlyArray<Bucket<UsageResults[K]>>;
}

/** Gates on a usage report, checked over its window. */
export interface UsageExpectations {
    /**
     * Idle credentials: none of these API keys or users used anything in the window (e.g.
     * `startTime: { lastDays: 30 }`). Needs `groupBy` to hold `api_key_id` (for `apiKeyIds`)
     * and `user_id` (for `userIds`).
     */
    readonly idle?: { readonly apiKeyIds?: readonly string[]; readonly userIds?: readonly string[] };
}

const projects = idsFilter("project_ids", "project_id");
const people = { projectIds: projects, userIds: idsFilter("user_ids", "user_id"), apiKeyIds: idsFilter("api_key_ids", "api_key_id") };
const withModels = { ...people, models: idsFilter("models", "model") };
const groupsOf = (fields: ResultFields) => Object.keys(fields).filter((name) => fields[name] === "dimension" || fields[name] === "flag");

const idleSpec: ReportGateSpec<UsageReport> = {
    schema: () =>
        z
            .strictObject({
                apiKeyIds: z.array(z.string().min(1)).min(1).optional(),
                userIds: z.array(z.string().min(1)).min(1).optional(),
            })
            .refine((idle) => idle.apiKeyIds !== undefined || idle.userIds !== undefined, "must name apiKeyIds or userIds"),
    requires: (idle: NonNullable<UsageExpectations["idle"]>, filters) => {
        const groupBy = (filters["groupBy"] as readonly string[] | undefined) ?? [];
        const missing = [
            ...(idle.apiKeyIds !== undefined && !groupBy.includes("api_key_id") ? ["api_key_id"] : []),
            ...(idle.userIds !== undefined && !groupBy.includes("user_id") ? ["user_id"] : []),
        ];
        return missing.length === 0 ? undefined : `needs groupBy to include ${missing.join(" and ")}, so that usage can be told apart`;
    },
    check: (report, idle: NonNullable<UsageExpectations["idle"]>, window) => {
        const failures: string[] = [];
        const look = (ids: readonly string[] | undefined, field: "apiKeyId" | "userId", noun: string) => {
            for (const id of ids ?? []) {
                let used = 0;
                let last: number | undefined;
                for (const bucket of report.buckets) {
                    for (const result of bucket.results as ReadonlyArray<Record<string, unknown>>) {
                        const activity = activityOf(result);
                        if (result[field] === id && activity > 0) {
                            used += activity;
                            last = bucket.startTime;
                        }
                    }
                }
                if (used > 0) {
                    const lastDay = new Date(last! * 1000).toISOString().slice(0, 10);
                    failures.push(`${noun} "${id}" was used ${used} times from ${window} (last on ${lastDay}), expected no use (limit 0)`);
                }
            }
        };
        look(idle.apiKeyIds, "apiKeyId", "API key");
        look(idle.userIds, "userId", "user");
        return failures;
    },
};

// The activity count of a public result: requests where the kind counts them, else its measure.
function activityOf(result: Readonly<Record<string, unknown>>): number {
    for (const name of ["numModelRequests", "numRequests", "numSessions", "usageBytes"]) {
        const value = result[name];
        if (typeof value === "number") {
            return value;
        }
    }
    return 0;
}

function usageKind<K extends UsageKind, F extends ResultFields>(
    kind: K,
    words: string,
    resultObject: string,
    fields: F,
    filters: Readonly<Record<string, ReportFilter>>,
    activity: keyof F & string,
): ReportDeclaration<WireResult<F>, PublicResult<F>, UsageReport<K>> {
    return {
        name: kind,
        noun: `${words} usage`,
        description: `The organization's ${words} usage, in time buckets of a minute, an hour or a day.`,
        path: `/organization/usage/${kind}`,
        ...resultShape(resultObject, fields),
        paging: { style: "page", widths: ["1m", "1h", "1d"], maxBuckets: USAGE_MAX_BUCKETS },
        filters,
        groupBy: groupsOf(fields),
        activity,
        gates: { idle: idleSpec as unknown as ReportGateSpec<UsageReport<K>> },
    };
}

/**
 * The ten usage reports, by kind: each endpoint's result fields, filters and groupings as
 * the OpenAPI document gives them.
 */
export const usageReports = {
    completions: usageKind(
        "completions",
        "completions",
        "organization.usage.completions.result",
        completionsFields,
        { ...withModels, batch: { param: "batch", field: "batch", type: "boolean" } },
        "num_model_requests",
    ),
    embeddings: usageKind(
        "embeddings",
        "embeddings",
        "organization.usage.embeddings.result",
        embeddingsFields,
        withModels,
        "num_model_requests",
    ),
    moderations: usageKind(
        "moderations",
        "moderations",
        "organization.usage.moderations.result",
        embeddingsFields,
        withModels,
        "num_model_requests",
    ),
    images: usageKind(
        "images",
        "images",
        "organization.usage.images.result",
        imagesFields,
        {
            ...withModels,
            sources: idsFilter("sources", "source", ["image.generation", "image.edit", "image.variation"]),
            sizes: idsFilter("sizes", "size", ["256x256", "512x512", "1024x1024", "1792x1792", "1024x1792"]),
        },
        "num_model_requests",
    ),
    audio_speeches: usageKind(
        "audio_speeches",
        "audio speeches",
        "organization.usage.audio_speeches.result",
        audioSpeechesFields,
        withModels,
        "num_model_requests",
    ),
    audio_transcriptions: usageKind(
        "audio_transcriptions",
        "audio transcriptions",
        "organization.usage.audio_transcriptions.result",
        audioTranscriptionsFields,
        withModels,
        "num_model_requests",
    ),
    vector_stores: usageKind(
        "vector_stores",
        "vector stores",
        "organization.usage.vector_stores.result",
        vectorStoresFields,
        { projectIds: projects },
        "usage_bytes",
    ),
    code_interpreter_sessions: usageKind(
        "code_interpreter_sessions",
        "code interpreter sessions",
        "organization.usage.code_interpreter_sessions.result",
        codeInterpreterFields,
        { projectIds: projects },
        "num_sessions",
    ),
    file_search_calls: usageKind(
        "file_search_calls",
        "file search calls",
        "organization.usage.file_searches.result",
        fileSearchFields,
        { ...people, vectorStoreIds: idsFilter("vector_store_ids", "vector_store_id") },
        "num_requests",
    ),
    web_search_calls: usageKind(
        "web_search_calls",
        "web search calls",
        "organization.usage.web_searches.result",
        webSearchFields,
        { ...withModels, contextLevels: idsFilter("context_levels", "context_level", ["low", "medium", "high"]) },
        "num_requests",
    ),
} as const;

/** Every usage kind, in the order the API documents them. */
export const USAGE_KINDS = Object.keys(usageReports) as UsageKind[];
