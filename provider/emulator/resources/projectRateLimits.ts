import { projectRateLimits, WireProjectRateLimit } from "../../api/organization/projects/rateLimits";
import { EmulatedResource } from "../emulatedResources";

// The fields a rate-limit update may set (`ProjectRateLimitUpdateRequest`).
const LIMIT_FIELDS = [
    "max_requests_per_1_minute",
    "max_tokens_per_1_minute",
    "max_images_per_1_minute",
    "max_audio_megabytes_per_1_minute",
    "max_requests_per_1_day",
    "batch_1_day_max_input_tokens",
] as const;

function limits(model: string, values: Omit<WireProjectRateLimit, "object" | "id" | "model">): WireProjectRateLimit {
    return { object: "project.rate_limit", id: `rl-${model}`, model, ...values };
}

/**
 * The limits every project starts with: the organization's, for every model; images and
 * audio have limits of their own.
 *
 * @returns fresh rate-limit objects, one per model
 */
export function projectLimits(): WireProjectRateLimit[] {
    return [
        limits("gpt-4o", {
            max_requests_per_1_minute: 10_000,
            max_tokens_per_1_minute: 30_000_000,
            batch_1_day_max_input_tokens: 5_000_000_000,
        }),
        limits("gpt-4o-mini", {
            max_requests_per_1_minute: 30_000,
            max_tokens_per_1_minute: 150_000_000,
            max_requests_per_1_day: 1_000_000,
            batch_1_day_max_input_tokens: 15_000_000_000,
        }),
        limits("dall-e-3", { max_requests_per_1_minute: 10_000, max_tokens_per_1_minute: 0, max_images_per_1_minute: 50 }),
        limits("whisper-1", { max_requests_per_1_minute: 10_000, max_tokens_per_1_minute: 0, max_audio_megabytes_per_1_minute: 200 }),
    ];
}

/**
 * Project rate limits: one per model, listed and updated, never created, deleted or read on
 * their own. An update sets the limits it names; a limit that is not a whole number of at
 * least 0 is refused, as is a field the API does not know.
 */
export const projectRateLimitEmulation: EmulatedResource = {
    declaration: projectRateLimits,
    idPrefix: "rl-",
    update: (existing, body) => {
        for (const [field, value] of Object.entries(body)) {
            if (!(LIMIT_FIELDS as readonly string[]).includes(field)) {
                return { refuse: { status: 400, message: `Unrecognized request argument supplied: ${field}`, param: field } };
            }
            if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
                return { refuse: { status: 400, message: `Invalid '${field}': expected a non-negative integer.`, param: field } };
            }
        }
        return { ...existing, ...body };
    },
    seed: () =>
        new Map(
            ["proj_default", "proj_web"].flatMap((project) => projectLimits().map((limit) => [`${project}/${limit.id}`, limit] as const)),
        ),
};
