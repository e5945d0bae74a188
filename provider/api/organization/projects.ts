import { z } from "zod";
import { path } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { ResourceDeclaration } from "../declaration";
import { oneOf } from "../expectations";

/** The data residencies a project can be created with (`PublicProjectResidency`). */
export const PROJECT_RESIDENCIES = [
    "GLOBAL",
    "US_STORAGE_PROCESSING",
    "EU_STORAGE_PROCESSING",
    "JP_STORAGE",
    "KR_STORAGE",
    "CA_STORAGE",
    "SG_STORAGE",
    "IN_STORAGE",
    "AU_STORAGE",
    "GB_STORAGE",
    "AE_STORAGE",
    "AE_STORAGE_PROCESSING",
] as const;

/** A project exactly as `GET /organization/projects/{project_id}` returns it. */
export interface WireProject {
    /** Always `organization.project`. */
    readonly object: "organization.project";
    /** The project's id, e.g. `proj_abc`. */
    readonly id: string;
    /** The project's name, or null. */
    readonly name?: string | null;
    /** When the project was created, Unix seconds. */
    readonly created_at: number;
    /** When the project was archived, Unix seconds; null while active. */
    readonly archived_at?: number | null;
    /** `active` or `archived`. */
    readonly status?: string | null;
    /** The external key associated with the project, or null. */
    readonly external_key_id?: string | null;
    /** The project's data residency, e.g. `GLOBAL`. */
    readonly residency?: string | null;
}

/** A project, as this package's resources and functions expose it. Fields the API did not send are null. */
export interface ProjectInfo {
    /** The project's id, e.g. `proj_abc`. */
    readonly id: string;
    /** The project's name, or null. */
    readonly name: string | null;
    /** `active` or `archived`. */
    readonly status: string | null;
    /** When the project was created, Unix seconds. */
    readonly createdAt: number;
    /** When the project was archived, Unix seconds; null while active. */
    readonly archivedAt: number | null;
    /** The external key associated with the project, or null. */
    readonly externalKeyId: string | null;
    /** The project's data residency, e.g. `GLOBAL`; null when the API did not say. */
    readonly residency: string | null;
}

/** The inputs of a managed `Project`. */
export interface ProjectInputs {
    /** The project's name; it appears in reports. Updated in place. */
    readonly name: string;
    /** An external key to associate with the project. Updated in place. */
    readonly externalKeyId?: string;
    /** The data residency to create the project with; a change replaces the project. */
    readonly residency?: (typeof PROJECT_RESIDENCIES)[number];
}

/** What a project must satisfy for a deploy to go on. */
export interface ProjectExpectations {
    /** The project's status must be this (or one of these), e.g. `active`. */
    readonly status?: string | readonly string[];
    /** The project's residency must be this (or one of these). */
    readonly residency?: string | readonly string[];
}

const nameSchema = () =>
    z
        .string({ error: "must be a string" })
        .refine((name) => name.trim() !== "", { error: "must not be empty" })
        .refine((name) => !/\p{Cc}/u.test(name), { error: "must not contain control characters" });

/**
 * Projects: `/organization/projects`. Listed 100 a page by `after` = `last_id` (archived ones
 * only with `include_archived`); name and external key updated in place; residency set at
 * creation only. The API cannot delete a project: delete archives it.
 */
export const projects: ResourceDeclaration<WireProject, ProjectInfo, ProjectInputs> = {
    type: "Project",
    noun: "project",
    plural: "projects",
    description: "A project of the organization: the unit that owns API keys, service accounts, members and rate limits.",
    path: path`/organization/projects/${"project_id"}`,
    object: "organization.project",
    wire: () =>
        schemaOnce("Project wire", () =>
            z.looseObject({
                object: z.literal("organization.project", { error: 'is not "organization.project"' }),
                id: z.string().min(1),
                name: z.string().nullish(),
                created_at: z.number(),
                archived_at: z.number().nullish(),
                status: z.string().nullish(),
                external_key_id: z.string().nullish(),
                residency: z.string().nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("Project outputs", () =>
            z.object({
                id: z.string(),
                name: z.string().nullable(),
                status: z.string().nullable(),
                createdAt: z.number(),
                archivedAt: z.number().nullable(),
                externalKeyId: z.string().nullable(),
                residency: z.string().nullable(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        name: wire.name ?? null,
        status: wire.status ?? null,
        createdAt: wire.created_at,
        archivedAt: wire.archived_at ?? null,
        externalKeyId: wire.external_key_id ?? null,
        residency: wire.residency ?? null,
    }),
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            includeArchived: z.boolean().optional(),
            status: z.string().optional(),
            name: z.string().optional(),
        }),
        query: (filters) => ({ include_archived: filters["includeArchived"] === true ? true : undefined }),
        keep: (project, filters) =>
            (filters["status"] === undefined || project.status === filters["status"]) &&
            (filters["name"] === undefined || project.name === filters["name"]),
        everything: { include_archived: true },
    },
    nameField: "name",
    uniqueNames: true,
    listKey: "projects",
    expectations: {
        status: oneOf("status", (project) => project.status),
        residency: oneOf("residency", (project) => project.residency),
    },
    managed: {
        inputs: () =>
            schemaOnce("Project inputs", () =>
                z.strictObject({
                    name: nameSchema(),
                    externalKeyId: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
                    residency: z.enum(PROJECT_RESIDENCIES, { error: `must be one of ${PROJECT_RESIDENCIES.join(", ")}` }).optional(),
                }),
            ),
        replaceOnChange: ["residency"],
        create: {
            body: (inputs) => ({ name: inputs.name, external_key_id: inputs.externalKeyId, residency: inputs.residency }),
            // A project's create answer holds nothing secret: the one the lost answer made is the project.
            onLostAnswer: "adopt",
        },
        update: { body: (inputs) => ({ name: inputs.name, external_key_id: inputs.externalKeyId }) },
        delete: { kind: "archive", suffix: "/archive" },
        // An archived project cannot be used or updated: for the stack it is gone.
        gone: (project) => project.status === "archived",
    },
};
