import * as pulumi from "@pulumi/pulumi";
import { PROJECT_USER_ROLES, ProjectUserExpectations, ProjectUserInfo, projectUsers } from "../api/organization/projects/users";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";
import { OwnersExpectation } from "../api/accessGates";

/** The access gates of {@link getProjectUsers}: each member's expectations plus gates over the whole membership. */
export interface ProjectUsersGates extends ProjectUserExpectations {
    /** The project's owners are exactly (or only among) these people, by user id or email. */
    readonly owners?: OwnersExpectation;
    /** Every member's email is in this domain (or one of these), e.g. `example.com`. */
    readonly emailDomain?: string | readonly string[];
    /** When true, the project has no direct members: access comes through groups only. */
    readonly none?: true;
}

/** How `new ProjectUser(...)` names the person: by user id or by email, exactly one. */
export type ProjectUserPerson =
    | {
          /** The organization member's id, e.g. `user_abc`; a change replaces the membership. */
          readonly userId: pulumi.Input<string>;
          readonly email?: never;
      }
    | {
          /** The organization member's email, as the API lists it; a change replaces the membership. */
          readonly email: pulumi.Input<string>;
          readonly userId?: never;
      };

/** Arguments of `new ProjectUser(...)`. */
export type ProjectUserArgs = ProjectUserPerson & {
    /** The project, e.g. `proj_abc`; a change replaces the membership. */
    readonly projectId: pulumi.Input<string>;
    /** The person's role in the project. Changed in place. */
    readonly role: pulumi.Input<(typeof PROJECT_USER_ROLES)[number]>;
    /**
     * Take over an existing membership instead of adding the person: `{ id: "user_..." }`, or
     * `{ byName: true }` to find it by `email`. Needed for someone who is already a member:
     * adding them again is refused by the API.
     */
    readonly adopt?: pulumi.Input<Adopt>;
};

/** Options of {@link ProjectUser.get}: resource options, plus expectations the member must meet. */
export interface ProjectUserGetOptions extends pulumi.CustomResourceOptions {
    /** What the member must satisfy (role, email); a failure stops the preview or update. */
    readonly expect?: ProjectUserExpectations;
}

// Marks a construction by `get`.
class ExistingProjectUser {
    constructor(readonly opts: ProjectUserGetOptions) {}
}

/**
 * A person's membership of an OpenAI project. `new ProjectUser` adds a member of the
 * organization to the project, by `userId` or by `email`, with a role that changes in place;
 * another person or project replaces the membership. **Delete removes the person from the
 * project only: they stay in the organization and in its other projects.** Adding someone
 * who is already a member of the project fails (the API answers 400): take the membership
 * over with `adopt` instead, knowing that delete will then remove them. A person removed
 * outside Pulumi counts as gone on refresh. `ProjectUser.get` reads an existing membership.
 * The resource id is `<project id>/<user id>`.
 *
 * @example
 * ```typescript
 * import { ProjectUser } from "pulumi-openai-admin";
 *
 * const grace = new ProjectUser("grace", { projectId: "proj_abc", email: "grace@example.com", role: "member" });
 * const ada = new ProjectUser("ada", { projectId: "proj_abc", userId: "user_ada", role: "owner", adopt: { id: "user_ada" } });
 *
 * const owner = ProjectUser.get("owner", "proj_abc/user_ada", { expect: { role: "owner" } });
 * ```
 */
export class ProjectUser extends pulumi.dynamic.Resource {
    /** The project. */
    declare readonly projectId: pulumi.Output<string>;
    /** The person's user id, e.g. `user_abc` (also when they were named by email). */
    declare readonly userId: pulumi.Output<string>;
    /** The person's name, or null. */
    declare readonly name: pulumi.Output<string | null>;
    /** The person's email, or null. */
    declare readonly email: pulumi.Output<string | null>;
    /** `owner` or `member`. */
    declare readonly role: pulumi.Output<string | null>;
    /** When the person was added to the project, Unix seconds. */
    declare readonly addedAt: pulumi.Output<number>;

