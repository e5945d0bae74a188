import { z } from "zod";
import { path } from "../../../core/paths";
import { schemaOnce } from "../../../core/validation";
import { ResourceDeclaration } from "../../declaration";
import { oneOf } from "../../expectations";
import { emailDomainGate, noneGate, ownersGate } from "../../accessGates";

/** The roles a person can have in a project. */
export const PROJECT_USER_ROLES = ["owner", "member"] as const;

/** A project member exactly as `GET /organization/projects/{project_id}/users/{user_id}` returns it. */
export interface WireProjectUser {
    /** Always `organization.project.user`. */
    readonly object: "organization.project.user";
    /** The user's id, e.g. `user_abc`: the same id as in the organization. */
    readonly id: string;
    /** The user's name, or null. */
    readonly name?: string | null;
    /** The user's email address, or null. */
    readonly email?: string | null;
    /** `owner` or `member`. */
    readonly role?: string | null;
    /** When the user was added to the project, Unix seconds. */
    readonly added_at: number;
}

/** A project member, as this package's resources and functions expose it. Fields the API did not send are null. */
export interface ProjectUserInfo {
    /** The user's id, e.g. `user_abc`. */
    readonly id: string;
    /** The user's name, or null. */
    readonly name: string | null;
    /** The user's email address, or null. */
    readonly email: string | null;
    /** `owner` or `member`. */
    readonly role: string | null;
    /** When the user was added to the project, Unix seconds. */
    readonly addedAt: number;
}

/** The inputs of a managed `ProjectUser`: the person by `userId` or by `email` (exactly one). */
export interface ProjectUserInputs {
    /** The project; a change replaces the membership. */
    readonly projectId: string;
    /** The organization member to add, by id (`user_...`); a change replaces the membership. */
    readonly userId?: string;
    /** The organization member to add, by email; a change replaces the membership. */
    readonly email?: string;
    /** `owner` or `member`. Updated in place. */
    readonly role: (typeof PROJECT_USER_ROLES)[number];
}

/** What a project member must satisfy for a deploy to go on. */
export interface ProjectUserExpectations {
    /** The member's role must be this (or one of these), e.g. `owner`. */
    readonly role?: string | readonly string[];
    /** The member's email must be this (or one of these). */
    readonly email?: string | readonly string[];
}

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

/**
 * Project users: `/organization/projects/{project_id}/users`, the people of the
 * organization who are members of a project. Listed 100 a page by `after` = `last_id`;
 * added by user id or email (the person must already belong to the organization); role
 * updated in place; delete removes the person from the project only, never from the
 * organization.
 */
export const projectUsers: ResourceDeclaration<WireProjectUser, ProjectUserInfo, ProjectUserInputs> = {
    type: "ProjectUser",
    noun: "project user",
    plural: "project users",
    description: "A member of a project: a person of the organization, with a role in the project.",
    path: path`/organization/projects/${"project_id"}/users/${"user_id"}`,
    idProperties: ["projectId", "userId"],
    object: "organization.project.user",
    wire: () =>
        schemaOnce("ProjectUser wire", () =>
            z.looseObject({
                object: z.literal("organization.project.user", { error: 'is not "organization.project.user"' }),
                id: z.string().min(1),
                name: z.string().nullish(),
                email: z.string().nullish(),
                role: z.string().nullish(),
                added_at: z.number(),
            }),
        ),
    outputs: () =>
        schemaOnce("ProjectUser outputs", () =>
            z.object({
                id: z.string(),
                name: z.string().nullable(),
                email: z.string().nullable(),
                role: z.string().nullable(),
                addedAt: z.number(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        name: wire.name ?? null,
        email: wire.email ?? null,
        role: wire.role ?? null,
        addedAt: wire.added_at,
    }),
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            role: z.string().optional(),
        }),
        keep: (user, filters) => filters["role"] === undefined || user.role === filters["role"],
        // Access gates over the whole membership (`getProjectUsers({ projectId, expect })`).
        gates: {
            owners: ownersGate((user) => user),
            emailDomain: emailDomainGate((user) => user),
            none: noneGate((user) => user, "a direct member of the project"),
        },
    },
    nameField: "email",
    // One person, one email: a project holds each at most once.
    uniqueNames: true,
    listKey: "users",
    expectations: {
        role: oneOf("role", (user) => user.role),
        email: oneOf("email", (user) => user.email),
    },
    managed: {
        inputs: () =>
            schemaOnce("ProjectUser inputs", () =>
                z
                    .strictObject({
                        projectId: idSchema(),
                        userId: idSchema().optional(),
                        email: z
                            .string({ error: "must be a string" })
                            .regex(/^[^\s@]+@[^\s@]+$/, { error: "must be an email address" })
                            .optional(),
                        role: z.enum(PROJECT_USER_ROLES, { error: `must be one of ${PROJECT_USER_ROLES.join(", ")}` }),
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
        replaceOnChange: ["projectId", "userId", "email"],
        create: {
            body: (inputs) => ({ user_id: inputs.userId, email: inputs.email, role: inputs.role }),
            // Adding a person holds nothing secret: the membership the lost answer made is the one wanted.
            onLostAnswer: "adopt",
        },
        update: { body: (inputs) => ({ role: inputs.role }) },
        delete: { kind: "delete" },
    },
};
