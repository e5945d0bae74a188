import { z } from "zod";
import { path } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { ResourceDeclaration } from "../declaration";
import { Attempt } from "../../core/errors";
import {
    assertExpectationsOf,
    evaluateExpectationsOf,
    ExpectationFailure,
    minDaysToExpiry,
    notExpired,
    OneOrMore,
    oneOf,
    usedWithinDays,
    validateExpectationsOf,
} from "../expectations";

/**
 * The owner of an admin API key, as the API sends it (`owner` of the key object).
 * Every field may be missing in practice, so each is optional here.
 */
export interface WireAdminApiKeyOwner {
    /** `user` or `service_account`. */
    readonly type?: string | null;
    /** `organization.user` or `organization.service_account`. */
    readonly object?: string | null;
    /** `user_...` or `sa_...`. */
    readonly id?: string | null;
    /** Display name of the user or service account. */
    readonly name?: string | null;
    /** When the owner was created, Unix seconds. */
    readonly created_at?: number | null;
    /** `owner`, `member`, ... */
    readonly role?: string | null;
}

/** An admin API key object exactly as `GET /organization/admin_api_keys/{key_id}` returns it. */
export interface WireAdminApiKey {
    /** Always `organization.admin_api_key`. */
    readonly object: "organization.admin_api_key";
    /** The key's id, e.g. `key_abc`. */
    readonly id: string;
    /** The key's name, or null. */
    readonly name?: string | null;
    /** The key with most of it masked, e.g. `sk-admin...xyz`. */
    readonly redacted_value: string;
    /** When the key was created, Unix seconds. */
    readonly created_at: number;
    /** When the key expires, Unix seconds; null or missing when it never does. */
    readonly expires_at?: number | null;
    /** When the key was last used, Unix seconds; null or missing when never. */
    readonly last_used_at?: number | null;
    /** Who owns the key. */
    readonly owner?: WireAdminApiKeyOwner | null;
}

// Built once per process by schemaOnce rather than held at module level: provider code is serialized by value
// and must not reach a zod schema object. Unknown fields pass through untouched.
const wireOwnerSchema = () =>
    z.looseObject({
        type: z.string().nullish(),
        object: z.string().nullish(),
        id: z.string().nullish(),
        name: z.string().nullish(),
        created_at: z.number().nullish(),
        role: z.string().nullish(),
    });

// The fields of a key object, shared by the key schema and the create-response schema.
const wireAdminApiKeyShape = () => ({
    object: z.literal("organization.admin_api_key", { error: 'is not "organization.admin_api_key"' }),
    id: z.string().min(1),
    name: z.string().nullish(),
    redacted_value: z.string(),
    created_at: z.number(),
    expires_at: z.number().nullish(),
    last_used_at: z.number().nullish(),
    owner: wireOwnerSchema().nullish(),
});

/** The zod schema that a response must satisfy to count as an admin API key object. */
export const wireAdminApiKeySchema = (): z.ZodType<WireAdminApiKey> =>
    schemaOnce("wireAdminApiKey", () => z.looseObject(wireAdminApiKeyShape()));

/** The principal that owns an admin API key. Fields the API did not send are null. */
export interface AdminApiKeyOwner {
    /** `user_...` or `sa_...`. */
    readonly id: string | null;
    /** Display name of the user or service account. */
    readonly name: string | null;
    /** `user` or `service_account`. */
    readonly type: string | null;
    /** Organization role, e.g. `owner` or `member`. */
    readonly role: string | null;
    /** `organization.user` or `organization.service_account`. */
    readonly object: string | null;
    /** When the owner was created, Unix seconds. */
    readonly createdAt: number | null;
}

/** An admin API key's metadata, as this package's resources and functions expose it. */
export interface AdminApiKeyMetadata {
    /** The key's id, e.g. `key_abc`. */
    readonly id: string;
    /** The key's name, or null when it has none. */
    readonly name: string | null;
    /** The key with most of it masked, e.g. `sk-admin...xyz`. Never the secret itself. */
    readonly redactedValue: string;
    /** When the key was created, Unix seconds. */
    readonly createdAt: number;
    /** When the key expires, Unix seconds; null when it never does. */
    readonly expiresAt: number | null;
    /** When the key was last used, Unix seconds; null when it never was. */
    readonly lastUsedAt: number | null;
    /** Who owns the key. */
    readonly owner: AdminApiKeyOwner;
}

