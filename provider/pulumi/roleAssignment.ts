import * as pulumi from "@pulumi/pulumi";
import { AnyDeclaration } from "../api/declaration";
import {
    groupRoleAssignments,
    projectGroupRoleAssignments,
    projectUserRoleAssignments,
    RoleAssignmentInfo,
    RoleAssignmentListExpectations,
    userRoleAssignments,
} from "../api/organization/roleAssignments";
import { RoleExpectations } from "../api/organization/roles";
import { InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";

/** Options of the assignments' `get`: resource options, plus expectations the role held must meet. */
export interface RoleAssignmentGetOptions extends pulumi.CustomResourceOptions {
    /** What the role held must satisfy; a failure stops the preview or update. */
    readonly expect?: RoleExpectations;
}

// Marks a construction by `get`.
class ExistingAssignment {
    constructor(readonly opts: RoleAssignmentGetOptions) {}
}

function partsOf(declaration: AnyDeclaration, name: string, args: object, opts: pulumi.CustomResourceOptions) {
    return args instanceof ExistingAssignment
        ? readParts(declaration, name, args.opts.id!, args.opts)
        : managedParts(declaration, args, opts);
}

/** The outputs every role assignment has: the role held. */
abstract class RoleAssignmentResource extends pulumi.dynamic.Resource {
    /** The role, e.g. `role_abc`. */
    declare readonly roleId: pulumi.Output<string>;
    /** The role's name. */
    declare readonly name: pulumi.Output<string>;
    /** The role's description, or null. */
    declare readonly description: pulumi.Output<string | null>;
    /** The permissions the role grants. */
    declare readonly permissions: pulumi.Output<string[]>;
    /** `api.organization` or `api.project`. */
    declare readonly resourceType: pulumi.Output<string>;
    /** Whether OpenAI defines the role. */
    declare readonly predefinedRole: pulumi.Output<boolean>;
}

/** Arguments of `new UserRoleAssignment(...)`: a change of either replaces the assignment. */
export interface UserRoleAssignmentArgs {
    /** The user, e.g. `user_abc`. */
    readonly userId: pulumi.Input<string>;
    /** The organization role, e.g. `role_abc` (a `Role`'s `id`). */
    readonly roleId: pulumi.Input<string>;
}

/**
 * An organization role held directly by a user. Any change assigns the new role before the
 * old one is unassigned; delete unassigns (the user and the role stay). The resource id is
 * `<user id>/<role id>`.
 *
 * @example
 * ```typescript
 * import { UserRoleAssignment } from "pulumi-openai-admin";
 *
 * const adaReads = new UserRoleAssignment("ada-reader", { userId: "user_ada", roleId: "role_reader" });
 * ```
 */
export class UserRoleAssignment extends RoleAssignmentResource {
    /** The user. */
    declare readonly userId: pulumi.Output<string>;

    /**
     * Reads an existing assignment, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<user id>/<role id>`
     * @param opts resource options, and `expect`
     * @returns the resource
     *
     * @example
     * ```typescript
     * const owner = UserRoleAssignment.get("ada-owner", "user_ada/role_owner");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: RoleAssignmentGetOptions = {}): UserRoleAssignment {
        return new UserRoleAssignment(name, new ExistingAssignment({ ...opts, id }) as unknown as UserRoleAssignmentArgs);
    }

    /**
     * Assigns the role. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the user and the role
     * @param opts resource options
     */
    constructor(name: string, args: UserRoleAssignmentArgs, opts: pulumi.CustomResourceOptions = {}) {
        const parts = partsOf(userRoleAssignments, name, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** Arguments of `new GroupRoleAssignment(...)`: a change of either replaces the assignment. */
export interface GroupRoleAssignmentArgs {
    /** The group, e.g. `group_abc`. */
    readonly groupId: pulumi.Input<string>;
    /** The organization role. */
    readonly roleId: pulumi.Input<string>;
}

/**
 * An organization role held by a group, and so by each of its members. Any change replaces
 * the assignment; delete unassigns. The resource id is `<group id>/<role id>`.
 *
 * @example
 * ```typescript
 * import { GroupRoleAssignment } from "pulumi-openai-admin";
 *
 * new GroupRoleAssignment("platform-billing", { groupId: "group_platform", roleId: billing.id });
 * ```
 */
export class GroupRoleAssignment extends RoleAssignmentResource {
    /** The group. */
    declare readonly groupId: pulumi.Output<string>;

    /**
     * Reads an existing assignment, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<group id>/<role id>`
     * @param opts resource options, and `expect`
     * @returns the resource
     *
     * @example
     * ```typescript
     * const billing = GroupRoleAssignment.get("billing", "group_platform/role_billing_viewer");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: RoleAssignmentGetOptions = {}): GroupRoleAssignment {
        return new GroupRoleAssignment(name, new ExistingAssignment({ ...opts, id }) as unknown as GroupRoleAssignmentArgs);
    }

    /**
     * Assigns the role. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the group and the role
     * @param opts resource options
     */
    constructor(name: string, args: GroupRoleAssignmentArgs, opts: pulumi.CustomResourceOptions = {}) {
        const parts = partsOf(groupRoleAssignments, name, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** Arguments of `new ProjectUserRoleAssignment(...)`: a change of any replaces the assignment. */
export interface ProjectUserRoleAssignmentArgs {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: pulumi.Input<string>;
    /** The user. */
    readonly userId: pulumi.Input<string>;
    /** The project role (a `ProjectRole`'s `roleId`). */
    readonly roleId: pulumi.Input<string>;
}

/**
 * A project role held directly by a user. Any change replaces the assignment; delete
 * unassigns. The resource id is `<project id>/<user id>/<role id>`.
 *
 * @example
 * ```typescript
 * import { ProjectUserRoleAssignment } from "pulumi-openai-admin";
 *
 * new ProjectUserRoleAssignment("alan-deploys", { projectId: "proj_web", userId: "user_alan", roleId: deployer.roleId });
 * ```
 */
export class ProjectUserRoleAssignment extends RoleAssignmentResource {
    /** The project. */
    declare readonly projectId: pulumi.Output<string>;
    /** The user. */
    declare readonly userId: pulumi.Output<string>;

    /**
     * Reads an existing assignment, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<user id>/<role id>`
     * @param opts resource options, and `expect`
     * @returns the resource
     *
     * @example
     * ```typescript
     * const alan = ProjectUserRoleAssignment.get("alan", "proj_web/user_alan/role_member");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: RoleAssignmentGetOptions = {}): ProjectUserRoleAssignment {
        return new ProjectUserRoleAssignment(name, new ExistingAssignment({ ...opts, id }) as unknown as ProjectUserRoleAssignmentArgs);
    }

    /**
     * Assigns the project role. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project, the user and the role
     * @param opts resource options
     */
    constructor(name: string, args: ProjectUserRoleAssignmentArgs, opts: pulumi.CustomResourceOptions = {}) {
        const parts = partsOf(projectUserRoleAssignments, name, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** Arguments of `new ProjectGroupRoleAssignment(...)`: a change of any replaces the assignment. */
export interface ProjectGroupRoleAssignmentArgs {
    /** The project. */
    readonly projectId: pulumi.Input<string>;
    /** The group. */
    readonly groupId: pulumi.Input<string>;
    /** The project role. */
    readonly roleId: pulumi.Input<string>;
}

/**
 * A project role held by a group, and so by its members in the project. Any change replaces
 * the assignment; delete unassigns. The resource id is `<project id>/<group id>/<role id>`.
 *
 * @example
 * ```typescript
 * import { ProjectGroupRoleAssignment } from "pulumi-openai-admin";
 *
 * new ProjectGroupRoleAssignment("data-deploys", { projectId: "proj_web", groupId: "group_data", roleId: deployer.roleId });
 * ```
 */
export class ProjectGroupRoleAssignment extends RoleAssignmentResource {
    /** The project. */
    declare readonly projectId: pulumi.Output<string>;
    /** The group. */
    declare readonly groupId: pulumi.Output<string>;

    /**
     * Reads an existing assignment, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<group id>/<role id>`
     * @param opts resource options, and `expect`
     * @returns the resource
     *
     * @example
     * ```typescript
     * const data = ProjectGroupRoleAssignment.get("data", "proj_research/group_data/role_member");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: RoleAssignmentGetOptions = {}): ProjectGroupRoleAssignment {
        return new ProjectGroupRoleAssignment(name, new ExistingAssignment({ ...opts, id }) as unknown as ProjectGroupRoleAssignmentArgs);
    }

    /**
     * Assigns the project role. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project, the group and the role
     * @param opts resource options
     */
    constructor(name: string, args: ProjectGroupRoleAssignmentArgs, opts: pulumi.CustomResourceOptions = {}) {
        const parts = partsOf(projectGroupRoleAssignments, name, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** The roles a principal holds, as the list functions return them. */
export interface GetRoleAssignmentsResult {
    /** Each role held, with the principal's (and project's) ids, in the order the API lists them. */
    readonly assignments: ReadonlyArray<RoleAssignmentInfo & Readonly<Record<string, unknown>>>;
}

/** Arguments of {@link getUserRoleAssignments}. */
export interface GetUserRoleAssignmentsArgs {
    /** The user. */
    readonly userId: string;
    /** Gates: what every role held, and the whole list, must satisfy; a failure names each offending role. */
    readonly expect?: RoleAssignmentListExpectations;
}

/** Arguments of {@link getGroupRoleAssignments}. */
export interface GetGroupRoleAssignmentsArgs {
    /** The group. */
    readonly groupId: string;
    /** Gates, as for users. */
    readonly expect?: RoleAssignmentListExpectations;
}

/** Arguments of {@link getProjectUserRoleAssignments}. */
export interface GetProjectUserRoleAssignmentsArgs {
    /** The project. */
    readonly projectId: string;
    /** The user. */
    readonly userId: string;
    /** Gates, as for organization roles. */
    readonly expect?: RoleAssignmentListExpectations;
}

/** Arguments of {@link getProjectGroupRoleAssignments}. */
export interface GetProjectGroupRoleAssignmentsArgs {
    /** The project. */
    readonly projectId: string;
    /** The group. */
    readonly groupId: string;
    /** Gates, as for organization roles. */
    readonly expect?: RoleAssignmentListExpectations;
}

const users = listFunctions<GetUserRoleAssignmentsArgs, GetRoleAssignmentsResult>(userRoleAssignments);
const groups = listFunctions<GetGroupRoleAssignmentsArgs, GetRoleAssignmentsResult>(groupRoleAssignments);
const projectUsers = listFunctions<GetProjectUserRoleAssignmentsArgs, GetRoleAssignmentsResult>(projectUserRoleAssignments);
const projectGroups = listFunctions<GetProjectGroupRoleAssignmentsArgs, GetRoleAssignmentsResult>(projectGroupRoleAssignments);

/**
 * Lists the organization roles a user holds (every page, 1,000 a page), optionally gated.
 *
 * @example
 * ```typescript
 * await getUserRoleAssignments({ userId: "user_grace", expect: { onlyRoles: ["reader"] } });
 * ```
 */
export const getUserRoleAssignments: (args: GetUserRoleAssignmentsArgs) => Promise<GetRoleAssignmentsResult> = users.list;

/**
 * {@link getUserRoleAssignments} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const graceRoles = getUserRoleAssignmentsOutput({ userId: "user_grace" }).assignments.apply((all) => all.map((a) => a.name));
 * ```
 */
export const getUserRoleAssignmentsOutput = users.listOutput as (
    args: InputArgs<GetUserRoleAssignmentsArgs>,
) => pulumi.Output<GetRoleAssignmentsResult>;

/**
 * Lists the organization roles a group holds, optionally gated.
 *
 * @example
 * ```typescript
 * await getGroupRoleAssignments({ groupId: "group_platform", expect: { withoutPermissions: ["api.organization.admin"] } });
 * ```
 */
export const getGroupRoleAssignments: (args: GetGroupRoleAssignmentsArgs) => Promise<GetRoleAssignmentsResult> = groups.list;

/**
 * {@link getGroupRoleAssignments} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const platformRoles = getGroupRoleAssignmentsOutput({ groupId: "group_platform" }).assignments;
 * ```
 */
export const getGroupRoleAssignmentsOutput = groups.listOutput as (
    args: InputArgs<GetGroupRoleAssignmentsArgs>,
) => pulumi.Output<GetRoleAssignmentsResult>;

/**
 * Lists the project roles a user holds in a project, optionally gated.
 *
 * @example
 * ```typescript
 * await getProjectUserRoleAssignments({ projectId: "proj_web", userId: "user_alan", expect: { none: true } });
 * ```
 */
export const getProjectUserRoleAssignments: (args: GetProjectUserRoleAssignmentsArgs) => Promise<GetRoleAssignmentsResult> =
    projectUsers.list;

/**
 * {@link getProjectUserRoleAssignments} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const alanRoles = getProjectUserRoleAssignmentsOutput({ projectId: web.id, userId: "user_alan" }).assignments;
 * ```
 */
export const getProjectUserRoleAssignmentsOutput = projectUsers.listOutput as (
    args: InputArgs<GetProjectUserRoleAssignmentsArgs>,
) => pulumi.Output<GetRoleAssignmentsResult>;

/**
 * Lists the project roles a group holds in a project, optionally gated.
 *
 * @example
 * ```typescript
 * await getProjectGroupRoleAssignments({ projectId: "proj_research", groupId: "group_data" });
 * ```
 */
export const getProjectGroupRoleAssignments: (args: GetProjectGroupRoleAssignmentsArgs) => Promise<GetRoleAssignmentsResult> =
    projectGroups.list;

/**
 * {@link getProjectGroupRoleAssignments} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const dataRoles = getProjectGroupRoleAssignmentsOutput({ projectId: research.id, groupId: "group_data" }).assignments;
 * ```
 */
export const getProjectGroupRoleAssignmentsOutput = projectGroups.listOutput as (
    args: InputArgs<GetProjectGroupRoleAssignmentsArgs>,
) => pulumi.Output<GetRoleAssignmentsResult>;
