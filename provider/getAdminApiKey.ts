import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyMetadata, listAdminApiKeys, retrieveAdminApiKey } from "./adminApiKeys";
import { Attempt, InvalidInputError, OpenAIAdminError } from "./errors";
import { AdminApiKeyExpectations, assertExpectations, validateExpectations } from "./expectations";
import { clientFactory, FetchDependencies, nowSeconds, programDependencies, READ_CACHE_SECONDS } from "./programClient";
import { resolveSettings } from "./settings";
import { encodePathSegment } from "./validation";

/** Arguments of {@link getAdminApiKey}: the key by id or by name (exactly one), and what it must satisfy. */
export type GetAdminApiKeyArgs = (
    | {
          /** The admin API key id, e.g. `key_abc`. */
          readonly keyId: string;
          readonly name?: never;
      }
    | {
          /** The key's name; exactly one key must have it. */
          readonly name: string;
          readonly keyId?: never;
      }
) & {
    /** Expectations the key must meet; when it fails any, the call fails with an `ExpectationError`. */
    readonly expect?: AdminApiKeyExpectations;
    /**
     * Reuse a read of the same key id made in this process in the last 60 seconds (default
     * true): a key read several times in a program costs one request. False reads it again.
     */
    readonly cache?: boolean;
};

/** Arguments of {@link getAdminApiKeyOutput}: the same, as Pulumi inputs. */
export type GetAdminApiKeyOutputArgs = (
    { readonly keyId: pulumi.Input<string>; readonly name?: never } | { readonly name: pulumi.Input<string>; readonly keyId?: never }
) & { readonly expect?: pulumi.Input<AdminApiKeyExpectations> };

/** An admin API key's metadata: `id` plus the same fields as the `AdminApiKey` outputs. */
export type GetAdminApiKeyResult = AdminApiKeyMetadata;

/** A lookup by name found no key, or more than one. */
export class KeyLookupError extends OpenAIAdminError {
    override readonly name: string = "KeyLookupError";
    /** Ids of the keys that matched (several) or nearly matched (none), for the message and for callers. */
    readonly candidates: readonly string[];

    /**
     * @param attempt the lookup, with the name as target
     * @param reason what was found
     * @param candidates ids worth naming
     */
    constructor(attempt: Attempt, reason: string, candidates: readonly string[]) {
        super(attempt, `${attempt.operation} "${attempt.target}" failed: ${reason}`);
        this.candidates = candidates;
    }
}

/**
 * {@link getAdminApiKey} with its settings sources passed in, for tests and for callers
 * outside a Pulumi program.
 *
 * @param args which key, and what it must satisfy
 * @param deps where settings come from
 * @returns the key's metadata
 */
export async function fetchAdminApiKey(args: GetAdminApiKeyArgs, deps: FetchDependencies): Promise<GetAdminApiKeyResult> {
    const given = (args ?? {}) as { keyId?: unknown; name?: unknown; expect?: unknown; cache?: unknown };
    const byName = given.name !== undefined;
    const attempt: Attempt = { operation: byName ? "find admin API key named" : "retrieve admin API key" };
    if (byName === (given.keyId !== undefined)) {
        throw new InvalidInputError(attempt, "keyId, name", "exactly one of them must be given");
    }
    const expectations = validateExpectations(attempt, given.expect);
    if (!byName) {
        // Before the cache, which reads the settings: a bad id is named even when they are missing too.
        encodePathSegment(attempt, "keyId", given.keyId);
    }
    const connect = clientFactory(deps);
    const key = byName
        ? await findByName(connect, given.name)
        : await readOnce(deps, given.cache !== false, given.keyId, () => retrieveAdminApiKey(connect, given.keyId));
    return assertExpectations(key, expectations, nowSeconds(deps));
}

