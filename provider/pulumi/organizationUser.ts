import * as pulumi from "@pulumi/pulumi";
import { OwnersExpectation } from "../api/accessGates";
import { ORGANIZATION_USER_ROLES, OrganizationUserExpectations, OrganizationUserInfo, organizationUsers } from "../api/organization/users";
import { getFunctions, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";

/** How `new OrganizationUser(...)` names the person: by user id or by email, exactly one. */
export type OrganizationUserPerson =
    | {
          /** The person's id, e.g. `user_abc`; a change replaces the resource. */
          readonly userId: pulumi.Input<string>;
          readonly email?: never;
      }
    | {
          /** The person's email, as the API lists it; a change replaces the resource. */
          readonly email: pulumi.Input<string>;
          readonly userId?: never;
      };

/** Arguments of `new OrganizationUser(...)`. */
export type OrganizationUserArgs = OrganizationUserPerson & {
    /** The person's role in the organization. Changed in place. */
    readonly role: pulumi.Input<(typeof ORGANIZATION_USER_ROLES)[number]>;
    /**
     * Whether delete removes the person from the organization. Default false: delete only
     * releases them from the stack, and they keep their access.
     */
    readonly removeOnDelete?: pulumi.Input<boolean>;
};

/** Options of {@link OrganizationUser.get}: resource options, plus expectations the person must meet. */
export interface OrganizationUserGetOptions extends pulumi.CustomResourceOptions {
    /** What the person must satisfy (role, email); a failure stops the preview or update. */
    readonly expect?: OrganizationUserExpectations;
}

// Marks a construction by `get`.
class ExistingOrganizationUser {
    constructor(readonly opts: OrganizationUserGetOptions) {}
}

/**
 * A person of the OpenAI organization, and their role. The API cannot create people (they
 * join by accepting an {@link Invite}), so `new OrganizationUser` takes over an existing
 * member, found by `userId` or `email`, and sets their role in place. **Delete only releases
 * the person from the stack: they stay in the organization with their role, unless
 * `removeOnDelete: true` was set, in which case delete removes them from the organization.**
 * A person provisioned by SCIM is refused any change (role, removal) before anything is sent.
 * `OrganizationUser.get` reads a person by id.
 *
 * @example
 * ```typescript
 * import { OrganizationUser } from "pulumi-openai-admin";
 *
 * const ada = new OrganizationUser("ada", { email: "ada@example.com", role: "owner" });
 * const contractor = new OrganizationUser("contractor", { userId: "user_abc", role: "reader", removeOnDelete: true });
 *
 * const owner = OrganizationUser.get("owner", "user_ada", { expect: { role: "owner" } });
 * ```
 */
export class OrganizationUser extends pulumi.dynamic.Resource {
    /** The person's id, e.g. `user_abc` (also the resource id). */
    declare readonly userId: pulumi.Output<string>;
    /** The person's name, or null. */
    declare readonly name: pulumi.Output<string | null>;
    /** The person's email, or null. */
    declare readonly email: pulumi.Output<string | null>;
    /** The person's role in the organization. */
    declare readonly role: pulumi.Output<string | null>;
    /** When the person joined the organization, Unix seconds. */
    declare readonly addedAt: pulumi.Output<number>;
    /** Whether the person is provisioned by SCIM. */
    declare readonly isScimManaged: pulumi.Output<boolean>;
    /** Whether delete removes the person from the organization. */
    declare readonly removeOnDelete: pulumi.Output<boolean | undefined>;

    /**
     * Looks up a person of the organization by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id the user id, e.g. `user_abc`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the person
     *
     * @example
     * ```typescript
     * const ada = OrganizationUser.get("ada", "user_ada", { expect: { role: "owner" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: OrganizationUserGetOptions = {}): OrganizationUser {
        return new OrganizationUser(name, new ExistingOrganizationUser({ ...opts, id }) as unknown as OrganizationUserArgs);
    }

    /**
     * Takes over an existing person of the organization and sets their role. The inputs are
     * checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the person (`userId` or `email`), the role, and `removeOnDelete`
     * @param opts resource options
     */
    constructor(name: string, args: OrganizationUserArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: OrganizationUserArgs | ExistingOrganizationUser, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingOrganizationUser
                ? readParts(organizationUsers, name, args.opts.id!, args.opts)
                : managedParts(organizationUsers, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A person of the organization as the functions return them. */
export type GetUserResult = OrganizationUserInfo;

/** Arguments of {@link getUser}: the person by user id or by email (exactly one). */
export type GetUserArgs = ({ readonly userId: string; readonly email?: never } | { readonly email: string; readonly userId?: never }) & {
    /** What the person must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: OrganizationUserExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
};

/** Arguments of {@link getUserOutput}: the same, as Pulumi inputs. */
export type GetUserOutputArgs = (
    { readonly userId: pulumi.Input<string>; readonly email?: never } | { readonly email: pulumi.Input<string>; readonly userId?: never }
) & { readonly expect?: pulumi.Input<OrganizationUserExpectations>; readonly cache?: pulumi.Input<boolean> };

/** Arguments of {@link getUsers}: optional filters. */
export interface GetUsersArgs {
    /** Only these people, by email (the API filters). */
    readonly emails?: readonly string[];
    /** Only people with this role, e.g. `owner`. */
    readonly role?: string;
    /** What every listed person must satisfy, and access gates over the whole list; a failure names each offender. */
    readonly expect?: OrganizationUsersGates;
}

/** Expectations on every listed person, plus gates over the organization's people as a whole. */
export interface OrganizationUsersGates extends OrganizationUserExpectations {
    /** The organization's owners are exactly (or only among) these people, by user id or email. */
    readonly owners?: OwnersExpectation;
    /** Every listed person's email is in this domain (or one of these), e.g. `example.com`. */
    readonly emailDomain?: string | readonly string[];
}

/** The people of the organization that passed the filters. */
export interface GetUsersResult {
    /** Each person, in the order the API lists them. */
    readonly users: readonly GetUserResult[];
}

const single = getFunctions<GetUserArgs, GetUserResult>(organizationUsers);
const many = listFunctions<GetUsersArgs, GetUsersResult>(organizationUsers);

/**
 * Reads a person of the organization by user id or by email from the program process,
 * optionally checked against expectations.
 *
 * @example
 * ```typescript
 * const ada = await getUser({ email: "ada@example.com", expect: { role: "owner" } });
 * ```
 */
export const getUser: (args: GetUserArgs) => Promise<GetUserResult> = single.get;

/**
 * {@link getUser} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const adaRole = getUserOutput({ userId: "user_ada" }).role;
 * ```
 */
export const getUserOutput = single.getOutput as (args: GetUserOutputArgs) => pulumi.Output<GetUserResult>;

/**
 * Lists the people of the organization (every page, 100 a page), optionally only some emails
 * or one role.
 *
 * @example
 * ```typescript
 * const { users } = await getUsers({ role: "owner" });
 * ```
 */
export const getUsers: (args?: GetUsersArgs) => Promise<GetUsersResult> = many.list;

/**
 * {@link getUsers} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const ownerEmails = getUsersOutput({ role: "owner" }).users.apply((all) => all.map((u) => u.email));
 * ```
 */
export const getUsersOutput = many.listOutput;
