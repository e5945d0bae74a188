import { z } from "zod";
import { path } from "../../../core/paths";
import { schemaOnce } from "../../../core/validation";
import { ResourceDeclaration } from "../../declaration";
import { OneOrMore, oneOf, unusedForDays, usedWithinDays } from "../../expectations";

/** The user or service account that owns a project API key, as the API nests it. */
export interface WireProjectApiKeyOwner {
    /** `user` or `service_account`. */
    readonly type?: string | null;
    /** Set when a user owns the key. */
    readonly user?: {
        /** `user_...`. */
        readonly id?: string | null;
        /** The user's name. */
        readonly name?: string | null;
        /** The user's email. */
        readonly email?: string | null;
        /** The user's project role. */
        readonly role?: string | null;
        /** When the user was created, Unix seconds. */
        readonly created_at?: number | null;
    } | null;
    /** Set when a service account owns the key. */
    readonly service_account?: {
        /** The service account's id. */
        readonly id?: string | null;
        /** The service account's name. */
        readonly name?: string | null;
        /** The service account's project role. */
        readonly role?: string | null;
        /** When the service account was created, Unix seconds. */
        readonly created_at?: number | null;
    } | null;
}

/** A project API key exactly as `GET /organization/projects/{project_id}/api_keys/{api_key_id}` returns it. */
export interface WireProjectApiKey {
    /** Always `organization.project.api_key`. */
    readonly object: "organization.project.api_key";
    /** The key's id, e.g. `key_abc`. */
    readonly id: string;
    /** The key's name. */
    readonly name?: string | null;
    /** The key with most of it masked, e.g. `sk-abc...def`. */
    readonly redacted_value: string;
    /** When the key was created, Unix seconds. */
    readonly created_at: number;
    /** When the key was last used, Unix seconds; null when never. */
    readonly last_used_at?: number | null;
    /** Whether the owner still has effective access to the project: `active` or `inactive`. */
    readonly owner_project_access?: string | null;
    /** Who owns the key. */
    readonly owner?: WireProjectApiKeyOwner | null;
}

/** The owner of a project API key, flattened: the same fields whether a user or a service account owns it. */
export interface ProjectApiKeyOwner {
    /** `user` or `service_account`. */
    readonly type: string | null;
    /** `user_...` or the service account's id. */
    readonly id: string | null;
    /** The user's or service account's name. */
    readonly name: string | null;
    /** The user's email; null for a service account. */
    readonly email: string | null;
    /** The owner's role in the project, e.g. `owner` or `member`. */
    readonly role: string | null;
}

/** A project API key's metadata, as this package's resources and functions expose it (never its secret). */
export interface ProjectApiKeyInfo {
    /** The key's id, e.g. `key_abc`. */
    readonly id: string;
    /** The key's name, or null. */
    readonly name: string | null;
    /** The key with most of it masked, e.g. `sk-abc...def`. */
    readonly redactedValue: string;
    /** When the key was created, Unix seconds. */
    readonly createdAt: number;
    /** When the key was last used, Unix seconds; null when it never was. */
    readonly lastUsedAt: number | null;
    /** Whether the owner still has effective access to the project: `active` or `inactive`. */
    readonly ownerProjectAccess: string | null;
    /** Who owns the key. */
    readonly owner: ProjectApiKeyOwner;
}

/**
 * What a project API key must satisfy for a deploy to go on. Every field is optional; each
 * one given is checked, and all failures are reported together.
 */
export interface ProjectApiKeyExpectations {
    /** The owner must be of this type (or of one of these): `service_account` refuses keys of people. */
    readonly ownerType?: OneOrMore<"user" | "service_account">;
    /** The owner must have this id (or one of these). */
    readonly ownerId?: OneOrMore<string>;
    /** The owning user must have this email (or one of these); a service account has none, and fails. */
    readonly ownerEmail?: OneOrMore<string>;
    /** The owner must have this project role (or one of these). */
    readonly ownerRole?: OneOrMore<string>;
    /** The owner's access to the project must be this: `active` refuses keys whose owner has left it. */
    readonly ownerProjectAccess?: OneOrMore<"active" | "inactive">;
    /** The key must have been used within this many days (a key never used fails). */
    readonly usedWithinDays?: number;
    /** The key must NOT have been used for this many days: it is idle (a key never used passes). */
    readonly unusedForDays?: number;
}

/**
 * Maps the wire object to the public shape: the owner, nested under `user` or
 * `service_account` on the wire, becomes one flat object.
 *
 * @param wire a validated key object
 * @returns its metadata, absent fields as null
 */
