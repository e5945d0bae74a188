import * as pulumi from "@pulumi/pulumi";
import { ProjectExpectations, ProjectInfo, projects, PROJECT_RESIDENCIES } from "../api/organization/projects";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new Project(...)`. */
export interface ProjectArgs {
    /** The project's name; it appears in reports. Changed in place. */
    readonly name: pulumi.Input<string>;
    /** An external key (customer-managed encryption key) to associate with the project. Changed in place. */
    readonly externalKeyId?: pulumi.Input<string>;
    /** The data residency to create the project with, e.g. `EU_STORAGE_PROCESSING`; a change replaces the project. */
    readonly residency?: pulumi.Input<(typeof PROJECT_RESIDENCIES)[number]>;
    /** Take over an existing project, by id or by name, instead of creating one. */
    readonly adopt?: pulumi.Input<Adopt>;
}

/** Options of {@link Project.get}: resource options, plus expectations the project must meet. */
export interface ProjectGetOptions extends pulumi.CustomResourceOptions {
    /** What the project must satisfy (status, residency); a failure stops the preview or update. */
    readonly expect?: ProjectExpectations;
}

// Marks a construction by `get`.
class ExistingProject {
    constructor(readonly opts: ProjectGetOptions) {}
}

/**
 * An OpenAI project. `Project.get` reads an existing project; `new Project` creates one (or
 * adopts one), renames it and changes its external key in place, and replaces it when its
 * residency changes. **The API cannot delete projects: deleting the resource archives the
 * project** (archived projects cannot be used or changed, and cannot be brought back). A
 * project archived outside Pulumi counts as gone on refresh. The resource id is the project id.
 *
 * @example
 * ```typescript
 * import { Project } from "pulumi-openai-admin";
 *
 * const web = new Project("web", { name: "Web storefront" });
 * export const webProjectId = web.id;
 *
 * const legacy = Project.get("legacy", "proj_abc", { expect: { status: "active" } });
 * ```
 */
export class Project extends pulumi.dynamic.Resource {
    /** The project's name. */
    declare readonly name: pulumi.Output<string | null>;
    /** `active` or `archived`. */
    declare readonly status: pulumi.Output<string | null>;
    /** When the project was created, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** When the project was archived, Unix seconds; null while active. */
    declare readonly archivedAt: pulumi.Output<number | null>;
    /** The external key associated with the project, or null. */
    declare readonly externalKeyId: pulumi.Output<string | null>;
    /** The project's data residency, e.g. `GLOBAL`. */
    declare readonly residency: pulumi.Output<string | null>;

    /**
     * Looks up an existing project by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id the project id, e.g. `proj_abc`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the project
     *
     * @example
     * ```typescript
     * const prod = Project.get("prod", "proj_abc", { expect: { status: "active", residency: "EU_STORAGE_PROCESSING" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: ProjectGetOptions = {}): Project {
        return new Project(name, new ExistingProject({ ...opts, id }) as unknown as ProjectArgs);
    }

    /**
     * Creates (or adopts) a project. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project's name, external key, residency and adoption
     * @param opts resource options
     */
    constructor(name: string, args: ProjectArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: ProjectArgs | ExistingProject, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingProject ? readParts(projects, name, args.opts.id!, args.opts) : managedParts(projects, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** Arguments of {@link getProject}: the project by id or by name (exactly one). */
export type GetProjectArgs = (
    { readonly projectId: string; readonly name?: never } | { readonly name: string; readonly projectId?: never }
) & {
    /** What the project must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: ProjectExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
};

/** A project: `id` plus the same fields as the `Project` outputs. */
export type GetProjectResult = ProjectInfo;

/** Arguments of {@link getProjects}: filters, combined with "and". */
export interface GetProjectsArgs {
    /** Include archived projects (default false, as the API does). */
    readonly includeArchived?: boolean;
    /** Only projects with this status. */
    readonly status?: string;
    /** Only projects with exactly this name. */
    readonly name?: string;
}

/** The projects that passed the filters. */
export interface GetProjectsResult {
    /** Each project, in the order the API lists them. */
    readonly projects: readonly ProjectInfo[];
}

const single = getFunctions<GetProjectArgs, GetProjectResult>(projects);
const many = listFunctions<GetProjectsArgs, GetProjectsResult>(projects);

/**
 * Reads a project by id or by name from the program process, optionally checked against
 * expectations.
 *
 * @example
 * ```typescript
 * const web = await getProject({ name: "Web storefront", expect: { status: "active" } });
 * ```
 */
export const getProject: (args: GetProjectArgs) => Promise<GetProjectResult> = single.get;

/**
 * {@link getProject} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const webStatus = getProjectOutput({ projectId: "proj_abc" }).status;
 * ```
 */
export const getProjectOutput = single.getOutput;

/**
 * Lists the organization's projects (every page, 100 a page), optionally filtered.
 *
 * @example
 * ```typescript
 * const { projects } = await getProjects({ includeArchived: true });
 * ```
 */
export const getProjects: (args?: GetProjectsArgs) => Promise<GetProjectsResult> = many.list;

/**
 * {@link getProjects} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const projectNames = getProjectsOutput().projects.apply((all) => all.map((p) => p.name));
 * ```
 */
export const getProjectsOutput: (args?: InputArgs<GetProjectsArgs>) => pulumi.Output<GetProjectsResult> = many.listOutput;
