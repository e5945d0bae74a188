import * as pulumi from "@pulumi/pulumi";
import { projectRoles, RoleExpectations, RoleInfo, roles } from "../api/organization/roles";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new Role(...)`: every one is updated in place. */
export interface RoleArgs {
    /** The role's name, unique in the organization. */
    readonly name: pulumi.Input<string>;
    /** The permissions it grants, e.g. `["api.groups.read"]`. */
    readonly permissions: pulumi.Input<pulumi.Input<string>[]>;
    /** What the role is for. */
    readonly description?: pulumi.Input<string>;
    /** Take over an existing custom role instead of creating one: `{ id: "role_..." }` or `{ byName: true }`. */
    readonly adopt?: pulumi.Input<Adopt>;
}

/** Arguments of `new ProjectRole(...)`: a role's, plus the project (a change replaces the role). */
export interface ProjectRoleArgs extends RoleArgs {
    /** The project, e.g. `proj_abc`; a change replaces the role. */
    readonly projectId: pulumi.Input<string>;
}

/** Options of {@link Role.get} and {@link ProjectRole.get}: resource options, plus expectations the role must meet. */
export interface RoleGetOptions extends pulumi.CustomResourceOptions {
    /** What the role must satisfy (permissions it must not grant, predefined or custom); a failure stops the preview or update. */
    readonly expect?: RoleExpectations;
}

// Marks a construction by `get`.
class ExistingRole {
    constructor(readonly opts: RoleGetOptions) {}
}

/**
 * A custom role of the OpenAI organization: a named set of permissions that users and groups
 * are assigned (see `UserRoleAssignment`, `GroupRoleAssignment`). Name, permissions and
 * description change in place; delete removes the role, and with it its assignments.
 * `Role.get` reads any role, predefined ones included. The resource id is the role id.
 *
 * @example
 * ```typescript
 * import { Role } from "pulumi-openai-admin";
 *
 * const billing = new Role("billing", {
 *     name: "Billing Viewer",
 *     permissions: ["api.usage.read"],
 *     description: "Reads usage and costs",
 * });
 * const owner = Role.get("owner", "role_owner", { expect: { predefined: true } });
 * ```
 */
export class Role extends pulumi.dynamic.Resource {
    /** The role's name. */
    declare readonly name: pulumi.Output<string>;
    /** Its description, or null. */
    declare readonly description: pulumi.Output<string | null>;
    /** The permissions it grants. */
    declare readonly permissions: pulumi.Output<string[]>;
    /** `api.organization`. */
    declare readonly resourceType: pulumi.Output<string>;
    /** Whether OpenAI defines it. */
    declare readonly predefinedRole: pulumi.Output<boolean>;

    /**
     * Looks up an existing role by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id the role id, e.g. `role_abc`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the role
     *
     * @example
     * ```typescript
     * const reader = Role.get("reader", "role_reader", { expect: { withoutPermissions: ["api.organization.admin"] } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: RoleGetOptions = {}): Role {
        return new Role(name, new ExistingRole({ ...opts, id }) as unknown as RoleArgs);
    }

    /**
     * Creates (or adopts) a custom role. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the name, permissions, description, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: RoleArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: RoleArgs | ExistingRole, opts: pulumi.CustomResourceOptions = {}) {
        const parts = args instanceof ExistingRole ? readParts(roles, name, args.opts.id!, args.opts) : managedParts(roles, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/**
 * A custom role of one project, managed as {@link Role} is; another project replaces it. The
 * resource id is `<project id>/<role id>`.
 *
 * @example
 * ```typescript
 * import { ProjectRole } from "pulumi-openai-admin";
 *
 * const deployer = new ProjectRole("deployer", {
 *     projectId: "proj_abc",
 *     name: "Deployer",
 *     permissions: ["api.project.read"],
 *     description: "Ships the app",
 * });
 * ```
 */
export class ProjectRole extends pulumi.dynamic.Resource {
    /** The project. */
    declare readonly projectId: pulumi.Output<string>;
    /** The role id, e.g. `role_abc`. */
    declare readonly roleId: pulumi.Output<string>;
    /** The role's name. */
    declare readonly name: pulumi.Output<string>;
    /** Its description, or null. */
    declare readonly description: pulumi.Output<string | null>;
    /** The permissions it grants. */
    declare readonly permissions: pulumi.Output<string[]>;
    /** `api.project`. */
    declare readonly resourceType: pulumi.Output<string>;
    /** Whether OpenAI defines it. */
    declare readonly predefinedRole: pulumi.Output<boolean>;

    /**
     * Looks up an existing project role by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<role id>`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the role
     *
     * @example
     * ```typescript
     * const member = ProjectRole.get("member", "proj_abc/role_member", { expect: { predefined: true } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: RoleGetOptions = {}): ProjectRole {
        return new ProjectRole(name, new ExistingRole({ ...opts, id }) as unknown as ProjectRoleArgs);
    }

    /**
     * Creates (or adopts) a custom project role. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project, name, permissions, description, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: ProjectRoleArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: ProjectRoleArgs | ExistingRole, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingRole ? readParts(projectRoles, name, args.opts.id!, args.opts) : managedParts(projectRoles, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** Arguments of {@link getRole}: the role by id or by name (exactly one). */
export type GetRoleArgs = ({ readonly roleId: string; readonly name?: never } | { readonly name: string; readonly roleId?: never }) & {
    /** What the role must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: RoleExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
};

/** Arguments of {@link getProjectRole}: the project, and the role by id or by name. */
export type GetProjectRoleArgs = { readonly projectId: string } & GetRoleArgs;

/** A project role as the functions return it: its fields plus the project. */
export interface GetProjectRoleResult extends RoleInfo {
    /** The project. */
    readonly projectId: string;
}

/** Arguments of {@link getRoles}. */
export interface GetRolesArgs {
    /** Only predefined roles (true) or only custom ones (false). */
    readonly predefined?: boolean;
    /** What every listed role must satisfy; a failure names each offending role. */
    readonly expect?: RoleExpectations;
}

/** Arguments of {@link getProjectRoles}: the project, and the same filters. */
export interface GetProjectRolesArgs extends GetRolesArgs {
    /** The project whose roles to list. */
    readonly projectId: string;
}

/** The organization's roles that passed the filter. */
export interface GetRolesResult {
    /** Each role, in the order the API lists them. */
    readonly roles: readonly RoleInfo[];
}

/** The project's roles that passed the filter. */
export interface GetProjectRolesResult {
    /** Each role, in the order the API lists them. */
    readonly roles: readonly GetProjectRoleResult[];
}

const single = getFunctions<GetRoleArgs, RoleInfo>(roles);
const many = listFunctions<GetRolesArgs, GetRolesResult>(roles);
const singleInProject = getFunctions<GetProjectRoleArgs, GetProjectRoleResult>(projectRoles);
const manyInProject = listFunctions<GetProjectRolesArgs, GetProjectRolesResult>(projectRoles);

/**
 * Reads an organization role by id or by name from the program process, optionally checked against expectations.
 *
 * @example
 * ```typescript
 * const owner = await getRole({ name: "owner" });
 * ```
 */
export const getRole: (args: GetRoleArgs) => Promise<RoleInfo> = single.get;

/**
 * {@link getRole} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const ownerPermissions = getRoleOutput({ name: "owner" }).permissions;
 * ```
 */
export const getRoleOutput = single.getOutput;

/**
 * Lists the organization's roles (every page, 1,000 a page), optionally only predefined or custom ones.
 *
 * @example
 * ```typescript
 * const { roles } = await getRoles({ predefined: false });
 * ```
 */
export const getRoles: (args?: GetRolesArgs) => Promise<GetRolesResult> = many.list;

/**
 * {@link getRoles} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const customRoles = getRolesOutput({ predefined: false }).roles.apply((all) => all.map((r) => r.name));
 * ```
 */
export const getRolesOutput = many.listOutput;

/**
 * Reads a project role by id or by name from the program process.
 *
 * @example
 * ```typescript
 * const member = await getProjectRole({ projectId: "proj_abc", name: "member" });
 * ```
 */
export const getProjectRole: (args: GetProjectRoleArgs) => Promise<GetProjectRoleResult> = singleInProject.get;

/**
 * {@link getProjectRole} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const memberRoleId = getProjectRoleOutput({ projectId: web.id, name: "member" }).id;
 * ```
 */
export const getProjectRoleOutput = singleInProject.getOutput;

/**
 * Lists a project's roles (every page, 1,000 a page).
 *
 * @example
 * ```typescript
 * const { roles } = await getProjectRoles({ projectId: "proj_abc" });
 * ```
 */
export const getProjectRoles: (args: GetProjectRolesArgs) => Promise<GetProjectRolesResult> = manyInProject.list;

/**
 * {@link getProjectRoles} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const projectRoleNames = getProjectRolesOutput({ projectId: web.id }).roles.apply((all) => all.map((r) => r.name));
 * ```
 */
export const getProjectRolesOutput = manyInProject.listOutput as (
    args: InputArgs<GetProjectRolesArgs>,
) => pulumi.Output<GetProjectRolesResult>;
