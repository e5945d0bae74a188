import * as pulumi from "@pulumi/pulumi";
import { ProjectRateLimitInfo, projectRateLimits } from "../api/organization/projects/rateLimits";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";

/** Arguments of `new ProjectRateLimit(...)`: the project and model, and the limits to set. */
export interface ProjectRateLimitArgs {
    /** The project, e.g. `proj_abc`; a change replaces the resource (the old limits are put back). */
    readonly projectId: pulumi.Input<string>;
    /** The model, e.g. `gpt-4o`; the project must have a rate limit for it. A change replaces the resource. */
    readonly model: pulumi.Input<string>;
    /** Requests per minute, a whole number of at least 0. */
    readonly maxRequestsPer1Minute?: pulumi.Input<number>;
    /** Tokens per minute. */
    readonly maxTokensPer1Minute?: pulumi.Input<number>;
    /** Images per minute (image models). */
    readonly maxImagesPer1Minute?: pulumi.Input<number>;
    /** Audio megabytes per minute (audio models). */
    readonly maxAudioMegabytesPer1Minute?: pulumi.Input<number>;
    /** Requests per day (some models). */
    readonly maxRequestsPer1Day?: pulumi.Input<number>;
    /** Batch input tokens per day (some models). */
    readonly batch1DayMaxInputTokens?: pulumi.Input<number>;
}

// Marks a construction by `get`.
class ExistingRateLimit {
    constructor(readonly opts: pulumi.CustomResourceOptions) {}
}

/**
 * The rate limits of one model in one project. The API cannot create or delete rate limits
 * (every model has one per project): `new ProjectRateLimit` takes over the project's limit of
 * `model`, keeps in state the values it had, and sets the limits given; an update sets them
 * again; **deleting the resource puts back every value found at the start**. A limit
 * removed from the arguments keeps its last value until then. The resource id is
 * `<project id>/<rate limit id>`.
 *
 * @example
 * ```typescript
 * import { ProjectRateLimit } from "pulumi-openai-admin";
 *
 * new ProjectRateLimit("web-gpt-4o", { projectId: "proj_abc", model: "gpt-4o", maxRequestsPer1Minute: 500, maxTokensPer1Minute: 200_000 });
 * ```
 */
export class ProjectRateLimit extends pulumi.dynamic.Resource {
    /** The project. */
    declare readonly projectId: pulumi.Output<string>;
    /** The rate limit's own id, e.g. `rl-gpt-4o`. */
    declare readonly rateLimitId: pulumi.Output<string>;
    /** The model. */
    declare readonly model: pulumi.Output<string>;
    /** Requests per minute. */
    declare readonly maxRequestsPer1Minute: pulumi.Output<number>;
    /** Tokens per minute. */
    declare readonly maxTokensPer1Minute: pulumi.Output<number>;
    /** Images per minute; null for models without images. */
    declare readonly maxImagesPer1Minute: pulumi.Output<number | null>;
    /** Audio megabytes per minute; null for models without audio. */
    declare readonly maxAudioMegabytesPer1Minute: pulumi.Output<number | null>;
    /** Requests per day; null when the model has no such limit. */
    declare readonly maxRequestsPer1Day: pulumi.Output<number | null>;
    /** Batch input tokens per day; null when the model has no such limit. */
    declare readonly batch1DayMaxInputTokens: pulumi.Output<number | null>;

    /**
     * Reads a project's rate limit without managing it.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<rate limit id>`, e.g. `proj_abc/rl-gpt-4o`
     * @param opts resource options
     * @returns the resource, whose outputs hold the limits
     *
     * @example
     * ```typescript
     * const current = ProjectRateLimit.get("gpt-4o", "proj_abc/rl-gpt-4o");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions = {}): ProjectRateLimit {
        return new ProjectRateLimit(name, new ExistingRateLimit({ ...opts, id }) as unknown as ProjectRateLimitArgs);
    }

    /**
     * Takes over the project's rate limit of `model` and sets the limits given. The inputs are
     * checked before anything is sent, and a model without a rate limit in the project is
     * refused, naming the models that have one.
     *
     * @param name the Pulumi resource name
     * @param args the project, the model, and the limits
     * @param opts resource options
     */
    constructor(name: string, args: ProjectRateLimitArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: ProjectRateLimitArgs | ExistingRateLimit, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingRateLimit
                ? readParts(projectRateLimits, name, args.opts.id!, args.opts)
                : managedParts(projectRateLimits, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A project's rate limit for one model, with the project it belongs to. */
export interface GetProjectRateLimitResult extends ProjectRateLimitInfo {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
}

/** Arguments of {@link getProjectRateLimit}: the project, and the rate limit by id or by model (exactly one). */
export type GetProjectRateLimitArgs = {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
    /** Reuse a read of the same rate limit made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
} & (
    | {
          /** The rate limit's id, e.g. `rl-gpt-4o`. */
          readonly rateLimitId: string;
          readonly model?: never;
      }
    | {
          /** The model, e.g. `gpt-4o`. */
          readonly model: string;
          readonly rateLimitId?: never;
      }
);

/** Arguments of {@link getProjectRateLimits}. */
export interface GetProjectRateLimitsArgs {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
    /** Only the rate limit of this model. */
    readonly model?: string;
}

/** A project's rate limits. */
export interface GetProjectRateLimitsResult {
    /** One per model, in the order the API lists them. */
    readonly rateLimits: readonly GetProjectRateLimitResult[];
}

const single = getFunctions<GetProjectRateLimitArgs, GetProjectRateLimitResult>(projectRateLimits);
const many = listFunctions<GetProjectRateLimitsArgs, GetProjectRateLimitsResult>(projectRateLimits);

/**
 * Reads a project's rate limit by id or by model from the program process.
 *
 * @example
 * ```typescript
 * const { maxRequestsPer1Minute } = await getProjectRateLimit({ projectId: "proj_abc", model: "gpt-4o" });
 * ```
 */
export const getProjectRateLimit: (args: GetProjectRateLimitArgs) => Promise<GetProjectRateLimitResult> = single.get;

/**
 * {@link getProjectRateLimit} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const gpt4oRpm = getProjectRateLimitOutput({ projectId: project.id, model: "gpt-4o" }).maxRequestsPer1Minute;
 * ```
 */
export const getProjectRateLimitOutput = single.getOutput;

/**
 * Lists a project's rate limits, one per model (every page, 100 a page).
 *
 * @example
 * ```typescript
 * const { rateLimits } = await getProjectRateLimits({ projectId: "proj_abc" });
 * ```
 */
export const getProjectRateLimits: (args: GetProjectRateLimitsArgs) => Promise<GetProjectRateLimitsResult> = many.list;

/**
 * {@link getProjectRateLimits} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const models = getProjectRateLimitsOutput({ projectId: project.id }).rateLimits.apply((all) => all.map((l) => l.model));
 * ```
 */
export const getProjectRateLimitsOutput = many.listOutput as (
    args: InputArgs<GetProjectRateLimitsArgs>,
) => pulumi.Output<GetProjectRateLimitsResult>;
