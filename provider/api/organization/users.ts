import { z } from "zod";
import { emailDomainGate, ownersGate } from "../accessGates";
import { path } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { ResourceDeclaration } from "../declaration";
import { oneOf } from "../expectations";

/**
 * The organization roles a person can be given. The update request's documentation names
 * `owner` and `member`; invites and the organization's own screens call the second `reader`.
 */
export const ORGANIZATION_USER_ROLES = ["owner", "reader", "member"] as const;

/** A person of the organization exactly as `GET /organization/users/{user_id}` returns it. */
export interface WireOrganizationUser {
    /** Always `organization.user`. */
    readonly object: "organization.user";
    /** The user's id, e.g. `user_abc`. */
    readonly id: string;
    /** The user's name, or null. */
    readonly name?: string | null;
    /** The user's email address, or null. */
    readonly email?: string | null;
    /** The user's role in the organization, e.g. `owner`. */
    readonly role?: string | null;
    /** When the user joined the organization, Unix seconds. */
    readonly added_at: number;
    /** Whether the user is provisioned by SCIM (an identity provider). */
    readonly is_scim_managed?: boolean | null;
}

/** A person of the organization, as this package's resources and functions expose them. */
export interface OrganizationUserInfo {
    /** The user's id, e.g. `user_abc`. */
    readonly id: string;
    /** The user's id again, so that a resource named by email says it (and a `userId` input compares with it). */
    readonly userId: string;
    /** The user's name, or null. */
    readonly name: string | null;
    /** The user's email address, or null. */
    readonly email: string | null;
    /** The user's role in the organization, e.g. `owner`; null when the API did not say. */
    readonly role: string | null;
    /** When the user joined the organization, Unix seconds. */
    readonly addedAt: number;
    /** Whether the user is provisioned by SCIM: such users are changed in the identity provider only. */
    readonly isScimManaged: boolean;
}

/** The inputs of a managed `OrganizationUser`: an existing person, by `userId` or by `email` (exactly one). */
export interface OrganizationUserInputs {
    /** The person's id (`user_...`); a change replaces the resource. */
    readonly userId?: string;
    /** The person's email, as the API lists it; a change replaces the resource. */
    readonly email?: string;
    /** The person's role in the organization. Updated in place. */
    readonly role: (typeof ORGANIZATION_USER_ROLES)[number];
    /** Whether delete removes the person from the organization (default false: delete only releases them). */
    readonly removeOnDelete?: boolean;
}

/** What a person of the organization must satisfy for a deploy to go on. */
export interface OrganizationUserExpectations {
    /** The user's role must be this (or one of these), e.g. `owner`. */
    readonly role?: string | readonly string[];
    /** The user's email must be this (or one of these). */
    readonly email?: string | readonly string[];
}

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

/** Why a change to a person provisioned by SCIM is refused; undefined for the others. */
export function scimReason(object: Readonly<Record<string, unknown>>): string | undefined {
    return object["isScimManaged"] === true
        ? "is managed by SCIM: your identity provider owns it, so change it there (the API would refuse or the next sync would undo it)"
        : undefined;
}

/**
 * Organization users: `/organization/users`, the people of the organization. The API cannot
 * create them (people join by accepting an invite), so a managed `OrganizationUser` takes over
 * an existing person, found by id or email, and sets their role in place. Delete releases the
 * person from the stack and sends nothing, unless `removeOnDelete` was set: then it removes
 * them from the organization. Listed 100 a page by `after` = `last_id`, filtered by `emails`.
 */
export const organizationUsers: ResourceDeclaration<WireOrganizationUser, OrganizationUserInfo, OrganizationUserInputs> = {
    type: "OrganizationUser",
    noun: "organization user",
    plural: "organization users",
    description: "A person of the organization: their role, managed; removed from the organization on delete only when asked.",
    path: path`/organization/users/${"user_id"}`,
    object: "organization.user",
    wire: () =>
        schemaOnce("OrganizationUser wire", () =>
            z.looseObject({
                object: z.literal("organization.user", { error: 'is not "organization.user"' }),
                id: z.string().min(1),
                name: z.string().nullish(),
                email: z.string().nullish(),
                role: z.string().nullish(),
                added_at: z.number(),
                is_scim_managed: z.boolean().nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("OrganizationUser outputs", () =>
            z.object({
                id: z.string(),
                userId: z.string(),
                name: z.string().nullable(),
                email: z.string().nullable(),
                role: z.string().nullable(),
                addedAt: z.number(),
                isScimManaged: z.boolean(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        userId: wire.id,
        name: wire.name ?? null,
        email: wire.email ?? null,
        role: wire.role ?? null,
        addedAt: wire.added_at,
        isScimManaged: wire.is_scim_managed === true,
    }),
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            emails: z.array(z.string({ error: "must be a string" }), { error: "must be a list of email addresses" }).optional(),
            role: z.string().optional(),
        }),
        query: (filters) => ({ emails: filters["emails"] as readonly string[] | undefined }),
        // The API filters by email too; checked here as well, so that a server ignoring it cannot widen the list.
        keep: (user, filters) => {
            const emails = filters["emails"] as readonly string[] | undefined;
            return (
                (emails === undefined || (user.email !== null && emails.includes(user.email))) &&
                (filters["role"] === undefined || user.role === filters["role"])
            );
        },
        // Access gates over the whole organization (`getUsers({ expect: { owners: { exactly } } })`).
        gates: {
            owners: ownersGate((user) => user),
            emailDomain: emailDomainGate((user) => user),
        },
    },
    nameField: "email",
    uniqueNames: true,
    listKey: "users",
    expectations: {
        role: oneOf("role", (user) => user.role),
        email: oneOf("email", (user) => user.email),
    },
    managed: {
        inputs: () =>
            schemaOnce("OrganizationUser inputs", () =>
                z
                    .strictObject({
                        userId: idSchema().optional(),
                        email: z
                            .string({ error: "must be a string" })
                            .regex(/^[^\s@]+@[^\s@]+$/, { error: "must be an email address" })
                            .optional(),
                        role: z.enum(ORGANIZATION_USER_ROLES, { error: `must be one of ${ORGANIZATION_USER_ROLES.join(", ")}` }),
                        removeOnDelete: z.boolean({ error: "must be true or false" }).optional(),
                    })
                    .superRefine((inputs, context) => {
                        if ((inputs.userId === undefined) === (inputs.email === undefined)) {
                            context.addIssue({
                                code: "custom",
                                path: ["userId"],
                                message:
                                    inputs.userId === undefined
                                        ? "or email must be given: name the person by exactly one of them"
                                        : "and email cannot both be given: name the person by exactly one of them",
                            });
                        }
                    }),
            ),
        replaceOnChange: ["userId", "email"],
        // No create: the person must already be in the organization (invite them first).
        find: (users, inputs) =>
            users.find((user) => (inputs.userId !== undefined ? user.id === inputs.userId : user.email === inputs.email)),
        update: { body: (inputs) => ({ role: inputs.role }) },
        // Removing a person is destructive: only when asked for.
        delete: { kind: "release" },
        deleteAs: (stored) => (stored["removeOnDelete"] === true ? { kind: "delete" } : { kind: "release" }),
        keptInputs: ["removeOnDelete"],
        refuseChange: { reason: scimReason },
    },
};
