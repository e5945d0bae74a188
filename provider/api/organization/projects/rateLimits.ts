import { z } from "zod";
import { path } from "../../../core/paths";
import { schemaOnce } from "../../../core/validation";
import { ResourceDeclaration } from "../../declaration";

/** A project's rate limit for one model, exactly as the list of `/organization/projects/{project_id}/rate_limits` holds it. */
export interface WireProjectRateLimit {
    /** Always `project.rate_limit`. */
    readonly object: "project.rate_limit";
    /** The rate limit's id, e.g. `rl-gpt-4o`. */
    readonly id: string;
    /** The model it applies to. */
    readonly model: string;
    /** Requests per minute. */
    readonly max_requests_per_1_minute: number;
    /** Tokens per minute. */
    readonly max_tokens_per_1_minute: number;
    /** Only for models that make images. */
    readonly max_images_per_1_minute?: number | null;
    /** Only for audio models. */
    readonly max_audio_megabytes_per_1_minute?: number | null;
    /** Only for some models. */
    readonly max_requests_per_1_day?: number | null;
    /** Only for some models. */
    readonly batch_1_day_max_input_tokens?: number | null;
}

/** A project's rate limit for one model, as this package exposes it. Limits the model does not have are null. */
export interface ProjectRateLimitInfo {
    /** The rate limit's id, e.g. `rl-gpt-4o`. */
    readonly id: string;
    /** The model it applies to, e.g. `gpt-4o`. */
    readonly model: string;
    /** Requests per minute. */
    readonly maxRequestsPer1Minute: number;
    /** Tokens per minute. */
    readonly maxTokensPer1Minute: number;
    /** Images per minute; null for models without images. */
    readonly maxImagesPer1Minute: number | null;
    /** Audio megabytes per minute; null for models without audio. */
    readonly maxAudioMegabytesPer1Minute: number | null;
    /** Requests per day; null when the model has no such limit. */
    readonly maxRequestsPer1Day: number | null;
    /** Batch input tokens per day; null when the model has no such limit. */
    readonly batch1DayMaxInputTokens: number | null;
}

/** The limits a `ProjectRateLimit` can set: each one given is set, the others are left as they are. */
export interface ProjectRateLimitValues {
    /** Requests per minute. */
    readonly maxRequestsPer1Minute?: number;
    /** Tokens per minute. */
    readonly maxTokensPer1Minute?: number;
    /** Images per minute (image models). */
    readonly maxImagesPer1Minute?: number;
    /** Audio megabytes per minute (audio models). */
    readonly maxAudioMegabytesPer1Minute?: number;
    /** Requests per day (some models). */
    readonly maxRequestsPer1Day?: number;
    /** Batch input tokens per day (some models). */
    readonly batch1DayMaxInputTokens?: number;
}

/** The inputs of a managed `ProjectRateLimit`: which project and model, and the limits to set. */
export interface ProjectRateLimitInputs extends ProjectRateLimitValues {
    /** The project, e.g. `proj_abc`; a change replaces the resource. */
    readonly projectId: string;
    /** The model whose limits these are, e.g. `gpt-4o`; it must have a rate limit in the project. A change replaces the resource. */
    readonly model: string;
}

// Each limit: its public name and its wire name, in the order of the API's schema.
const LIMITS = [
    ["maxRequestsPer1Minute", "max_requests_per_1_minute"],
    ["maxTokensPer1Minute", "max_tokens_per_1_minute"],
    ["maxImagesPer1Minute", "max_images_per_1_minute"],
    ["maxAudioMegabytesPer1Minute", "max_audio_megabytes_per_1_minute"],
    ["maxRequestsPer1Day", "max_requests_per_1_day"],
    ["batch1DayMaxInputTokens", "batch_1_day_max_input_tokens"],
] as const;

// The wire body that sets the given limits; a limit that is absent (or null) is not sent.
function limitsBody(values: Readonly<Record<string, unknown>>): Record<string, number> {
    const body: Record<string, number> = {};
    for (const [name, wire] of LIMITS) {
        const value = values[name];
        if (typeof value === "number") {
            body[wire] = value;
        }
    }
    return body;
}