export function toProjectApiKeyInfo(wire: WireProjectApiKey): ProjectApiKeyInfo {
    const owner = wire.owner ?? {};
    const principal = owner.user ?? owner.service_account ?? {};
    return {
        id: wire.id,
        name: wire.name ?? null,
        redactedValue: wire.redacted_value,
        createdAt: wire.created_at,
        lastUsedAt: wire.last_used_at ?? null,
        ownerProjectAccess: wire.owner_project_access ?? null,
        owner: {
            type: owner.type ?? null,
            id: principal.id ?? null,
            name: principal.name ?? null,
            email: owner.user?.email ?? null,
            role: principal.role ?? null,
        },
    };
}

// Built once per process by schemaOnce: provider code is serialized by value and must not
// reach a zod schema object.
const principalSchema = () =>
    z.looseObject({
        id: z.string().nullish(),
        name: z.string().nullish(),
        email: z.string().nullish(),
        role: z.string().nullish(),
        created_at: z.number().nullish(),
    });

/**
 * Project API keys: `/organization/projects/{project_id}/api_keys`. Read only here: the API
 * creates them in the dashboard (or for service accounts) and can delete them, but this
 * package only reads and checks them. Listed 100 a page by `after` = `last_id`; without
 * `owner_project_access` the API hides some enabled keys, so this package asks for `any`
 * unless told otherwise.
 */
export const projectApiKeys: ResourceDeclaration<WireProjectApiKey, ProjectApiKeyInfo, Record<string, never>> = {
    type: "ProjectApiKey",
    noun: "project API key",
    plural: "project API keys",
    description: "An API key of a project, owned by a user or a service account: read and checked, never changed, by this package.",
    path: path`/organization/projects/${"project_id"}/api_keys/${"api_key_id"}`,
    idProperties: ["projectId", "keyId"],
    object: "organization.project.api_key",
    wire: () =>
        schemaOnce("ProjectApiKey wire", () =>
            z.looseObject({
                object: z.literal("organization.project.api_key", { error: 'is not "organization.project.api_key"' }),
                id: z.string().min(1),
                name: z.string().nullish(),
                redacted_value: z.string(),
                created_at: z.number(),
                last_used_at: z.number().nullish(),
                owner_project_access: z.string().nullish(),
                owner: z
                    .looseObject({
                        type: z.string().nullish(),
                        user: principalSchema().nullish(),
                        service_account: principalSchema().nullish(),
                    })
                    .nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("ProjectApiKey outputs", () =>
            z.object({
                id: z.string(),
                name: z.string().nullable(),
                redactedValue: z.string(),
                createdAt: z.number(),
                lastUsedAt: z.number().nullable(),
                ownerProjectAccess: z.string().nullable(),
                owner: z.object({
                    type: z.string().nullable(),
                    id: z.string().nullable(),
                    name: z.string().nullable(),
                    email: z.string().nullable(),
                    role: z.string().nullable(),
                }),
            }),
        ),
    toPublic: toProjectApiKeyInfo,
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            ownerProjectAccess: z.enum(["active", "inactive", "any"]).optional(),
            ownerType: z.enum(["user", "service_account"]).optional(),
            ownerId: z.string().min(1).optional(),
            name: z.string().optional(),
        }),
        // Without the parameter the API applies membership rules that hide some enabled keys:
        // a check of a project's keys must see them all.
        query: (filters) => ({ owner_project_access: (filters["ownerProjectAccess"] as string | undefined) ?? "any" }),
        keep: (key, filters) =>
            (filters["ownerType"] === undefined || key.owner.type === filters["ownerType"]) &&
            (filters["ownerId"] === undefined || key.owner.id === filters["ownerId"]) &&
            (filters["name"] === undefined || key.name === filters["name"]),
        everything: { owner_project_access: "any" },
    },
    nameField: "name",
    listKey: "keys",
    expectations: {
        ownerType: oneOf(
            "owner type",
            (key) => key.owner.type,
            () => z.enum(["user", "service_account"]),
        ),
        ownerId: oneOf("owner id", (key) => key.owner.id),
        ownerEmail: oneOf("owner email", (key) => key.owner.email),
        ownerRole: oneOf("owner role", (key) => key.owner.role),
        ownerProjectAccess: oneOf(
            "owner project access",
            (key) => key.ownerProjectAccess,
            () => z.enum(["active", "inactive"]),
        ),
        usedWithinDays: usedWithinDays((key) => key.lastUsedAt),
        unusedForDays: unusedForDays((key) => key.lastUsedAt),
    },
};
