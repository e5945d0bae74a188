import * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyOwner } from "./adminApiKeys";
import { AdminApiKeyProvider, ManagedAdminApiKeyOutputs, ManagedAdminApiKeyProvider } from "./adminApiKeyProvider";
import { AdminApiKeyExpectations, validateExpectations } from "./expectations";

// One provider object of each kind for every AdminApiKey: the SDK serializes a provider once
// per object and reuses the text, so a stack with many keys pays for it once.
const readOnlyProvider = new AdminApiKeyProvider();
const managedProvider = new ManagedAdminApiKeyProvider();

// Every output is passed as undefined so that the SDK creates a resolver for it.
const ALL_OUTPUTS: Record<keyof ManagedAdminApiKeyOutputs, undefined> = {
    name: undefined,
    redactedValue: undefined,
    createdAt: undefined,
    expiresAt: undefined,
    lastUsedAt: undefined,
    owner: undefined,
    value: undefined,
    expiresInSeconds: undefined,
};

/** Arguments of `new AdminApiKey(...)`: the key to create. Any change replaces the key. */
export interface AdminApiKeyArgs {
    /** The key's name; must not be empty. */
    readonly name: pulumi.Input<string>;
    /** Lifetime in seconds, 1 to 31536000 (365 days); omit for a key that never expires. */
    readonly expiresInSeconds?: pulumi.Input<number>;
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

// Marks a construction by `get`: reading an existing key rather than creating one.
class ExistingKey {
    constructor(readonly expect: AdminApiKeyExpectations | undefined) {}
}

/**
 * An OpenAI admin API key. `AdminApiKey.get` reads an existing key in every preview, update
 * and refresh; `new AdminApiKey` creates one, keeps its one-time secret `value` as a secret
 * output, replaces it when its name or lifetime changes (the new key first) and deletes it
 * with the stack. The resource id is the key id.
 *
 * @example
 * ```typescript
 * import { AdminApiKey } from "pulumi-openai-admin";
 *
 * const ci = AdminApiKey.get("ci", "key_abc");
 * export const ciKeyOwner = ci.owner.apply((owner) => owner.name);
 *
 * const rotated = new AdminApiKey("deploy", { name: "deploy 2026-11", expiresInSeconds: 90 * 24 * 3600 });
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
    /** The key itself, a secret; only for a key this resource created (undefined for `get`). */
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
        const { expect, ...resourceOptions } = opts;
        // A misspelt expectation fails here, in the program, naming the field.
        const expectations =
            expect === undefined ? undefined : validateExpectations({ operation: "read AdminApiKey", target: name }, expect);
        // The public constructor creates keys; the marker, invisible to users, selects a read.
        return new AdminApiKey(name, new ExistingKey(expectations) as unknown as AdminApiKeyArgs, { ...resourceOptions, id });
    }

    /**
     * Creates an admin API key. `name` and `expiresInSeconds` are checked before anything is
     * sent; the key's secret `value` is a secret output, never printed or stored in plain text.
     *
     * @param name the Pulumi resource name, unique in the stack
     * @param args the key's name and optional lifetime
     * @param opts resource options
     */
    constructor(name: string, args: AdminApiKeyArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, args: AdminApiKeyArgs | ExistingKey, opts: pulumi.CustomResourceOptions = {}) {
        if (args instanceof ExistingKey) {
            super(readOnlyProvider, name, { ...ALL_OUTPUTS, expect: args.expect }, opts, "openai", "AdminApiKey");
            return;
        }
        super(
            managedProvider,
            name,
            { ...ALL_OUTPUTS, name: args.name, expiresInSeconds: args.expiresInSeconds },
            pulumi.mergeOptions(opts, { additionalSecretOutputs: ["value"] }),
            "openai",
            "AdminApiKey",
        );
    }
}
