import * as pulumi from "@pulumi/pulumi";
import {
    ProjectServiceAccountExpectations,
    ProjectServiceAccountInfo,
    projectServiceAccounts,
    SERVICE_ACCOUNT_ROLES,
} from "../api/organization/projects/serviceAccounts";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new ProjectServiceAccount(...)`. */
export interface ProjectServiceAccountArgs {
    /** The project the account belongs to, e.g. `proj_abc`; a change replaces the account. */
    readonly projectId: pulumi.Input<string>;
    /** The account's name; names need not be unique. Changed in place. */
    readonly name: pulumi.Input<string>;
    /**
     * The account's role in the project, `member` or `owner`. The API creates every account as
     * `member`: another role is set right after the create. Changed in place; when omitted,
     * the role is left as it is.
     */
    readonly role?: pulumi.Input<(typeof SERVICE_ACCOUNT_ROLES)[number]>;
    /**
     * Create the account without a role and without an API key (its role reads `none`); it
     * cannot be given with `role`. A change replaces the account.
     */
    readonly createServiceAccountOnly?: pulumi.Input<boolean>;
    /**
     * Take over an existing account by id (`{ id: "svc_acct_..." }`) instead of creating one
     * (names are not unique). Its API key is not known to the stack; delete deletes the account.
     */
    readonly adopt?: pulumi.Input<Adopt>;
    /** Replace the account (and so its API key), new before old, on the first `up` after it is this many days old. */
    readonly rotateAfterDays?: pulumi.Input<number>;
}

/** Options of {@link ProjectServiceAccount.get}: resource options, plus expectations the account must meet. */
export interface ProjectServiceAccountGetOptions extends pulumi.CustomResourceOptions {
    /** What the account must satisfy (role); a failure stops the preview or update. */
    readonly expect?: ProjectServiceAccountExpectations;
}

// Marks a construction by `get`.
class ExistingServiceAccount {
    constructor(readonly opts: ProjectServiceAccountGetOptions) {}
}

/**
 * A service account of an OpenAI project. `new ProjectServiceAccount` creates one together
 * with its first API key, whose value the API returns only then: it is the secret output
 * `apiKey` (with `apiKeyId`), never printed or stored in plain text, and absent for accounts
 * made with `createServiceAccountOnly` and for adopted ones. Name and role change in place;
 * a new project or `createServiceAccountOnly`, or `rotateAfterDays` passing, replaces the
 * account (the new one first). Delete deletes the account and its keys.
 * `ProjectServiceAccount.get` reads an existing one. The resource id is
 * `<project id>/<service account id>`.
 *
 * @example
 * ```typescript
 * import { Project, ProjectServiceAccount } from "pulumi-openai-admin";
 *
 * const web = new Project("web", { name: "Web storefront" });
 * const bot = new ProjectServiceAccount("deploy-bot", { projectId: web.id, name: "deploy-bot", role: "owner", rotateAfterDays: 90 });
 * export const deployKey = bot.apiKey; // a secret
 *
 * const ci = ProjectServiceAccount.get("ci", "proj_abc/svc_acct_def", { expect: { role: "member" } });
 * ```
 */
export class ProjectServiceAccount extends pulumi.dynamic.Resource {
    /** The project the account belongs to. */
    declare readonly projectId: pulumi.Output<string>;
    /** The service account's own id, e.g. `svc_acct_abc` (the resource id is `<project id>/<this>`). */
    declare readonly serviceAccountId: pulumi.Output<string>;
    /** The account's name. */
    declare readonly name: pulumi.Output<string | null>;
    /** `owner`, `member`, or `none`. */
    declare readonly role: pulumi.Output<string | null>;
    /** When the account was created, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** The account's first API key, `sk-svcacct-...`: a secret; only for an account this resource created with a key. */
    declare readonly apiKey: pulumi.Output<string | undefined>;
    /** The id of that API key, e.g. `key_abc`; only when `apiKey` is known. */
    declare readonly apiKeyId: pulumi.Output<string | undefined>;
    /** Whether the account was created without a role or key, as asked; undefined for `get` and when not given. */
    declare readonly createServiceAccountOnly: pulumi.Output<boolean | undefined>;

    /**
     * Looks up an existing project service account by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id `<project id>/<service account id>`, e.g. `proj_abc/svc_acct_def`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the account
     *
     * @example
     * ```typescript
     * const ci = ProjectServiceAccount.get("ci", "proj_abc/svc_acct_def", { expect: { role: ["member", "owner"] } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: ProjectServiceAccountGetOptions = {}): ProjectServiceAccount {
        return new ProjectServiceAccount(name, new ExistingServiceAccount({ ...opts, id }) as unknown as ProjectServiceAccountArgs);
    }

    /**
     * Creates (or adopts) a project service account. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the project, the account's name and role, and options
     * @param opts resource options
     */
    constructor(name: string, args: ProjectServiceAccountArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: ProjectServiceAccountArgs | ExistingServiceAccount, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingServiceAccount
                ? readParts(projectServiceAccounts, name, args.opts.id!, args.opts)
                : managedParts(projectServiceAccounts, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A project service account as the functions return it: its fields plus the project it is in. */
export interface GetProjectServiceAccountResult extends ProjectServiceAccountInfo {
    /** The project the account belongs to. */
    readonly projectId: string;
}

/** Arguments of {@link getProjectServiceAccount}: the project, and the account by id or by name (exactly one). */
export type GetProjectServiceAccountArgs = { readonly projectId: string } & (
    { readonly serviceAccountId: string; readonly name?: never } | { readonly name: string; readonly serviceAccountId?: never }
) & {
        /** What the account must satisfy; a failure fails the call with an `ExpectationError`. */
        readonly expect?: ProjectServiceAccountExpectations;
        /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
        readonly cache?: boolean;
    };

/** Arguments of {@link getProjectServiceAccountOutput}: the same, as Pulumi inputs. */
export type GetProjectServiceAccountOutputArgs = { readonly projectId: pulumi.Input<string> } & (
    | { readonly serviceAccountId: pulumi.Input<string>; readonly name?: never }
    | { readonly name: pulumi.Input<string>; readonly serviceAccountId?: never }
) & { readonly expect?: pulumi.Input<ProjectServiceAccountExpectations>; readonly cache?: pulumi.Input<boolean> };

/** Arguments of {@link getProjectServiceAccounts}: the project, and filters combined with "and". */
export interface GetProjectServiceAccountsArgs {
    /** The project whose accounts to list. */
    readonly projectId: string;
    /** Only accounts with this role. */
    readonly role?: string;
    /** Only accounts with exactly this name. */
    readonly name?: string;
}

/** The project's service accounts that passed the filters. */
export interface GetProjectServiceAccountsResult {
    /** Each account, in the order the API lists them. */
    readonly serviceAccounts: readonly GetProjectServiceAccountResult[];
}

const single = getFunctions<GetProjectServiceAccountArgs, GetProjectServiceAccountResult>(projectServiceAccounts);
const many = listFunctions<GetProjectServiceAccountsArgs, GetProjectServiceAccountsResult>(projectServiceAccounts);

/**
 * Reads a project service account by id or by name from the program process, optionally
 * checked against expectations. A name shared by several accounts fails with a `LookupError`
 * naming them.
 *
 * @example
 * ```typescript
 * const ci = await getProjectServiceAccount({ projectId: "proj_abc", name: "ci-bot", expect: { role: "member" } });
 * ```
 */
export const getProjectServiceAccount: (args: GetProjectServiceAccountArgs) => Promise<GetProjectServiceAccountResult> = single.get;

/**
 * {@link getProjectServiceAccount} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const ciRole = getProjectServiceAccountOutput({ projectId: web.id, serviceAccountId: "svc_acct_def" }).role;
 * ```
 */
export const getProjectServiceAccountOutput = single.getOutput as (
    args: GetProjectServiceAccountOutputArgs,
) => pulumi.Output<GetProjectServiceAccountResult>;

/**
 * Lists a project's service accounts (every page, 100 a page), optionally filtered.
 *
 * @example
 * ```typescript
 * const { serviceAccounts } = await getProjectServiceAccounts({ projectId: "proj_abc", role: "owner" });
 * ```
 */
export const getProjectServiceAccounts: (args: GetProjectServiceAccountsArgs) => Promise<GetProjectServiceAccountsResult> = many.list;

/**
 * {@link getProjectServiceAccounts} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const botNames = getProjectServiceAccountsOutput({ projectId: web.id }).serviceAccounts.apply((all) => all.map((a) => a.name));
 * ```
 */
export const getProjectServiceAccountsOutput = many.listOutput as (
    args: InputArgs<GetProjectServiceAccountsArgs>,
) => pulumi.Output<GetProjectServiceAccountsResult>;
