import { z } from "zod";
import { path, PathTemplate } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { onlyRolesGate } from "../accessGates";
import { ListGateFailure, ResourceDeclaration } from "../declaration";
import { roleExpectations } from "./roles";

/** A role held by a principal, exactly as the assignment endpoints return it (`AssignedRoleDetails`). */
export interface WireAssignedRole {
    /** The role's id. */
    readonly id: string;
    /** The role's name. */
    readonly name: string;
    /** The permissions the role grants. */
    readonly permissions: readonly string[];
    /** `api.organization` or `api.project`. */
    readonly resource_type: string;
    /** Whether OpenAI defines the role. */
    readonly predefined_role: boolean;
    /** The role's description, or null. */
    readonly description?: string | null;
    /** The principals the assignment is inherited from (a group), or null. */
    readonly assignment_sources?: ReadonlyArray<{ readonly principal_id: string; readonly principal_type: string }> | null;
}

/** A role assignment, as this package's resources and functions expose it: the role held. */
export interface RoleAssignmentInfo {
    /** The role's id (the assignment's own id). */
    readonly id: string;
    /** The role's name. */
    readonly name: string;
    /** The role's description, or null. */
    readonly description: string | null;
    /** The permissions the role grants. */
    readonly permissions: readonly string[];
    /** `api.organization` or `api.project`. */
    readonly resourceType: string;
    /** Whether OpenAI defines the role. */
    readonly predefinedRole: boolean;
    /** Where an inherited assignment comes from (`{ principalId: "group_abc", principalType: "group" }`); null when direct or unknown. */
    readonly assignmentSources: ReadonlyArray<{ readonly principalId: string; readonly principalType: string }> | null;
}

/** What every listed assignment must satisfy, and what the whole list must: the gates of `get...RoleAssignments`. */
export interface RoleAssignmentListExpectations {
    /** No role held may grant any of these permissions. */
    readonly withoutPermissions?: readonly string[];
    /** Whether every role held must be predefined (true) or custom (false). */
    readonly predefined?: boolean;
    /** Every role held must be one of these (ids or names); each other one is named. */
    readonly onlyRoles?: readonly string[];
    /** When true, the principal must hold no role here at all; each one held is named. */
    readonly none?: true;
}

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

const wireSchema = () =>
    schemaOnce("AssignedRole wire", () =>
        z.looseObject({
            id: z.string().min(1),
            name: z.string(),
            permissions: z.array(z.string()),
            resource_type: z.string(),
            predefined_role: z.boolean(),
            description: z.string().nullish(),
            assignment_sources: z.array(z.looseObject({ principal_id: z.string(), principal_type: z.string() })).nullish(),
        }),
    );

const outputsSchema = () =>
    schemaOnce("AssignedRole outputs", () =>
        z.object({
            id: z.string(),
            name: z.string(),
            description: z.string().nullable(),
            permissions: z.array(z.string()),
            resourceType: z.string(),
            predefinedRole: z.boolean(),
            assignmentSources: z.array(z.object({ principalId: z.string(), principalType: z.string() })).nullable(),
        }),
    );

// The assign answer is `{ object: "user.role", user, role }` (or `group`): the role in it is
// what a list would show, with no inheritance since it was just assigned directly.
const assignAnswer = (object: "user.role" | "group.role") => () =>
    schemaOnce(`AssignedRole answer ${object}`, () =>
        z
            .looseObject({
                object: z.literal(object, { error: `is not "${object}"` }),
                role: z.looseObject({
                    id: z.string().min(1),
                    name: z.string(),
                    permissions: z.array(z.string()),
                    resource_type: z.string(),
                    predefined_role: z.boolean(),
                    description: z.string().nullish(),
                }),
            })
            .transform(({ role }): WireAssignedRole => ({ ...role, assignment_sources: null })),
    );

const toPublic = (wire: WireAssignedRole): RoleAssignmentInfo => ({
    id: wire.id,
    name: wire.name,
    description: wire.description ?? null,
    permissions: [...wire.permissions],
    resourceType: wire.resource_type,
    predefinedRole: wire.predefined_role,
    assignmentSources:
        wire.assignment_sources === undefined || wire.assignment_sources === null
            ? null
            : wire.assignment_sources.map((source) => ({ principalId: source.principal_id, principalType: source.principal_type })),
});

type AssignmentDeclaration<I extends { readonly roleId: string }> = ResourceDeclaration<WireAssignedRole, RoleAssignmentInfo, I>;

