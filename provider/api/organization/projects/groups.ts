import { z } from "zod";
import { path } from "../../../core/paths";
import { schemaOnce } from "../../../core/validation";
import { ResourceDeclaration } from "../../declaration";
import { oneOf } from "../../expectations";

/** A group's access to a project exactly as `GET /organization/projects/{project_id}/groups/{group_id}` returns it. */
export interface WireProjectGroup {
    /** Always `project.group`. */
    readonly object: "project.group";
    /** The project's id. */
    readonly project_id: string;
    /** The group's id, e.g. `group_abc`: the object's own id. */
    readonly group_id: string;
    /** The group's name. */
    readonly group_name: string;
    /** `group` or `tenant_group`. */
    readonly group_type?: string | null;
    /** When the group was given access, Unix seconds. */
    readonly created_at: number;
}

/** A group's access to a project, as this package exposes it. */
export interface ProjectGroupInfo {
    /** The group's id, e.g. `group_abc`. */
    readonly id: string;
    /** The group's name. */
    readonly groupName: string;
    /** `group` or `tenant_group`; null when the API did not say. */
    readonly groupType: string | null;
    /** When the group was given access, Unix seconds. */
    readonly createdAt: number;
}

/** The inputs of a managed `ProjectGroup`; any change replaces the access (the API cannot change it). */
export interface ProjectGroupInputs {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
    /** The group, e.g. `group_abc`. */
    readonly groupId: string;
    /** The project role the group gets: a role id (see the project roles). */
    readonly role: string;
}

/** What a project group must satisfy for a deploy to go on. */
export interface ProjectGroupExpectations {
    /** The group's name must be this (or one of these). */
    readonly groupName?: string | readonly string[];
}

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

/**
 * Project groups: `/organization/projects/{project_id}/groups`, the groups given access to a
 * project, with a role. Listed up to 100 a page by `after` = `next`. The API has no update and
 * never returns the role: any change replaces the access, and the role is kept as given.
 */
export const projectGroups: ResourceDeclaration<WireProjectGroup, ProjectGroupInfo, ProjectGroupInputs> = {
    type: "ProjectGroup",
    noun: "project group",
    plural: "project groups",
    description: "A group's access to a project, with a project role.",
    path: path`/organization/projects/${"project_id"}/groups/${"group_id"}`,
    idProperties: ["projectId", "groupId"],
    object: "project.group",
    wire: () =>
        schemaOnce("ProjectGroup wire", () =>
            z.looseObject({
                object: z.literal("project.group", { error: 'is not "project.group"' }),
                project_id: z.string(),
                group_id: z.string().min(1),
                group_name: z.string(),
                group_type: z.string().nullish(),
                created_at: z.number(),
            }),
        ),
    outputs: () =>
        schemaOnce("ProjectGroup outputs", () =>
            z.object({
                id: z.string(),
                groupName: z.string(),
                groupType: z.string().nullable(),
                createdAt: z.number(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.group_id,
        groupName: wire.group_name,
        groupType: wire.group_type ?? null,
        createdAt: wire.created_at,
    }),
    retrieve: "get",
    list: {
        paging: { style: "next", pageSize: 100 },
        filters: () => ({ groupName: z.string().optional() }),
        keep: (group, filters) => filters["groupName"] === undefined || group.groupName === filters["groupName"],
    },
    listKey: "groups",
    expectations: {
        groupName: oneOf("groupName", (group) => group.groupName),
    },
    managed: {
        inputs: () =>
            schemaOnce("ProjectGroup inputs", () =>
                z.strictObject({
                    projectId: idSchema(),
                    groupId: idSchema(),
                    role: idSchema(),
                }),
            ),
        replaceOnChange: ["projectId", "groupId", "role"],
        // The API refuses a second access of the same group to the project: the old one goes first.
        deleteBeforeReplace: true,
        create: {
            body: (inputs) => ({ group_id: inputs.groupId, role: inputs.role }),
            onLostAnswer: "adopt",
        },
        delete: { kind: "delete" },
        // The API never returns the role: it is kept as given, to be compared.
        keptInputs: ["role"],
    },
};