const limitSchema = () =>
    z
        .number({ error: "must be a number" })
        .int({ error: "must be a whole number" })
        .nonnegative({ error: "must not be negative" })
        .max(Number.MAX_SAFE_INTEGER, { error: "is too large" })
        .optional();

const idSchema = () => z.string({ error: "must be a string" }).refine((id) => id.trim() !== "", { error: "must not be empty" });

/**
 * Project rate limits: one per model, per project, `/organization/projects/{project_id}/rate_limits`.
 * The API has neither create nor delete, nor a `GET` of one: they are listed (cursor paging,
 * 100 a page) and changed with a `POST` of the item. So a `ProjectRateLimit` takes over the
 * project's limit of its model, keeps the values it found, sets its own, and on delete puts
 * the values it found back.
 */
export const projectRateLimits: ResourceDeclaration<WireProjectRateLimit, ProjectRateLimitInfo, ProjectRateLimitInputs> = {
    type: "ProjectRateLimit",
    noun: "project rate limit",
    plural: "project rate limits",
    description: "The rate limits of one model in one project: taken over, set, and put back as found on delete.",
    path: path`/organization/projects/${"project_id"}/rate_limits/${"rate_limit_id"}`,
    idProperties: ["projectId", "rateLimitId"],
    object: "project.rate_limit",
    wire: () =>
        schemaOnce("ProjectRateLimit wire", () =>
            z.looseObject({
                object: z.literal("project.rate_limit", { error: 'is not "project.rate_limit"' }),
                id: z.string().min(1),
                model: z.string(),
                max_requests_per_1_minute: z.number(),
                max_tokens_per_1_minute: z.number(),
                max_images_per_1_minute: z.number().nullish(),
                max_audio_megabytes_per_1_minute: z.number().nullish(),
                max_requests_per_1_day: z.number().nullish(),
                batch_1_day_max_input_tokens: z.number().nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("ProjectRateLimit outputs", () =>
            z.object({
                id: z.string(),
                model: z.string(),
                maxRequestsPer1Minute: z.number(),
                maxTokensPer1Minute: z.number(),
                maxImagesPer1Minute: z.number().nullable(),
                maxAudioMegabytesPer1Minute: z.number().nullable(),
                maxRequestsPer1Day: z.number().nullable(),
                batch1DayMaxInputTokens: z.number().nullable(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        model: wire.model,
        maxRequestsPer1Minute: wire.max_requests_per_1_minute,
        maxTokensPer1Minute: wire.max_tokens_per_1_minute,
        maxImagesPer1Minute: wire.max_images_per_1_minute ?? null,
        maxAudioMegabytesPer1Minute: wire.max_audio_megabytes_per_1_minute ?? null,
        maxRequestsPer1Day: wire.max_requests_per_1_day ?? null,
        batch1DayMaxInputTokens: wire.batch_1_day_max_input_tokens ?? null,
    }),
    retrieve: "list",
    list: {
        // The API's default and, as documented, its page: 100.
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({ model: z.string().optional() }),
        keep: (limit, filters) => filters["model"] === undefined || limit.model === filters["model"],
    },
    nameField: "model",
    uniqueNames: true,
    listKey: "rateLimits",
    managed: {
        inputs: () =>
            schemaOnce("ProjectRateLimit inputs", () =>
                z.strictObject({
                    projectId: idSchema(),
                    model: idSchema(),
                    maxRequestsPer1Minute: limitSchema(),
                    maxTokensPer1Minute: limitSchema(),
                    maxImagesPer1Minute: limitSchema(),
                    maxAudioMegabytesPer1Minute: limitSchema(),
                    maxRequestsPer1Day: limitSchema(),
                    batch1DayMaxInputTokens: limitSchema(),
                }),
            ),
        replaceOnChange: ["projectId", "model"],
        find: (limits, inputs) => limits.find((limit) => limit.model === inputs.model),
        update: { body: (inputs) => limitsBody(inputs as unknown as Record<string, unknown>) },
        // Every limit the model had when it was taken over, so that delete leaves it as found.
        resetBody: (original) => limitsBody(original as unknown as Record<string, unknown>),
        delete: { kind: "reset" },
    },
};