    /**
     * Looks up an existing project member by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<user id>`, e.g. `proj_abc/user_def`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the membership
     *
     * @example
     * ```typescript
     * const ada = ProjectUser.get("ada", "proj_abc/user_ada", { expect: { role: "owner" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: ProjectUserGetOptions = {}): ProjectUser {
        return new ProjectUser(name, new ExistingProjectUser({ ...opts, id }) as unknown as ProjectUserArgs);
    }

    /**
     * Adds (or adopts) a project member. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project, the person (`userId` or `email`), the role, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: ProjectUserArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: ProjectUserArgs | ExistingProjectUser, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingProjectUser
                ? readParts(projectUsers, name, args.opts.id!, args.opts)
                : managedParts(projectUsers, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A project member as the functions return it: their fields plus the project. */
export interface GetProjectUserResult extends ProjectUserInfo {
    /** The project. */
    readonly projectId: string;
}

/** Arguments of {@link getProjectUser}: the project, and the person by user id or by email (exactly one). */
export type GetProjectUserArgs = { readonly projectId: string } & (
    { readonly userId: string; readonly email?: never } | { readonly email: string; readonly userId?: never }
) & {
        /** What the member must satisfy; a failure fails the call with an `ExpectationError`. */
        readonly expect?: ProjectUserExpectations;
        /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
        readonly cache?: boolean;
    };

/** Arguments of {@link getProjectUserOutput}: the same, as Pulumi inputs. */
export type GetProjectUserOutputArgs = { readonly projectId: pulumi.Input<string> } & (
    { readonly userId: pulumi.Input<string>; readonly email?: never } | { readonly email: pulumi.Input<string>; readonly userId?: never }
) & { readonly expect?: pulumi.Input<ProjectUserExpectations>; readonly cache?: pulumi.Input<boolean> };

/** Arguments of {@link getProjectUsers}: the project, and an optional role filter. */
export interface GetProjectUsersArgs {
    /** The project whose members to list. */
    readonly projectId: string;
    /** Only members with this role. */
    readonly role?: string;
    /** Access gates: what every member, and the membership as a whole, must satisfy; a failure names each offender. */
    readonly expect?: ProjectUsersGates;
}

/** The project's members that passed the filter. */
export interface GetProjectUsersResult {
    /** Each member, in the order the API lists them. */
    readonly users: readonly GetProjectUserResult[];
}

const single = getFunctions<GetProjectUserArgs, GetProjectUserResult>(projectUsers);
const many = listFunctions<GetProjectUsersArgs, GetProjectUsersResult>(projectUsers);

/**
 * Reads a project member by user id or by email from the program process, optionally
 * checked against expectations.
 *
 * @example
 * ```typescript
 * const ada = await getProjectUser({ projectId: "proj_abc", email: "ada@example.com", expect: { role: "owner" } });
 * ```
 */
export const getProjectUser: (args: GetProjectUserArgs) => Promise<GetProjectUserResult> = single.get;

/**
 * {@link getProjectUser} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const adaRole = getProjectUserOutput({ projectId: web.id, userId: "user_ada" }).role;
 * ```
 */
export const getProjectUserOutput = single.getOutput as (args: GetProjectUserOutputArgs) => pulumi.Output<GetProjectUserResult>;

/**
 * Lists a project's members (every page, 100 a page), optionally only those with a role.
 *
 * @example
 * ```typescript
 * const { users } = await getProjectUsers({ projectId: "proj_abc", role: "owner" });
 * ```
 */
export const getProjectUsers: (args: GetProjectUsersArgs) => Promise<GetProjectUsersResult> = many.list;

/**
 * {@link getProjectUsers} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const ownerEmails = getProjectUsersOutput({ projectId: web.id, role: "owner" }).users.apply((all) => all.map((u) => u.email));
 * ```
 */
export const getProjectUsersOutput = many.listOutput as (args: InputArgs<GetProjectUsersArgs>) => pulumi.Output<GetProjectUsersResult>;
