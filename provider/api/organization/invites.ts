import { z } from "zod";
import { path } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { ResourceDeclaration } from "../declaration";
import { oneOf } from "../expectations";

/** The organization roles an invite can give. */
export const INVITE_ROLES = ["reader", "owner"] as const;
/** The project roles an invite can give. */
export const INVITE_PROJECT_ROLES = ["member", "owner"] as const;

/** A project an invite adds the person to, on the wire and in this package alike. */
export interface InviteProject {
    /** The project's id, e.g. `proj_abc`. */
    readonly id: string;
    /** `member` or `owner`. */
    readonly role: (typeof INVITE_PROJECT_ROLES)[number];
}

/** An invite exactly as `GET /organization/invites/{invite_id}` returns it. */
export interface WireInvite {
    /** Always `organization.invite`. */
    readonly object: "organization.invite";
    /** The invite's id, e.g. `invite-abc`. */
    readonly id: string;
    /** The invited email address. */
    readonly email: string;
    /** `owner` or `reader`. */
    readonly role: string;
    /** `pending`, `accepted` or `expired`. */
    readonly status: string;
    /** When the invite was sent, Unix seconds. */
    readonly created_at: number;
    /** When the invite expires, Unix seconds. */
    readonly expires_at?: number | null;
    /** When the invite was accepted, Unix seconds; null while pending. */
    readonly accepted_at?: number | null;
    /** The projects the person joins on accepting. */
    readonly projects?: readonly { readonly id: string; readonly role: string }[] | null;
}

/** An invite, as this package's resources and functions expose it. */
export interface InviteInfo {
    /** The invite's id, e.g. `invite-abc`. */
    readonly id: string;
    /** The invited email address. */
    readonly email: string;
    /** `owner` or `reader`. */
    readonly role: string;
    /** `pending`, `accepted` or `expired`. */
    readonly status: string;
    /** When the invite was sent, Unix seconds. */
    readonly createdAt: number;
    /** When the invite expires, Unix seconds; null when the API did not say. */
    readonly expiresAt: number | null;
    /** When the invite was accepted, Unix seconds; null while pending. */
    readonly acceptedAt: number | null;
    /** The projects the person joins on accepting (empty when the API listed none). */
    readonly projects: readonly { readonly id: string; readonly role: string }[];
}

/** The inputs of a managed `Invite`; any change replaces the invite (the API cannot change one). */
export interface InviteInputs {
    /** The address to invite. */
    readonly email: string;
    /** The organization role the person gets: `reader` or `owner`. */
    readonly role: (typeof INVITE_ROLES)[number];
    /**
     * Projects the person joins on accepting. Absent: the API adds them to the default
     * project; an empty list: to none.
     */
    readonly projects?: readonly InviteProject[];
}

/** What an invite must satisfy for a deploy to go on. */
export interface InviteExpectations {
    /** The invite's status must be this (or one of these), e.g. `pending`. */
    readonly status?: string | readonly string[];
    /** The invite's role must be this (or one of these). */
    readonly role?: string | readonly string[];
}

/**
 * Invites: `/organization/invites`, how people join the organization. Listed 100 a page by
 * `after` = `last_id`; the API cannot change an invite, so any change replaces it (a new
 * email is sent). Delete removes a pending invite; an accepted one cannot be deleted (the API
 * refuses), so delete releases it with a warning, and the person stays. An expired invite
 * counts as gone on refresh, so that the next `up` invites again.
 */
export const invites: ResourceDeclaration<WireInvite, InviteInfo, InviteInputs> = {
    type: "Invite",
    noun: "invite",
    plural: "invites",
    description: "An invite of a person to the organization, with their role and projects; replaced on any change.",
    path: path`/organization/invites/${"invite_id"}`,
    object: "organization.invite",
    wire: () =>
        schemaOnce("Invite wire", () =>
            z.looseObject({
                object: z.literal("organization.invite", { error: 'is not "organization.invite"' }),
                id: z.string().min(1),
                email: z.string(),
                role: z.string(),
                status: z.string(),
                created_at: z.number(),
                expires_at: z.number().nullish(),
                accepted_at: z.number().nullish(),
                projects: z.array(z.looseObject({ id: z.string(), role: z.string() })).nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("Invite outputs", () =>
            z.object({
                id: z.string(),
                email: z.string(),
                role: z.string(),
                status: z.string(),
                createdAt: z.number(),
                expiresAt: z.number().nullable(),
                acceptedAt: z.number().nullable(),
                projects: z.array(z.object({ id: z.string(), role: z.string() })),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        email: wire.email,
        role: wire.role,
        status: wire.status,
        createdAt: wire.created_at,
        expiresAt: wire.expires_at ?? null,
        acceptedAt: wire.accepted_at ?? null,
        projects: (wire.projects ?? []).map((project) => ({ id: project.id, role: project.role })),
    }),
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            status: z.string().optional(),
            email: z.string().optional(),
        }),
        keep: (invite, filters) =>
            (filters["status"] === undefined || invite.status === filters["status"]) &&
            (filters["email"] === undefined || invite.email === filters["email"]),
    },
    nameField: "email",
    // An address can hold an expired invite and a newer one.
    uniqueNames: false,
    listKey: "invites",
    expectations: {
        status: oneOf("status", (invite) => invite.status),
        role: oneOf("role", (invite) => invite.role),
    },
    managed: {
        inputs: () =>
            schemaOnce("Invite inputs", () =>
                z.strictObject({
                    email: z.string({ error: "must be a string" }).regex(/^[^\s@]+@[^\s@]+$/, { error: "must be an email address" }),
                    role: z.enum(INVITE_ROLES, { error: `must be one of ${INVITE_ROLES.join(", ")}` }),
                    projects: z
                        .array(
                            z.strictObject({
                                id: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
                                role: z.enum(INVITE_PROJECT_ROLES, { error: `must be one of ${INVITE_PROJECT_ROLES.join(", ")}` }),
                            }),
                            { error: "must be a list of { id, role }" },
                        )
                        .optional(),
                }),
            ),
        replaceOnChange: ["email", "role", "projects"],
        // The API refuses a second pending invite for an address: the old one goes first.
        deleteBeforeReplace: true,
        create: {
            body: (inputs) => ({ email: inputs.email, role: inputs.role, projects: inputs.projects }),
            // An invite holds nothing secret: the one the lost answer made is the invite (one email, not two).
            onLostAnswer: "adopt",
        },
        delete: { kind: "delete" },
        releaseWhen: (invite) =>
            invite.status === "accepted"
                ? `${invite.email} accepted it, and the API cannot delete an accepted invite; they stay in the organization (manage them with OrganizationUser)`
                : undefined,
        // An expired invite lets nobody in: for the stack it is gone, and the next up invites again.
        gone: (invite) => invite.status === "expired",
        // The projects as given: the API may list them in its own form; a change replaces the invite anyway.
        keptInputs: ["projects"],
    },
};
