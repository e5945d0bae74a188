import { z } from "zod";
import { AdminClient } from "./client";
import { Attempt, InvalidInputError, InvalidResponseError, isOutcomeUnknown, NotFoundError } from "./errors";
import { encodePathSegment, schemaOnce } from "./validation";

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

// Built on demand rather than held at module level: provider code is serialized by value
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

/** Makes a client for one attempt; errors in the settings name that attempt. */
export type ClientFactory = (attempt: Attempt) => AdminClient;

/**
 * Retrieves one admin API key: `GET /organization/admin_api_keys/{key_id}`.
 * The id is checked before the client is made, so a bad id sends nothing.
 *
 * @param connect makes the client (resolving settings) once the id is known to be valid
 * @param keyId the key's id, e.g. `key_abc`
 * @returns the key's metadata
 * @throws {InvalidInputError} when `keyId` is not a usable id
 * @throws {NotFoundError} when no key has that id
 *
 * @example
 * const key = await retrieveAdminApiKey(() => createAdminClient(settings), "key_abc");
 */
export async function retrieveAdminApiKey(connect: ClientFactory, keyId: unknown): Promise<AdminApiKeyMetadata> {
    const operation = "retrieve admin API key";
    const segment = encodePathSegment({ operation }, "keyId", keyId);
    const attempt: Attempt = { operation, target: keyId as string };
    const wire = await connect(attempt).request(
        attempt,
        { method: "GET", path: `/organization/admin_api_keys/${segment}`, route: "/organization/admin_api_keys/{key_id}" },
        wireAdminApiKeySchema(),
    );
    return toAdminApiKeyMetadata(wire);
}

/** One page of `GET /organization/admin_api_keys`, exactly as the API sends it. */
export interface WireAdminApiKeyList {
    /** Always `list`. */
    readonly object: "list";
    /** The keys on this page. */
    readonly data: readonly WireAdminApiKey[];
    /** Id of the first key on this page. */
    readonly first_id?: string | null;
    /** Id of the last key on this page: the cursor for the next page. */
    readonly last_id?: string | null;
    /** Whether more keys follow this page. */
    readonly has_more: boolean;
}

const wireAdminApiKeyListSchema = (): z.ZodType<WireAdminApiKeyList> =>
    schemaOnce("wireAdminApiKeyList", () =>
        z.looseObject({
            object: z.literal("list", { error: 'is not "list"' }),
            data: z.array(wireAdminApiKeySchema()),
            first_id: z.string().nullish(),
            last_id: z.string().nullish(),
            has_more: z.boolean(),
        }),
    );

/** Keys per page when listing: the most the endpoint is known to accept. */
export const LIST_PAGE_SIZE = 100;

/** Options of {@link listAdminApiKeys}. */
export interface ListAdminApiKeysOptions {
    /** By creation time, `asc` (the API's default) or `desc`. */
    readonly order?: "asc" | "desc";
}

/**
 * Lists every admin API key of the organization, following the `after` cursor page by
 * page. Stops at the last page, at an empty page, and refuses a cursor that repeats, so a
 * server that keeps saying `has_more` cannot make it loop forever.
 *
 * @param connect makes the client once the options are known to be valid
 * @param options the order
 * @returns every key, in the order asked
 * @throws {InvalidResponseError} when a page is malformed or the cursor repeats
 *
 * @example
 * const keys = await listAdminApiKeys(() => client, { order: "desc" });
 */
export async function listAdminApiKeys(connect: ClientFactory, options: ListAdminApiKeysOptions = {}): Promise<AdminApiKeyMetadata[]> {
    const attempt: Attempt = { operation: "list admin API keys" };
    const order = options.order ?? "asc";
    if (order !== "asc" && order !== "desc") {
        throw new InvalidInputError(attempt, "order", `must be "asc" or "desc" (got ${JSON.stringify(order)})`);
    }
    const client = connect(attempt);
    const keys: AdminApiKeyMetadata[] = [];
    const cursorsSeen = new Set<string>();
    let after: string | undefined;
    for (;;) {
        const pageAttempt: Attempt = after === undefined ? attempt : { ...attempt, operation: `${attempt.operation} after "${after}"` };
        const page = await client.request(
            pageAttempt,
            {
                method: "GET",
                path: "/organization/admin_api_keys",
                route: "/organization/admin_api_keys",
                query: { limit: LIST_PAGE_SIZE, order, after },
            },
            wireAdminApiKeyListSchema(),
        );
        keys.push(...page.data.map(toAdminApiKeyMetadata));
        const cursor = page.last_id ?? page.data[page.data.length - 1]?.id;
        if (!page.has_more || page.data.length === 0 || cursor === undefined) {
            return keys;
        }
        if (cursorsSeen.has(cursor)) {
            throw new InvalidResponseError(
                pageAttempt,
                `the pagination cursor "${cursor}" came back a second time after ${keys.length} keys`,
            );
        }
        cursorsSeen.add(cursor);
        after = cursor;
    }
}

/** What `POST /organization/admin_api_keys` returns: the key object plus, this once, its secret value. */
export interface WireCreatedAdminApiKey extends WireAdminApiKey {
    /** The key itself, `sk-admin-...`. Returned only by create. */
    readonly value: string;
}