/**
 * Maps the wire object to this package's camelCase shape; the one place that does.
 *
 * @param wire a validated key object
 * @returns its metadata, with absent optional fields as null
 */
export function toAdminApiKeyMetadata(wire: WireAdminApiKey): AdminApiKeyMetadata {
    const owner = wire.owner ?? {};
    return {
        id: wire.id,
        name: wire.name ?? null,
        redactedValue: wire.redacted_value,
        createdAt: wire.created_at,
        expiresAt: wire.expires_at ?? null,
        lastUsedAt: wire.last_used_at ?? null,
        owner: {
            id: owner.id ?? null,
            name: owner.name ?? null,
            type: owner.type ?? null,
            role: owner.role ?? null,
            object: owner.object ?? null,
            createdAt: owner.created_at ?? null,
        },
    };
}

/** A new key's metadata and its secret value, which the API returns only once. */
export interface CreatedAdminApiKey extends AdminApiKeyMetadata {
    /** The key itself, `sk-admin-...`: a secret. */
    readonly value: string;
}

/** What `POST /organization/admin_api_keys` returns: the key object plus, this once, its secret value. */
export interface WireCreatedAdminApiKey extends WireAdminApiKey {
    /** The key itself, `sk-admin-...`. Returned only by create. */
    readonly value: string;
}

/** Longest lifetime the API accepts for a new key: 365 days, in seconds. */
export const MAX_EXPIRES_IN_SECONDS = 31_536_000;

/** The inputs of a managed `AdminApiKey`. */
export interface AdminApiKeyInputs {
    /** The new key's name. */
    readonly name: string;
    /** Lifetime in seconds, 1 to 31536000; omit for a key that never expires. */
    readonly expiresInSeconds?: number;
}

/**
 * What an admin API key must satisfy for a deploy to go on. Every field is optional; each
 * one given is checked, and all failures are reported together.
 */
export interface AdminApiKeyExpectations {
    /** The owner must be of this type (or of one of these). */
    readonly ownerType?: OneOrMore<"user" | "service_account">;
    /** The owner must have this id, `user_...` or `sa_...` (or one of these). */
    readonly ownerId?: OneOrMore<string>;
    /** The owner must have this name (or one of these). */
    readonly ownerName?: OneOrMore<string>;
    /** The owner must have this organization role, e.g. `owner` (or one of these). */
    readonly ownerRole?: OneOrMore<string>;
    /** When true, the key must not have expired. */
    readonly notExpired?: boolean;
    /** The key must not expire within this many days from now (a key that never expires passes). */
    readonly minDaysToExpiry?: number;
    /** The key must have been used within this many days (a key never used fails). */
    readonly usedWithinDays?: number;
}

const nameSchema = () =>
    z
        .string({ error: "must be a string" })
        .refine((name) => name.trim() !== "", { error: "must not be empty" })
        .refine((name) => !/\p{Cc}/u.test(name), { error: "must not contain control characters" });

/**
 * Admin API keys: `/organization/admin_api_keys`. Listed 100 a page by `after` = `last_id`;
 * created with a one-time secret `value`; never updated (any change replaces the key);
 * deleted for real.
 */
