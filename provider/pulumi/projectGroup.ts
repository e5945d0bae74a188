import * as pulumi from "@pulumi/pulumi";
import { ProjectGroupExpectations, ProjectGroupInfo, projectGroups } from "../api/organization/projects/groups";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new ProjectGroup(...)`; any change replaces the access (the API cannot change it). */
export interface ProjectGroupArgs {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: pulumi.Input<string>;
    /** The group, e.g. `group_abc`. */
    readonly groupId: pulumi.Input<string>;
    /** The project role the group gets: a role id. The API never returns it: it is kept as given. */
    readonly role: pulumi.Input<string>;
    /** Take over an existing access instead of granting it: `{ id: "group_..." }`. */
    readonly adopt?: pulumi.Input<Adopt>;
}

/** Options of {@link ProjectGroup.get}: resource options, plus expectations the access must meet. */
export interface ProjectGroupGetOptions extends pulumi.CustomResourceOptions {
    /** What the access must satisfy (groupName); a failure stops the preview or update. */
    readonly expect?: ProjectGroupExpectations;
}

// Marks a construction by `get`.
class ExistingProjectGroup {
    constructor(readonly opts: ProjectGroupGetOptions) {}
}

/**
 * A {@link Group}'s access to a project, with a project role. Any change replaces it (new
 * before old); delete revokes the group's access to the project only. The API never returns
 * the role, so refresh cannot see it change outside Pulumi. The resource id is
 * `<project id>/<group id>`.
 *
 * @example
 * ```typescript
 * import { Group, ProjectGroup } from "pulumi-openai-admin";
 *
 * const platform = new Group("platform", { name: "Platform" });
 * new ProjectGroup("platform-web", { projectId: "proj_abc", groupId: platform.id, role: "role_abc" });
 * ```
 */
export class ProjectGroup extends pulumi.dynamic.Resource {
    /** The project. */
    declare readonly projectId: pulumi.Output<string>;
    /** The group. */
    declare readonly groupId: pulumi.Output<string>;
    /** The group's name. */
    declare readonly groupName: pulumi.Output<string>;
    /** `group` or `tenant_group`, or null. */
    declare readonly groupType: pulumi.Output<string | null>;
    /** When the group was given access, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** The role, as given (managed resources only). */
    declare readonly role: pulumi.Output<string | undefined>;

    /**
     * Looks up a group's access to a project, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<group id>`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the access
     *
     * @example
     * ```typescript
     * const platformWeb = ProjectGroup.get("platform-web", "proj_abc/group_abc", { expect: { groupName: "Platform" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: ProjectGroupGetOptions = {}): ProjectGroup {
        return new ProjectGroup(name, new ExistingProjectGroup({ ...opts, id }) as unknown as ProjectGroupArgs);
    }

    /**
     * Grants (or adopts) a group's access to a project. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project, the group, the role, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: ProjectGroupArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: ProjectGroupArgs | ExistingProjectGroup, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingProjectGroup
                ? readParts(projectGroups, name, args.opts.id!, args.opts)
                : managedParts(projectGroups, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A group's access to a project as the functions return it: its fields plus the project. */
export interface GetProjectGroupResult extends ProjectGroupInfo {
    /** The project. */
    readonly projectId: string;
}

/** Arguments of {@link getProjectGroup}. */
export interface GetProjectGroupArgs {
    /** The project. */
    readonly projectId: string;
    /** The group. */
    readonly groupId: string;
    /** What the access must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: ProjectGroupExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
}

/** Arguments of {@link getProjectGroups}. */
export interface GetProjectGroupsArgs {
    /** The project whose groups to list. */
    readonly projectId: string;
    /** Only the group with this name. */
    readonly groupName?: string;
    /** What every listed group must satisfy; a failure names each one that does not. */
    readonly expect?: ProjectGroupExpectations;
}

/** The project's groups that passed the filter. */
export interface GetProjectGroupsResult {
    /** Each group, in the order the API lists them. */
    readonly groups: readonly GetProjectGroupResult[];
}

const single = getFunctions<GetProjectGroupArgs, GetProjectGroupResult>(projectGroups);
const many = listFunctions<GetProjectGroupsArgs, GetProjectGroupsResult>(projectGroups);

/**
 * Reads a group's access to a project from the program process, optionally checked against expectations.
 *
 * @example
 * ```typescript
 * const access = await getProjectGroup({ projectId: "proj_abc", groupId: "group_abc" });
 * ```
 */
export const getProjectGroup: (args: GetProjectGroupArgs) => Promise<GetProjectGroupResult> = single.get;

/**
 * {@link getProjectGroup} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const groupName = getProjectGroupOutput({ projectId: web.id, groupId: platform.id }).groupName;
 * ```
 */
export const getProjectGroupOutput = single.getOutput;

/**
 * Lists the groups with access to a project (every page, 100 a page).
 *
 * @example
 * ```typescript
 * const { groups } = await getProjectGroups({ projectId: "proj_abc" });
 * ```
 */
export const getProjectGroups: (args: GetProjectGroupsArgs) => Promise<GetProjectGroupsResult> = many.list;

/**
 * {@link getProjectGroups} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const groupNames = getProjectGroupsOutput({ projectId: web.id }).groups.apply((all) => all.map((g) => g.groupName));
 * ```
 */
export const getProjectGroupsOutput = many.listOutput as (args: InputArgs<GetProjectGroupsArgs>) => pulumi.Output<GetProjectGroupsResult>;