function assignmentDeclaration<I extends { readonly roleId: string }>(parts: {
    readonly type: string;
    readonly noun: string;
    readonly plural: string;
    readonly description: string;
    readonly path: PathTemplate;
    readonly idProperties: readonly (keyof I & string)[];
    readonly principal: "user" | "group";
}): AssignmentDeclaration<I> {
    const holder = parts.principal === "user" ? "the user" : "the group";
    return {
        type: parts.type,
        noun: parts.noun,
        plural: parts.plural,
        description: parts.description,
        path: parts.path,
        idProperties: parts.idProperties,
        object: `${parts.principal}.role`,
        wire: wireSchema,
        outputs: outputsSchema,
        toPublic,
        retrieve: "get",
        list: {
            // Assignments page by `next`, up to 1,000 a page.
            paging: { style: "next", pageSize: 1000 },
            gates: {
                onlyRoles: onlyRolesGate(),
                none: {
                    schema: () => z.literal(true, { error: "must be true" }),
                    check: (held): ListGateFailure[] =>
                        held.map((role) => ({
                            id: role.id,
                            message: `role ${JSON.stringify(role.name)} is held by ${holder}, expected none`,
                        })),
                },
            },
        },
        listKey: "assignments",
        expectations: roleExpectations(),
        managed: {
            inputs: () =>
                schemaOnce(`${parts.type} inputs`, () =>
                    z.strictObject(Object.fromEntries(parts.idProperties.map((name) => [name, idSchema()]))),
                ) as unknown as z.ZodObject<{ readonly [K in keyof I]-?: z.ZodType }>,
            // An assignment has nothing to update: another principal or role is another assignment.
            replaceOnChange: parts.idProperties,
            create: {
                body: (inputs) => ({ role_id: inputs.roleId }),
                response: assignAnswer(`${parts.principal}.role`),
                // Assigning holds nothing secret; without a name to look for, a lost answer fails and the next `up` assigns again.
                onLostAnswer: "adopt",
            },
            delete: { kind: "delete" },
        },
    };
}

/** The inputs of a `UserRoleAssignment`: the user and the organization role (a change of either replaces it). */
export interface UserRoleAssignmentInputs {
    /** The user, e.g. `user_abc`. */
    readonly userId: string;
    /** The organization role, e.g. `role_abc`. */
    readonly roleId: string;
}

/** The inputs of a `GroupRoleAssignment`: the group and the organization role. */
export interface GroupRoleAssignmentInputs {
    /** The group, e.g. `group_abc`. */
    readonly groupId: string;
    /** The organization role. */
    readonly roleId: string;
}

/** The inputs of a `ProjectUserRoleAssignment`: the project, the user and the project role. */
export interface ProjectUserRoleAssignmentInputs {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
    /** The user. */
    readonly userId: string;
    /** The project role. */
    readonly roleId: string;
}

/** The inputs of a `ProjectGroupRoleAssignment`: the project, the group and the project role. */
export interface ProjectGroupRoleAssignmentInputs {
    /** The project. */
    readonly projectId: string;
    /** The group. */
    readonly groupId: string;
    /** The project role. */
    readonly roleId: string;
}

/**
 * A user's organization roles: `/organization/users/{user_id}/roles`. Assigned by `role_id`,
 * read by role id, listed 1,000 a page by `next`; delete unassigns (the role and the user stay).
 */
export const userRoleAssignments = assignmentDeclaration<UserRoleAssignmentInputs>({
    type: "UserRoleAssignment",
    noun: "user role assignment",
    plural: "user role assignments",
    description: "An organization role held directly by a user.",
    path: path`/organization/users/${"user_id"}/roles/${"role_id"}`,
    idProperties: ["userId", "roleId"],
    principal: "user",
});

/** A group's organization roles: `/organization/groups/{group_id}/roles`, as for users. */
export const groupRoleAssignments = assignmentDeclaration<GroupRoleAssignmentInputs>({
    type: "GroupRoleAssignment",
    noun: "group role assignment",
    plural: "group role assignments",
    description: "An organization role held by a group, and so by each of its members.",
    path: path`/organization/groups/${"group_id"}/roles/${"role_id"}`,
    idProperties: ["groupId", "roleId"],
    principal: "group",
});

/** A user's roles in a project: `/projects/{project_id}/users/{user_id}/roles`. */
export const projectUserRoleAssignments = assignmentDeclaration<ProjectUserRoleAssignmentInputs>({
    type: "ProjectUserRoleAssignment",
    noun: "project user role assignment",
    plural: "project user role assignments",
    description: "A project role held directly by a user in a project.",
    path: path`/projects/${"project_id"}/users/${"user_id"}/roles/${"role_id"}`,
    idProperties: ["projectId", "userId", "roleId"],
    principal: "user",
});

/** A group's roles in a project: `/projects/{project_id}/groups/{group_id}/roles`. */
export const projectGroupRoleAssignments = assignmentDeclaration<ProjectGroupRoleAssignmentInputs>({
    type: "ProjectGroupRoleAssignment",
    noun: "project group role assignment",
    plural: "project group role assignments",
    description: "A project role held by a group in a project, and so by each of its members there.",
    path: path`/projects/${"project_id"}/groups/${"group_id"}/roles/${"role_id"}`,
    idProperties: ["projectId", "groupId", "roleId"],
    principal: "group",
});
