import * as pulumi from "@pulumi/pulumi";
import { GroupExpectations, GroupInfo, groups } from "../api/organization/groups";
import { getFunctions, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new Group(...)`. */
export interface GroupArgs {
    /** The group's name, 1 to 255 characters. Renamed in place. */
    readonly name: pulumi.Input<string>;
    /** Take over an existing group instead of creating one: `{ id: "group_..." }`. */
    readonly adopt?: pulumi.Input<Adopt>;
}

/** Options of {@link Group.get}: resource options, plus expectations the group must meet. */
export interface GroupGetOptions extends pulumi.CustomResourceOptions {
    /** What the group must satisfy (name); a failure stops the preview or update. */
    readonly expect?: GroupExpectations;
}

// Marks a construction by `get`.
class ExistingGroup {
    constructor(readonly opts: GroupGetOptions) {}
}

/**
 * A group of people of the OpenAI organization, which projects ({@link ProjectGroup}) and
 * roles can be granted to. Renamed in place; deleted on delete. A group provisioned by SCIM
 * is refused any change before anything is sent: change it in the identity provider.
 * `Group.get` reads a group by id.
 *
 * @example
 * ```typescript
 * import { Group, GroupUser } from "pulumi-openai-admin";
 *
 * const platform = new Group("platform", { name: "Platform" });
 * new GroupUser("ada-platform", { groupId: platform.id, userId: "user_ada" });
 * ```
 */
export class Group extends pulumi.dynamic.Resource {
    /** The group's name. */
    declare readonly name: pulumi.Output<string>;
    /** When the group was created, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** Whether the group is provisioned by SCIM. */
    declare readonly isScimManaged: pulumi.Output<boolean>;
    /** `group` or `tenant_group`, or null. */
    declare readonly groupType: pulumi.Output<string | null>;

    /**
     * Looks up an existing group by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id the group id, e.g. `group_abc`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the group
     *
     * @example
     * ```typescript
     * const finance = Group.get("finance", "group_abc", { expect: { name: "Finance" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: GroupGetOptions = {}): Group {
        return new Group(name, new ExistingGroup({ ...opts, id }) as unknown as GroupArgs);
    }

    /**
     * Creates (or adopts) a group. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the group's name, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: GroupArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: GroupArgs | ExistingGroup, opts: pulumi.CustomResourceOptions = {}) {
        const parts = args instanceof ExistingGroup ? readParts(groups, name, args.opts.id!, args.opts) : managedParts(groups, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A group as the functions return it. */
export type GetGroupResult = GroupInfo;

/** Arguments of {@link getGroup}: the group by id, or by name when one group has it. */
export type GetGroupArgs = ({ readonly groupId: string; readonly name?: never } | { readonly name: string; readonly groupId?: never }) & {
    /** What the group must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: GroupExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
};

/** Arguments of {@link getGroups}: optional filters. */
export interface GetGroupsArgs {
    /** Only groups with this name. */
    readonly name?: string;
    /** Only groups provisioned by SCIM (true) or not (false). */
    readonly isScimManaged?: boolean;
    /** What every listed group must satisfy; a failure names each one that does not. */
    readonly expect?: GroupExpectations;
}

/** The groups that passed the filters. */
export interface GetGroupsResult {
    /** Each group, in the order the API lists them. */
    readonly groups: readonly GetGroupResult[];
}

const single = getFunctions<GetGroupArgs, GetGroupResult>(groups);
const many = listFunctions<GetGroupsArgs, GetGroupsResult>(groups);

/**
 * Reads a group by id or by name from the program process, optionally checked against expectations.
 *
 * @example
 * ```typescript
 * const platform = await getGroup({ name: "Platform" });
 * ```
 */
export const getGroup: (args: GetGroupArgs) => Promise<GetGroupResult> = single.get;

/**
 * {@link getGroup} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const platformId = getGroupOutput({ name: "Platform" }).id;
 * ```
 */
export const getGroupOutput = single.getOutput;

/**
 * Lists the organization's groups (every page, 1,000 a page), optionally filtered.
 *
 * @example
 * ```typescript
 * const { groups } = await getGroups({ isScimManaged: true });
 * ```
 */
export const getGroups: (args?: GetGroupsArgs) => Promise<GetGroupsResult> = many.list;

/**
 * {@link getGroups} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const groupNames = getGroupsOutput().groups.apply((all) => all.map((g) => g.name));
 * ```
 */
export const getGroupsOutput = many.listOutput;