// Shares one request among the reads of a key id, per API root and admin key, for
// READ_CACHE_SECONDS; a failed read is forgotten, so that the next one tries again.
function readOnce(
    deps: FetchDependencies,
    useCache: boolean,
    keyId: unknown,
    read: () => Promise<AdminApiKeyMetadata>,
): Promise<AdminApiKeyMetadata> {
    const cache = useCache ? deps.readCache : undefined;
    if (cache === undefined || typeof keyId !== "string") {
        return read();
    }
    const settings = resolveSettings({ operation: "retrieve admin API key", target: keyId }, deps.config, deps.env);
    // A digest, so that the cache never holds the key itself as text.
    const account = createHash("sha256").update(settings.adminKey).digest("hex");
    const cacheKey = `${settings.baseUrl} ${account} ${keyId}`;
    const now = nowSeconds(deps);
    const cached = cache.get(cacheKey);
    if (cached !== undefined && now - cached.readAt < READ_CACHE_SECONDS) {
        return cached.key;
    }
    const key = read();
    cache.set(cacheKey, { readAt: now, key });
    key.catch(() => cache.delete(cacheKey));
    return key;
}

async function findByName(connect: ReturnType<typeof clientFactory>, name: unknown): Promise<AdminApiKeyMetadata> {
    if (typeof name !== "string" || name.trim() === "") {
        throw new InvalidInputError({ operation: "find admin API key named" }, "name", "must be a non-empty string");
    }
    const attempt: Attempt = { operation: "find admin API key named", target: name };
    const keys = await listAdminApiKeys(connect);
    const matches = keys.filter((key) => key.name === name);
    if (matches.length === 1) {
        return matches[0]!;
    }
    if (matches.length > 1) {
        const ids = matches.map((key) => key.id);
        throw new KeyLookupError(attempt, `${matches.length} keys have that name (${ids.join(", ")}); look one up by keyId`, ids);
    }
    const folded = name.trim().toLowerCase();
    const near = keys.filter((key) => key.name?.trim().toLowerCase() === folded);
    const hint =
        near.length === 0 ? "" : `; keys with nearly that name: ${near.map((key) => `${key.id} (${JSON.stringify(key.name)})`).join(", ")}`;
    throw new KeyLookupError(
        attempt,
        `no key has that name among the ${keys.length} keys of the organization${hint}`,
        near.map((key) => key.id),
    );
}

/**
 * Reads an admin API key's metadata from the program process (dynamic providers cannot
 * serve invokes), by id or by name, and optionally checks it against expectations.
 * Settings come from stack config (`openai:adminKey`, `openai:baseUrl`, ...) and then the
 * environment (`OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`, ...).
 *
 * @param args `keyId` or `name` (exactly one), and optional `expect`
 * @returns the key's metadata
 * @throws {InvalidInputError} before any request when the arguments are not usable
 * @throws {NotFoundError} when no key has that id
 * @throws {KeyLookupError} when no key, or several, have that name
 * @throws {ExpectationError} when the key fails an expectation
 *
 * @example
 * ```typescript
 * import { getAdminApiKey } from "pulumi-openai-admin";
 *
 * const key = await getAdminApiKey({ name: "CI deploy key", expect: { ownerType: "service_account" } });
 * console.log(key.id, key.expiresAt);
 * ```
 */
export function getAdminApiKey(args: GetAdminApiKeyArgs): Promise<GetAdminApiKeyResult> {
    return fetchAdminApiKey(args, programDependencies());
}

/**
 * {@link getAdminApiKey} for Pulumi inputs: waits for the arguments to be known, then reads
 * the key. During a preview in which they are not yet known, the result is unknown too.
 *
 * @param args `keyId` or `name` (exactly one), and optional `expect`, as inputs
 * @returns the key's metadata as an output
 *
 * @example
 * ```typescript
 * import { getAdminApiKeyOutput } from "pulumi-openai-admin";
 *
 * const key = getAdminApiKeyOutput({ keyId: "key_abc", expect: { minDaysToExpiry: 14 } });
 * export const keyOwner = key.owner.id;
 * ```
 */
export function getAdminApiKeyOutput(args: GetAdminApiKeyOutputArgs): pulumi.Output<GetAdminApiKeyResult> {
    return pulumi.output(args).apply((resolved) => getAdminApiKey(resolved));
}
