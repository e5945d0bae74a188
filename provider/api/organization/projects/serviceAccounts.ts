import { z } from "zod";
import { path } from "../../../core/paths";
import { schemaOnce } from "../../../core/validation";
import { ResourceDeclaration } from "../../declaration";
import { oneOf } from "../../expectations";

/** The roles a project service account can be given (`UpdateProjectServiceAccountBody.role`). */
export const SERVICE_ACCOUNT_ROLES = ["member", "owner"] as const;

/** A project service account exactly as `GET /organization/projects/{project_id}/service_accounts/{service_account_id}` returns it. */
export interface WireProjectServiceAccount {
    /** Always `organization.project.service_account`. */
    readonly object: "organization.project.service_account";
    /** The service account's id, e.g. `svc_acct_abc`. */
    readonly id: string;
    /** The service account's name. */
    readonly name?: string | null;
    /** `owner`, `member`, or `none` (created with `create_service_account_only`). */
    readonly role?: string | null;
    /** When the service account was created, Unix seconds. */
    readonly created_at: number;
}

/** The API key the create answer carries, once (`ProjectServiceAccountApiKey`). */
export interface WireProjectServiceAccountApiKey {
    /** Always `organization.project.service_account.api_key`. */
    readonly object?: string;
    /** The key itself, `sk-svcacct-...`: returned only by create. */
    readonly value: string;
    /** The key's id, e.g. `key_abc`. */
    readonly id: string;
    /** The key's name. */
    readonly name?: string | null;
    /** When the key was created, Unix seconds. */
    readonly created_at?: number | null;
}

/** What `POST /organization/projects/{project_id}/service_accounts` returns: the account and, this once, its API key. */
export interface WireCreatedProjectServiceAccount extends WireProjectServiceAccount {
    /** The account's first API key; null when created with `create_service_account_only`. */
    readonly api_key: WireProjectServiceAccountApiKey | null;
}

/** A project service account, as this package's resources and functions expose it. Fields the API did not send are null. */
export interface ProjectServiceAccountInfo {
    /** The service account's id, e.g. `svc_acct_abc`. */
    readonly id: string;
    /** The service account's name, or null. */
    readonly name: string | null;
    /** `owner`, `member`, or `none`. */
    readonly role: string | null;
    /** When the service account was created, Unix seconds. */
    readonly createdAt: number;
}

/** The inputs of a managed `ProjectServiceAccount`. */
export interface ProjectServiceAccountInputs {
    /** The project the account belongs to; a change replaces the account. */
    readonly projectId: string;
    /** The account's name. Updated in place. */
    readonly name: string;
    /** The account's role in the project, `member` or `owner`. Updated in place (and applied right after create). */
    readonly role?: (typeof SERVICE_ACCOUNT_ROLES)[number];
    /** Create the account without a role or an API key; a change replaces the account. */
    readonly createServiceAccountOnly?: boolean;
}

/** What a project service account must satisfy for a deploy to go on. */
export interface ProjectServiceAccountExpectations {
    /** The account's role must be this (or one of these), e.g. `member`. */
    readonly role?: string | readonly string[];
}

const nameSchema = () =>
    z
        .string({ error: "must be a string" })
        .refine((name) => name.trim() !== "", { error: "must not be empty" })
        .refine((name) => !/\p{Cc}/u.test(name), { error: "must not contain control characters" });

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

// The fields of an account, shared by the account schema and the create-answer schema.
const wireShape = () => ({
    object: z.literal("organization.project.service_account", { error: 'is not "organization.project.service_account"' }),
    id: z.string().min(1),
    name: z.string().nullish(),
    role: z.string().nullish(),
    created_at: z.number(),
});

/**
 * Project service accounts: `/organization/projects/{project_id}/service_accounts`. Listed
 * 100 a page by `after` = `last_id`; created with a one-time API key (none with
 * `create_service_account_only`); name and role updated in place; deleted for real.
 */
export const projectServiceAccounts: ResourceDeclaration<
    WireProjectServiceAccount,
    ProjectServiceAccountInfo,
    ProjectServiceAccountInputs
> = {
    type: "ProjectServiceAccount",
    noun: "project service account",
    plural: "project service accounts",
    description: "A service account of a project: a bot identity, created with an API key of its own.",
    path: path`/organization/projects/${"project_id"}/service_accounts/${"service_account_id"}`,
    idProperties: ["projectId", "serviceAccountId"],
    object: "organization.project.service_account",
    wire: () => schemaOnce("ProjectServiceAccount wire", () => z.looseObject(wireShape())),
    outputs: () =>
        schemaOnce("ProjectServiceAccount outputs", () =>
            z.object({
                id: z.string(),
                name: z.string().nullable(),
                role: z.string().nullable(),
                createdAt: z.number(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        name: wire.name ?? null,
        role: wire.role ?? null,
        createdAt: wire.created_at,
    }),
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            role: z.string().optional(),
            name: z.string().optional(),
        }),
        keep: (account, filters) =>
            (filters["role"] === undefined || account.role === filters["role"]) &&
            (filters["name"] === undefined || account.name === filters["name"]),
    },
    nameField: "name",
    listKey: "serviceAccounts",
    expectations: {
        role: oneOf("role", (account) => account.role),
    },
    managed: {
        inputs: () =>
            schemaOnce("ProjectServiceAccount inputs", () =>
                z
                    .strictObject({
                        projectId: idSchema(),
                        name: nameSchema(),
                        role: z.enum(SERVICE_ACCOUNT_ROLES, { error: `must be one of ${SERVICE_ACCOUNT_ROLES.join(", ")}` }).optional(),
                        createServiceAccountOnly: z.boolean({ error: "must be true or false" }).optional(),
                    })
                    .superRefine((inputs, context) => {
                        // Such an account is made to have no role: giving it one would undo the point.
                        if (inputs.createServiceAccountOnly === true && inputs.role !== undefined) {
                            context.addIssue({
                                code: "custom",
                                path: ["role"],
                                message: "cannot be given with createServiceAccountOnly: true (such an account has no role)",
                            });
                        }
                    }),
            ),
        replaceOnChange: ["projectId", "createServiceAccountOnly"],
        create: {
            body: (inputs) => ({ name: inputs.name, create_service_account_only: inputs.createServiceAccountOnly }),
            response: () =>
                schemaOnce("ProjectServiceAccount created", () =>
                    z.looseObject({
                        ...wireShape(),
                        api_key: z
                            .looseObject({
                                object: z.string().optional(),
                                value: z.string().min(1),
                                id: z.string().min(1),
                                name: z.string().nullish(),
                                created_at: z.number().nullish(),
                            })
                            .nullable(),
                    }),
                ),
            secrets: (created) => {
                const apiKey = (created as WireCreatedProjectServiceAccount).api_key;
                return { apiKey: apiKey?.value, apiKeyId: apiKey?.id };
            },
            // The lost answer held the account's API key: that account is of no use to anyone.
            onLostAnswer: "deleteAndRetry",
        },
        update: { body: (inputs) => ({ name: inputs.name, role: inputs.role }) },
        delete: { kind: "delete" },
        secretOutputs: ["apiKey"],
        createdOutputs: ["apiKeyId"],
        rotates: true,
        keptInputs: ["createServiceAccountOnly"],
    },
};
