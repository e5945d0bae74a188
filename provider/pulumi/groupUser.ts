import * as pulumi from "@pulumi/pulumi";
import { GroupUserExpectations, GroupUserInfo, groupUsers } from "../api/organization/groups/users";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new GroupUser(...)`; a change of either replaces the membership. */
export interface GroupUserArgs {
    /** The group, e.g. `group_abc`. */
    readonly groupId: pulumi.Input<string>;
    /** The person, e.g. `user_abc`: a member of the organization. */
    readonly userId: pulumi.Input<string>;
    /** Take over an existing membership instead of adding the person: `{ id: "user_..." }`. */
    readonly adopt?: pulumi.Input<Adopt>;
}

/** Options of {@link GroupUser.get}: resource options, plus expectations the member must meet. */
export interface GroupUserGetOptions extends pulumi.CustomResourceOptions {
    /** What the member must satisfy (email); a failure stops the preview or update. */
    readonly expect?: GroupUserExpectations;
}

// Marks a construction by `get`.
class ExistingGroupUser {
    constructor(readonly opts: GroupUserGetOptions) {}
}

/**
 * A person's membership of a {@link Group}. Delete removes the person from the group only.
 * The members of a group provisioned by SCIM are refused any change before anything is sent.
 * The resource id is `<group id>/<user id>`.
 *
 * @example
 * ```typescript
 * import { GroupUser } from "pulumi-openai-admin";
 *
 * const ada = new GroupUser("ada-platform", { groupId: "group_abc", userId: "user_ada" });
 * ```
 */
export class GroupUser extends pulumi.dynamic.Resource {
    /** The group. */
    declare readonly groupId: pulumi.Output<string>;
    /** The person's user id. */
    declare readonly userId: pulumi.Output<string>;
    /** The person's name, or null. */
    declare readonly name: pulumi.Output<string | null>;
    /** The person's email, or null. */
    declare readonly email: pulumi.Output<string | null>;

    /**
     * Looks up an existing membership by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<group id>/<user id>`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the member
     *
     * @example
     * ```typescript
     * const ada = GroupUser.get("ada", "group_abc/user_ada");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: GroupUserGetOptions = {}): GroupUser {
        return new GroupUser(name, new ExistingGroupUser({ ...opts, id }) as unknown as GroupUserArgs);
    }

    /**
     * Adds (or adopts) a group member. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the group, the person, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: GroupUserArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: GroupUserArgs | ExistingGroupUser, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingGroupUser
                ? readParts(groupUsers, name, args.opts.id!, args.opts)
                : managedParts(groupUsers, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A group member as the functions return it: their fields plus the group. */
export interface GetGroupUserResult extends GroupUserInfo {
    /** The group. */
    readonly groupId: string;
}

/** Arguments of {@link getGroupUser}. */
export interface GetGroupUserArgs {
    /** The group. */
    readonly groupId: string;
    /** The person. */
    readonly userId: string;
    /** What the member must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: GroupUserExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
}

/** Arguments of {@link getGroupUsers}. */
export interface GetGroupUsersArgs {
    /** The group whose members to list. */
    readonly groupId: string;
    /** Only the member with this email. */
    readonly email?: string;
    /** What every listed member must satisfy; a failure names each one that does not. */
    readonly expect?: GroupUserExpectations;
}

/** The group's members that passed the filter. */
export interface GetGroupUsersResult {
    /** Each member, in the order the API lists them. */
    readonly users: readonly GetGroupUserResult[];
}

const single = getFunctions<GetGroupUserArgs, GetGroupUserResult>(groupUsers);
const many = listFunctions<GetGroupUsersArgs, GetGroupUsersResult>(groupUsers);

/**
 * Reads a group member from the program process, optionally checked against expectations.
 *
 * @example
 * ```typescript
 * const ada = await getGroupUser({ groupId: "group_abc", userId: "user_ada" });
 * ```
 */
export const getGroupUser: (args: GetGroupUserArgs) => Promise<GetGroupUserResult> = single.get;

/**
 * {@link getGroupUser} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const adaEmail = getGroupUserOutput({ groupId: platform.id, userId: "user_ada" }).email;
 * ```
 */
export const getGroupUserOutput = single.getOutput;

/**
 * Lists a group's members (every page, 1,000 a page).
 *
 * @example
 * ```typescript
 * const { users } = await getGroupUsers({ groupId: "group_abc" });
 * ```
 */
export const getGroupUsers: (args: GetGroupUsersArgs) => Promise<GetGroupUsersResult> = many.list;

/**
 * {@link getGroupUsers} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const memberEmails = getGroupUsersOutput({ groupId: platform.id }).users.apply((all) => all.map((u) => u.email));
 * ```
 */
export const getGroupUsersOutput = many.listOutput as (args: InputArgs<GetGroupUsersArgs>) => pulumi.Output<GetGroupUsersResult>;
