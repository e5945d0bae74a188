import { z } from "zod";
import { path, PathTemplate } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { ExpectationSpec, ResourceDeclaration } from "../declaration";

/** A role exactly as `GET /organization/roles/{role_id}` (or a project's) returns it. */
export interface WireRole {
    /** Always `role`. */
    readonly object: "role";
    /** The role's id, e.g. `role_abc`. */
    readonly id: string;
    /** Its name, unique in the organization (or project). */
    readonly name: string;
    /** Its description, or null. */
    readonly description?: string | null;
    /** The permissions it grants, e.g. `api.groups.read`. */
    readonly permissions: readonly string[];
    /** What it is bound to: `api.organization` or `api.project`. */
    readonly resource_type: string;
    /** Whether OpenAI defines and manages it (such roles cannot be changed or deleted). */
    readonly predefined_role: boolean;
}

/** A role, as this package's resources and functions expose it. */
export interface RoleInfo {
    /** The role's id, e.g. `role_abc`. */
    readonly id: string;
    /** Its name, unique in the organization (or project). */
    readonly name: string;
    /** Its description, or null. */
    readonly description: string | null;
    /** The permissions it grants. */
    readonly permissions: readonly string[];
    /** `api.organization` or `api.project`. */
    readonly resourceType: string;
    /** Whether OpenAI defines and manages it. */
    readonly predefinedRole: boolean;
}

/** The inputs of a managed `Role`: all updated in place. */
export interface RoleInputs {
    /** The role's name, unique in the organization. */
    readonly name: string;
    /** The permissions it grants, e.g. `["api.groups.read"]`. */
    readonly permissions: readonly string[];
    /** What the role is for; removing it clears it. */
    readonly description?: string;
}

/** The inputs of a managed `ProjectRole`: the project (a change replaces it), and a role's inputs. */
export interface ProjectRoleInputs extends RoleInputs {
    /** The project the role belongs to; a change replaces the role. */
    readonly projectId: string;
}

/** What a role must satisfy for a deploy to go on. */
export interface RoleExpectations {
    /** The role must grant none of these permissions, e.g. `["api.organization.owner"]`. */
    readonly withoutPermissions?: readonly string[];
    /** Whether the role must be predefined by OpenAI (true) or custom (false). */
    readonly predefined?: boolean;
}

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

function roleWire(name: string) {
    return schemaOnce(`${name} wire`, () =>
        z.looseObject({
            object: z.literal("role", { error: 'is not "role"' }),
            id: z.string().min(1),
            name: z.string(),
            description: z.string().nullish(),
            permissions: z.array(z.string()),
            resource_type: z.string(),
            predefined_role: z.boolean(),
        }),
    );
}

function roleOutputs(name: string) {
    return schemaOnce(`${name} outputs`, () =>
        z.object({
            id: z.string(),
            name: z.string(),
            description: z.string().nullable(),
            permissions: z.array(z.string()),
            resourceType: z.string(),
            predefinedRole: z.boolean(),
        }),
    );
}

const roleToPublic = (wire: WireRole): RoleInfo => ({
    id: wire.id,
    name: wire.name,
    description: wire.description ?? null,
    permissions: [...wire.permissions],
    resourceType: wire.resource_type,
    predefinedRole: wire.predefined_role,
});

/** The schema of the role inputs every role shares: a name, permissions, a description. */
export const roleInputShape = () => ({
    name: z
        .string({ error: "must be a string" })
        .trim()
        .min(1, { error: "must not be empty" })
        .max(200, { error: "must be at most 200 characters" }),
    permissions: z
        .array(z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }), { error: "must be a list of permissions" })
        .refine((permissions) => new Set(permissions).size === permissions.length, { error: "must not name a permission twice" }),
    description: z.string({ error: "must be a string" }).optional(),
});

