import * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyExpectations, AdminApiKeyMetadata, AdminApiKeyOwner, adminApiKeys } from "../api/organization/adminApiKeys";
import { fetchMany, fetchOne, getFunctions, InputArgs, listFunctions } from "./dataSources";
import { managedParts, readParts, TYPE_MODULE } from "./declaredResource";
import { Adopt } from "./managedInputs";
import { FetchDependencies } from "./programClient";

/** Arguments of `new AdminApiKey(...)`: the key to create. Any change replaces the key. */
export interface AdminApiKeyArgs {
    /** The key's name; must not be empty. */
    readonly name: pulumi.Input<string>;
    /** Lifetime in seconds, 1 to 31536000 (365 days); omit for a key that never expires. */
    readonly expiresInSeconds?: pulumi.Input<number>;
    /**
     * Take over an existing key by id instead of creating one (names of keys are not unique).
     * Its secret value is not known to the stack; delete deletes it as if the stack had created it.
     */
    readonly adopt?: pulumi.Input<Adopt>;
    /** Replace the key, new before old, on the first `up` after it is this many days old. */
    readonly rotateAfterDays?: pulumi.Input<number>;
}

/** Options of {@link AdminApiKey.get}: Pulumi's resource options, plus expectations the key must meet. */
export interface AdminApiKeyGetOptions extends pulumi.CustomResourceOptions {
    /**
     * What the key must satisfy (owner, expiry, recent use). A key that fails any of them
     * fails the preview or update, before anything that depends on it changes, with one
     * message naming the key id, each failed expectation and the actual value.
     */
    readonly expect?: AdminApiKeyExpectations;
}

/** The outputs of an `AdminApiKey` resource: its metadata without the id, which is the resource id. */
export type AdminApiKeyOutputs = Omit<AdminApiKeyMetadata, "id">;

/** The outputs of a key created by an `AdminApiKey` resource: the metadata, its inputs, and the secret value. */
export interface ManagedAdminApiKeyOutputs extends AdminApiKeyOutputs {
    /** The key itself: returned once by the API, kept as a secret output; absent for an adopted key. */
    readonly value?: string;
    /** The lifetime asked for at creation, in seconds; absent for a key that never expires. */
    readonly expiresInSeconds?: number;
}

// Marks a construction by `get`: reading an existing key rather than creating one.
class ExistingKey {
    constructor(readonly opts: AdminApiKeyGetOptions) {}
}

/**
 * An OpenAI admin API key. `AdminApiKey.get` reads an existing key in every preview, update
 * and refresh; `new AdminApiKey` creates one (or adopts one), keeps its one-time secret
 * `value` as a secret output, replaces it when its name or lifetime changes or when
 * `rotateAfterDays` have passed (the new key first) and deletes it with the stack. The
 * resource id is the key id.
 *
 * @example
 * ```typescript
 * import { AdminApiKey } from "pulumi-openai-admin";
 *
 * const ci = AdminApiKey.get("ci", "key_abc");
 * export const ciKeyOwner = ci.owner.apply((owner) => owner.name);
 *
 * const rotated = new AdminApiKey("deploy", { name: "deploy", expiresInSeconds: 90 * 24 * 3600, rotateAfterDays: 60 });
 * export const deployKey = rotated.value; // a secret
 * ```
 */
export class AdminApiKey extends pulumi.dynamic.Resource {
    /** The key's name, or null when it has none. */
    declare readonly name: pulumi.Output<string | null>;
    /** The key with most of it masked, e.g. `sk-admin...xyz`. */
    declare readonly redactedValue: pulumi.Output<string>;
    /** When the key was created, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** When the key expires, Unix seconds; null when it never does. */
    declare readonly expiresAt: pulumi.Output<number | null>;
    /** When the key was last used, Unix seconds; null when it never was. */
    declare readonly lastUsedAt: pulumi.Output<number | null>;
    /** Who owns the key: id, name, type (`user`/`service_account`), role, object, createdAt. */
    declare readonly owner: pulumi.Output<AdminApiKeyOwner>;
    /** The key itself, a secret; only for a key this resource created (undefined for `get` and adopted keys). */
    declare readonly value: pulumi.Output<string | undefined>;
    /** The lifetime asked for at creation, in seconds; undefined for `get` and for keys that never expire. */
    declare readonly expiresInSeconds: pulumi.Output<number | undefined>;

