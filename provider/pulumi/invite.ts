import * as pulumi from "@pulumi/pulumi";
import { INVITE_ROLES, InviteExpectations, InviteInfo, InviteProject, invites } from "../api/organization/invites";
import { getFunctions, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";

/** Arguments of `new Invite(...)`; any change replaces the invite (and sends a new email). */
export interface InviteArgs {
    /** The address to invite. */
    readonly email: pulumi.Input<string>;
    /** The organization role the person gets: `reader` or `owner`. */
    readonly role: pulumi.Input<(typeof INVITE_ROLES)[number]>;
    /** Projects the person joins on accepting; absent: the default project; empty: none. */
    readonly projects?: pulumi.Input<readonly InviteProject[]>;
    /** Take over an existing invite instead of sending one: `{ id: "invite-..." }`. */
    readonly adopt?: pulumi.Input<Adopt>;
}

/** Options of {@link Invite.get}: resource options, plus expectations the invite must meet. */
export interface InviteGetOptions extends pulumi.CustomResourceOptions {
    /** What the invite must satisfy (status, role); a failure stops the preview or update. */
    readonly expect?: InviteExpectations;
}

// Marks a construction by `get`.
class ExistingInvite {
    constructor(readonly opts: InviteGetOptions) {}
}

/**
 * An invite of a person to the OpenAI organization. `new Invite` sends it; the API cannot
 * change an invite, so any change replaces it (a new one is sent before the old is deleted).
 * **Delete removes a pending invite; an accepted invite cannot be deleted, so delete releases
 * it from the stack with a warning, and the person stays in the organization** (manage them
 * with {@link OrganizationUser}). An expired invite counts as gone on refresh, so the next
 * `up` invites again. `Invite.get` reads an invite by id.
 *
 * @example
 * ```typescript
 * import { Invite } from "pulumi-openai-admin";
 *
 * const margaret = new Invite("margaret", {
 *     email: "margaret@example.com",
 *     role: "reader",
 *     projects: [{ id: "proj_abc", role: "member" }],
 * });
 * ```
 */
export class Invite extends pulumi.dynamic.Resource {
    /** The invited address. */
    declare readonly email: pulumi.Output<string>;
    /** `owner` or `reader`. */
    declare readonly role: pulumi.Output<string>;
    /** `pending`, `accepted` or `expired`. */
    declare readonly status: pulumi.Output<string>;
    /** When the invite was sent, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** When the invite expires, Unix seconds, or null. */
    declare readonly expiresAt: pulumi.Output<number | null>;
    /** When the invite was accepted, Unix seconds; null while pending. */
    declare readonly acceptedAt: pulumi.Output<number | null>;
    /** The projects, as given (managed), or as the API lists them (`Invite.get`). */
    declare readonly projects: pulumi.Output<readonly InviteProject[] | undefined>;

    /**
     * Looks up an existing invite by id, in every preview, update and refresh.
     *
     * @param name the Pulumi resource name
     * @param id the invite id, e.g. `invite-abc`
     * @param opts resource options, and `expect`
     * @returns the resource, whose outputs hold the invite
     *
     * @example
     * ```typescript
     * const invite = Invite.get("margaret", "invite-abc", { expect: { status: "pending" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: InviteGetOptions = {}): Invite {
        return new Invite(name, new ExistingInvite({ ...opts, id }) as unknown as InviteArgs);
    }

    /**
     * Sends (or adopts) an invite. The inputs are checked before anything is sent.
     *
     * @param name the Pulumi resource name
     * @param args the address, the role, the projects, and adoption
     * @param opts resource options
     */
    constructor(name: string, args: InviteArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: InviteArgs | ExistingInvite, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingInvite ? readParts(invites, name, args.opts.id!, args.opts) : managedParts(invites, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** An invite as the functions return it. */
export type GetInviteResult = InviteInfo;

/** Arguments of {@link getInvite}: the invite by id, or by email when the address has one invite only. */
export type GetInviteArgs = (
    { readonly inviteId: string; readonly email?: never } | { readonly email: string; readonly inviteId?: never }
) & {
    /** What the invite must satisfy; a failure fails the call with an `ExpectationError`. */
    readonly expect?: InviteExpectations;
    /** Reuse a read of the same id made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
};

/** Arguments of {@link getInvites}: optional filters. */
export interface GetInvitesArgs {
    /** Only invites with this status, e.g. `pending`. */
    readonly status?: string;
    /** Only invites of this address. */
    readonly email?: string;
    /** What every listed invite must satisfy; a failure names each one that does not. */
    readonly expect?: InviteExpectations;
}

/** The invites that passed the filters. */
export interface GetInvitesResult {
    /** Each invite, in the order the API lists them. */
    readonly invites: readonly GetInviteResult[];
}

const single = getFunctions<GetInviteArgs, GetInviteResult>(invites);
const many = listFunctions<GetInvitesArgs, GetInvitesResult>(invites);

/**
 * Reads an invite by id (or by email) from the program process, optionally checked against expectations.
 *
 * @example
 * ```typescript
 * const invite = await getInvite({ email: "margaret@example.com", expect: { status: "pending" } });
 * ```
 */
export const getInvite: (args: GetInviteArgs) => Promise<GetInviteResult> = single.get;

/**
 * {@link getInvite} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const status = getInviteOutput({ inviteId: margaret.id }).status;
 * ```
 */
export const getInviteOutput = single.getOutput;

/**
 * Lists the organization's invites (every page, 100 a page), optionally filtered.
 *
 * @example
 * ```typescript
 * const { invites } = await getInvites({ status: "pending" });
 * ```
 */
export const getInvites: (args?: GetInvitesArgs) => Promise<GetInvitesResult> = many.list;

/**
 * {@link getInvites} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const pending = getInvitesOutput({ status: "pending" }).invites.apply((all) => all.map((i) => i.email));
 * ```
 */
export const getInvitesOutput = many.listOutput;