/** Expectations every role has: granted permissions, and predefined or custom. */
export function roleExpectations<O extends RoleInfo>(): Record<keyof RoleExpectations, ExpectationSpec<O>> {
    return {
        withoutPermissions: {
            schema: () => z.array(z.string().min(1)).min(1),
            check: (role, forbidden: readonly string[]) => {
                const held = role.permissions.filter((permission) => forbidden.includes(permission));
                return held.length === 0 ? undefined : `grants ${held.map((p) => JSON.stringify(p)).join(", ")}, expected none of them`;
            },
        },
        predefined: {
            schema: () => z.boolean(),
            check: (role, expected: boolean) =>
                role.predefinedRole === expected
                    ? undefined
                    : `is ${role.predefinedRole ? "predefined" : "custom"}, expected ${expected ? "predefined" : "custom"}`,
        },
    };
}

// The create and update bodies of both role kinds: the wire calls the name `role_name`.
const createBody = (inputs: RoleInputs) => ({ role_name: inputs.name, permissions: inputs.permissions, description: inputs.description });
// Null clears a description that was removed from the inputs.
const updateBody = (inputs: RoleInputs) => ({
    role_name: inputs.name,
    permissions: inputs.permissions,
    description: inputs.description ?? null,
});

function roleDeclaration<I extends RoleInputs>(
    parts: Pick<ResourceDeclaration<WireRole, RoleInfo, I>, "type" | "noun" | "plural" | "description" | "idProperties"> & {
        readonly path: PathTemplate;
        readonly inputs: () => z.ZodObject<{ readonly [K in keyof I]-?: z.ZodType }>;
        readonly replaceOnChange: readonly (keyof I & string)[];
    },
): ResourceDeclaration<WireRole, RoleInfo, I> {
    return {
        type: parts.type,
        noun: parts.noun,
        plural: parts.plural,
        description: parts.description,
        path: parts.path,
        idProperties: parts.idProperties,
        object: "role",
        wire: () => roleWire(parts.type),
        outputs: () => roleOutputs(parts.type),
        toPublic: roleToPublic,
        retrieve: "get",
        list: {
            // Roles page by `next`, up to 1,000 a page.
            paging: { style: "next", pageSize: 1000 },
            filters: () => ({ predefined: z.boolean({ error: "must be true or false" }).optional() }),
            keep: (role, filters) => filters["predefined"] === undefined || role.predefinedRole === filters["predefined"],
        },
        nameField: "name",
        // The API refuses a second role of the same name.
        uniqueNames: true,
        listKey: "roles",
        expectations: roleExpectations(),
        managed: {
            inputs: parts.inputs,
            replaceOnChange: parts.replaceOnChange,
            create: {
                body: createBody,
                // A role holds nothing secret: the one the lost answer made is the one wanted.
                onLostAnswer: "adopt",
            },
            update: { body: updateBody },
            delete: { kind: "delete" },
        },
    };
}

/**
 * Organization roles: `/organization/roles`, the predefined roles and the custom ones, each a
 * set of permissions. Listed 1,000 a page by `after` = `next`; a custom role is created with
 * a name, permissions and a description, all updated in place; delete removes it (and with
 * it every assignment of it).
 */
export const roles: ResourceDeclaration<WireRole, RoleInfo, RoleInputs> = roleDeclaration<RoleInputs>({
    type: "Role",
    noun: "role",
    plural: "roles",
    description: "An organization role: a named set of permissions that users and groups can be assigned.",
    path: path`/organization/roles/${"role_id"}`,
    inputs: () => schemaOnce("Role inputs", () => z.strictObject(roleInputShape())),
    replaceOnChange: [],
});

/**
 * Project roles: `/projects/{project_id}/roles`, the roles of one project, paged and
 * managed as organization roles are; the project is the parent (a change replaces the role).
 */
export const projectRoles: ResourceDeclaration<WireRole, RoleInfo, ProjectRoleInputs> = roleDeclaration<ProjectRoleInputs>({
    type: "ProjectRole",
    noun: "project role",
    plural: "project roles",
    description: "A role of a project: a named set of permissions within the project that its users and groups can be assigned.",
    path: path`/projects/${"project_id"}/roles/${"role_id"}`,
    idProperties: ["projectId", "roleId"],
    inputs: () => schemaOnce("ProjectRole inputs", () => z.strictObject({ projectId: idSchema(), ...roleInputShape() })),
    replaceOnChange: ["projectId"],
});