/** A new key's metadata and its secret value, which the API returns only once. */
export interface CreatedAdminApiKey extends AdminApiKeyMetadata {
    /** The key itself, `sk-admin-...`: a secret. */
    readonly value: string;
}

/** Longest lifetime the API accepts for a new key: 365 days, in seconds. */
export const MAX_EXPIRES_IN_SECONDS = 31_536_000;

/** Arguments of {@link createAdminApiKey}. */
export interface CreateAdminApiKeyArgs {
    /** The new key's name. */
    readonly name: string;
    /** Lifetime in seconds, 1 to 31536000; omit for a key that never expires. */
    readonly expiresInSeconds?: number;
}

// Built once per process by schemaOnce, like every schema here.
const createArgsSchema = () =>
    schemaOnce("createArgs", () =>
        z.strictObject({
            name: z
                .string({ error: "must be a string" })
                .refine((name) => name.trim() !== "", { error: "must not be empty" })
                .refine((name) => !/\p{Cc}/u.test(name), { error: "must not contain control characters" }),
            expiresInSeconds: z
                .number({ error: "must be a number" })
                .int({ error: "must be a whole number of seconds" })
                .min(1, { error: "must be at least 1" })
                .max(MAX_EXPIRES_IN_SECONDS, { error: `must be at most ${MAX_EXPIRES_IN_SECONDS} (365 days)` })
                .optional(),
        }),
    );

/**
 * Checks the arguments of a create; returns the problems instead of throwing, so that the
 * provider's `check` can hand them to the engine property by property.
 *
 * @param args the candidate arguments
 * @returns one entry per bad property; empty when the arguments are usable
 */
export function checkCreateArgs(args: unknown): Array<{ property: string; reason: string }> {
    const result = createArgsSchema().safeParse(args);
    if (result.success) {
        return [];
    }
    return result.error.issues.map((issue) => {
        const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
        return {
            property: [...issue.path.map(String), ...unknownKeys].join(".") || "args",
            reason: unknownKeys.length > 0 ? "is not a known argument" : issue.message,
        };
    });
}

const wireCreatedSchema = (): z.ZodType<WireCreatedAdminApiKey> =>
    schemaOnce("wireCreatedAdminApiKey", () => z.looseObject({ ...wireAdminApiKeyShape(), value: z.string().min(1) }));

/**
 * Creates an admin API key: `POST /organization/admin_api_keys`. The arguments are checked
 * before the client is made. The API has no idempotency key, so the POST is never retried
 * blindly: after a timeout, a broken connection or a 5xx, keys with the same name created
 * since the attempt began (the lost answer's key, whose value nobody has) are deleted, and
 * the POST is sent once more. Exactly one usable key results, or an error.
 *
 * @param connect makes the client once the arguments are known to be valid
 * @param args name and optional lifetime
 * @returns the new key's metadata and secret value
 * @throws {InvalidInputError} when the arguments are not usable
 */
export async function createAdminApiKey(connect: ClientFactory, args: CreateAdminApiKeyArgs): Promise<CreatedAdminApiKey> {
    const attempt: Attempt = { operation: "create admin API key named", target: typeof args?.name === "string" ? args.name : "?" };
    const problem = checkCreateArgs(args)[0];
    if (problem !== undefined) {
        throw new InvalidInputError({ operation: "create admin API key" }, problem.property, problem.reason);
    }
    const client = connect(attempt);
    const post = async () => {
        const wire = await client.request(
            attempt,
            {
                method: "POST",
                path: "/organization/admin_api_keys",
                route: "/organization/admin_api_keys",
                body: { name: args.name, expires_in_seconds: args.expiresInSeconds },
            },
            wireCreatedSchema(),
        );
        return { ...toAdminApiKeyMetadata(wire), value: wire.value };
    };
    const startedAt = Date.now() / 1000;
    try {
        return await post();
    } catch (error) {
        if (!isOutcomeUnknown(error)) {
            throw error;
        }
        // The key may have been created with its answer lost. Its value, shown only in that
        // answer, is gone, so such a key is of no use: delete what this attempt may have left
        // (same name, created since it began, with a minute's margin for clock skew), then
        // create once more. Without an idempotency key, this is how no second key is left.
        const orphans = (await listAdminApiKeys(() => client)).filter((key) => key.name === args.name && key.createdAt >= startedAt - 60);
        for (const orphan of orphans) {
            await deleteAdminApiKey(() => client, orphan.id);
        }
        return await post();
    }
}

/**
 * Deletes an admin API key: `DELETE /organization/admin_api_keys/{key_id}`. A key that is
 * already gone counts as deleted.
 *
 * @param connect makes the client once the id is known to be valid
 * @param keyId the key to delete
 * @returns true when this call deleted it, false when it was already gone
 */
export async function deleteAdminApiKey(connect: ClientFactory, keyId: unknown): Promise<boolean> {
    const operation = "delete admin API key";
    const segment = encodePathSegment({ operation }, "keyId", keyId);
    const attempt: Attempt = { operation, target: keyId as string };
    try {
        await connect(attempt).request(
            attempt,
            { method: "DELETE", path: `/organization/admin_api_keys/${segment}`, route: "/organization/admin_api_keys/{key_id}" },
            z.looseObject({ deleted: z.literal(true, { error: "is not true" }) }),
        );
        return true;
    } catch (error) {
        if (error instanceof NotFoundError) {
            return false;
        }
        throw error;
    }
}