    /**
     * Looks up an existing admin API key by id. The preview or update fails, naming the
     * key id, the HTTP status, OpenAI's message and the request id, when the key does not
     * exist or cannot be read, and naming each failure when it misses an expectation.
     *
     * @param name the Pulumi resource name, unique in the stack
     * @param id the admin API key id, e.g. `key_abc`
     * @param opts resource options (`id` is set from `id`), and `expect`: what the key must satisfy
     * @returns the resource, whose outputs hold the key's metadata
     *
     * @example
     * ```typescript
     * const deployKey = AdminApiKey.get("deploy", "key_abc", {
     *     expect: { ownerType: "service_account", ownerRole: "owner", minDaysToExpiry: 14 },
     * });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: AdminApiKeyGetOptions = {}): AdminApiKey {
        // The public constructor creates keys; the marker, invisible to users, selects a read.
        return new AdminApiKey(name, new ExistingKey({ ...opts, id }) as unknown as AdminApiKeyArgs);
    }

    /**
     * Creates an admin API key. `name` and `expiresInSeconds` are checked before anything is
     * sent; the key's secret `value` is a secret output, never printed or stored in plain text.
     *
     * @param name the Pulumi resource name, unique in the stack
     * @param args the key's name and optional lifetime, adoption and rotation
     * @param opts resource options
     */
    constructor(name: string, args: AdminApiKeyArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: AdminApiKeyArgs | ExistingKey, opts: pulumi.CustomResourceOptions = {}) {
        const parts =
            args instanceof ExistingKey ? readParts(adminApiKeys, name, args.opts.id!, args.opts) : managedParts(adminApiKeys, args, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

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

/** Arguments of {@link getAdminApiKeys}: the order and optional filters, all combined with "and". */
export interface GetAdminApiKeysArgs {
    /** By creation time: `asc` (default) or `desc`. */
    readonly order?: "asc" | "desc";
    /** Only keys whose owner is of this type. */
    readonly ownerType?: "user" | "service_account";
    /** Only keys whose owner has this id. */
    readonly ownerId?: string;
    /** Only keys with exactly this name. */
    readonly name?: string;
    /** `true`: only expired keys; `false`: only keys that have not expired (including those that never do). */
    readonly expired?: boolean;
}

/** Arguments of {@link getAdminApiKeysOutput}: the same, as Pulumi inputs. */
export type GetAdminApiKeysOutputArgs = InputArgs<GetAdminApiKeysArgs>;

/** The keys of the organization that passed the filters. */
export interface GetAdminApiKeysResult {
    /** Each key's metadata, in the order asked. */
    readonly keys: readonly AdminApiKeyMetadata[];
}

/**
 * {@link getAdminApiKey} with its settings sources passed in, for tests and for callers
 * outside a Pulumi program.
 */
export function fetchAdminApiKey(args: GetAdminApiKeyArgs, deps: FetchDependencies): Promise<GetAdminApiKeyResult> {
    return fetchOne<AdminApiKeyMetadata>(adminApiKeys, args, deps);
}

/**
 * {@link getAdminApiKeys} with its settings sources passed in, for tests and for callers
 * outside a Pulumi program.
 */
export async function fetchAdminApiKeys(args: GetAdminApiKeysArgs | undefined, deps: FetchDependencies): Promise<GetAdminApiKeysResult> {
    return (await fetchMany<AdminApiKeyMetadata>(adminApiKeys, args, deps)) as unknown as GetAdminApiKeysResult;
}

const single = getFunctions<GetAdminApiKeyArgs, GetAdminApiKeyResult>(adminApiKeys);
const many = listFunctions<GetAdminApiKeysArgs, GetAdminApiKeysResult>(adminApiKeys);

/**
 * Reads an admin API key's metadata from the program process, by id or by name, and
 * optionally checks it against expectations. Settings come from stack config
 * (`openai:adminKey`, `openai:baseUrl`, ...) and then the environment (`OPENAI_ADMIN_KEY`, ...).
 *
 * @param args `keyId` or `name` (exactly one), and optional `expect`
 * @returns the key's metadata
 * @throws {InvalidInputError} before any request when the arguments are not usable
 * @throws {NotFoundError} when no key has that id
 * @throws {LookupError} when no key, or several, have that name
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
export const getAdminApiKey: (args: GetAdminApiKeyArgs) => Promise<GetAdminApiKeyResult> = single.get;

/**
 * {@link getAdminApiKey} for Pulumi inputs: waits for the arguments to be known, then reads
 * the key. During a preview in which they are not yet known, the result is unknown too.
 *
 * @example
 * ```typescript
 * const key = getAdminApiKeyOutput({ keyId: "key_abc", expect: { minDaysToExpiry: 14 } });
 * export const keyOwner = key.owner.id;
 * ```
 */
export const getAdminApiKeyOutput = single.getOutput as (args: GetAdminApiKeyOutputArgs) => pulumi.Output<GetAdminApiKeyResult>;

/**
 * Lists the organization's admin API keys (`GET /organization/admin_api_keys`, every page,
 * 100 keys a page) from the program process, optionally filtered.
 *
 * @param args order and filters; all keys in creation order when omitted
 * @returns the matching keys
 * @throws {InvalidInputError} before any request for an unknown filter or a bad value
 *
 * @example
 * ```typescript
 * const { keys } = await getAdminApiKeys({ ownerType: "user", expired: false });
 * ```
 */
export const getAdminApiKeys: (args?: GetAdminApiKeysArgs) => Promise<GetAdminApiKeysResult> = many.list;

/**
 * {@link getAdminApiKeys} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const serviceAccountKeyIds = getAdminApiKeysOutput({ ownerType: "service_account" }).keys.apply((keys) => keys.map((k) => k.id));
 * ```
 */
export const getAdminApiKeysOutput: (args?: GetAdminApiKeysOutputArgs) => pulumi.Output<GetAdminApiKeysResult> = many.listOutput;