export const adminApiKeys: ResourceDeclaration<WireAdminApiKey, AdminApiKeyMetadata, AdminApiKeyInputs> = {
    type: "AdminApiKey",
    noun: "admin API key",
    plural: "admin API keys",
    description: "An admin API key of the organization: the credential of the Administration API.",
    path: path`/organization/admin_api_keys/${"key_id"}`,
    object: "organization.admin_api_key",
    wire: wireAdminApiKeySchema,
    outputs: () =>
        schemaOnce("AdminApiKey outputs", () =>
            z.object({
                id: z.string(),
                name: z.string().nullable(),
                redactedValue: z.string(),
                createdAt: z.number(),
                expiresAt: z.number().nullable(),
                lastUsedAt: z.number().nullable(),
                owner: z.object({
                    id: z.string().nullable(),
                    name: z.string().nullable(),
                    type: z.string().nullable(),
                    role: z.string().nullable(),
                    object: z.string().nullable(),
                    createdAt: z.number().nullable(),
                }),
            }),
        ),
    toPublic: toAdminApiKeyMetadata,
    retrieve: "get",
    list: {
        paging: { style: "cursor", pageSize: 100 },
        filters: () => ({
            order: z.enum(["asc", "desc"]).optional(),
            ownerType: z.enum(["user", "service_account"]).optional(),
            ownerId: z.string().min(1).optional(),
            name: z.string().optional(),
            expired: z.boolean().optional(),
        }),
        query: (filters) => ({ order: (filters["order"] as string | undefined) ?? "asc" }),
        keep: (key, filters, now) =>
            (filters["ownerType"] === undefined || key.owner.type === filters["ownerType"]) &&
            (filters["ownerId"] === undefined || key.owner.id === filters["ownerId"]) &&
            (filters["name"] === undefined || key.name === filters["name"]) &&
            (filters["expired"] === undefined || filters["expired"] === (key.expiresAt !== null && key.expiresAt <= now)),
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
        ownerName: oneOf("owner name", (key) => key.owner.name),
        ownerRole: oneOf("owner role", (key) => key.owner.role),
        notExpired: notExpired((key) => key.expiresAt),
        minDaysToExpiry: minDaysToExpiry((key) => key.expiresAt),
        usedWithinDays: usedWithinDays((key) => key.lastUsedAt),
    },
    managed: {
        inputs: () =>
            schemaOnce("AdminApiKey inputs", () =>
                z.strictObject({
                    name: nameSchema(),
                    expiresInSeconds: z
                        .number({ error: "must be a number" })
                        .int({ error: "must be a whole number of seconds" })
                        .min(1, { error: "must be at least 1" })
                        .max(MAX_EXPIRES_IN_SECONDS, { error: `must be at most ${MAX_EXPIRES_IN_SECONDS} (365 days)` })
                        .optional(),
                }),
            ),
        replaceOnChange: ["name", "expiresInSeconds"],
        create: {
            body: (inputs) => ({ name: inputs.name, expires_in_seconds: inputs.expiresInSeconds }),
            response: () => schemaOnce("AdminApiKey created", () => z.looseObject({ ...wireAdminApiKeyShape(), value: z.string().min(1) })),
            secrets: (created) => ({ value: (created as WireCreatedAdminApiKey).value }),
            // The lost answer held the key's value: that key is of no use to anyone.
            onLostAnswer: "deleteAndRetry",
        },
        delete: { kind: "delete" },
        secretOutputs: ["value"],
        rotates: true,
        keptInputs: ["expiresInSeconds"],
    },
};

/**
 * Checks that admin-key expectations are well formed; throws before any request otherwise.
 *
 * @param attempt what the caller is about to do, for the error message
 * @param expectations the value to check
 * @returns the expectations, typed
 * @throws {InvalidInputError} naming the field at fault, e.g. `expect.minDaysToExpiry`, or an unknown one
 */
export function validateExpectations(attempt: Attempt, expectations: unknown): AdminApiKeyExpectations {
    return validateExpectationsOf(adminApiKeys, attempt, expectations);
}

/**
 * Lists the expectations a key fails. Pure: the time is passed in.
 *
 * @param key the key's metadata
 * @param expectations what it must satisfy
 * @param nowSeconds the current time, Unix seconds
 * @returns one entry per failed expectation, in the order of {@link AdminApiKeyExpectations}; empty when all hold
 *
 * @example
 * const failures = evaluateExpectations(key, { ownerType: "service_account", minDaysToExpiry: 14 }, Date.now() / 1000);
 */
export function evaluateExpectations(
    key: AdminApiKeyMetadata,
    expectations: AdminApiKeyExpectations,
    nowSeconds: number,
): ExpectationFailure[] {
    return evaluateExpectationsOf(adminApiKeys, key, expectations, nowSeconds);
}

/**
 * Throws when a key fails any expectation; returns the key otherwise.
 *
 * @param key the key's metadata
 * @param expectations what it must satisfy
 * @param nowSeconds the current time, Unix seconds (default: now)
 * @returns `key`, unchanged
 * @throws {ExpectationError} naming the key id, each failed expectation and the actual value
 *
 * @example
 * assertExpectations(await getAdminApiKey({ keyId: "key_abc" }), { ownerType: "service_account" });
 */
export function assertExpectations<T extends AdminApiKeyMetadata>(
    key: T,
    expectations: AdminApiKeyExpectations,
    nowSeconds = Date.now() / 1000,
): T {
    return assertExpectationsOf(adminApiKeys, key.id, key, expectations, nowSeconds);
}
