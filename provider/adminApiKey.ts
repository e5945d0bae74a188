import * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyOwner } from "./adminApiKeys";
import { AdminApiKeyOutputs, AdminApiKeyProvider } from "./adminApiKeyProvider";
import { AdminApiKeyExpectations, validateExpectations } from "./expectations";

/** Options of {@link AdminApiKey.get}: Pulumi's resource options, plus expectations the key must meet. */
export interface AdminApiKeyGetOptions extends pulumi.CustomResourceOptions {
    /**
     * What the key must satisfy (owner, expiry, recent use). A key that fails any of them
     * fails the preview or update, before anything that depends on it changes, with one
     * message naming the key id, each failed expectation and the actual value.
     */
    readonly expect?: AdminApiKeyExpectations;
}

// One provider object for every AdminApiKey: the SDK serializes a provider once per
// object and reuses the text, so a stack with many keys pays for it once.
const provider = new AdminApiKeyProvider();

// Every output is passed as undefined so that the SDK creates a resolver for it.
const NO_INPUTS: Record<keyof AdminApiKeyOutputs, undefined> = {
    name: undefined,
    redactedValue: undefined,
    createdAt: undefined,
    expiresAt: undefined,
    lastUsedAt: undefined,
    owner: undefined,
};

/**
 * An existing OpenAI admin API key, read from the Administration API
 * (`GET /organization/admin_api_keys/{key_id}`) in every preview, update and refresh.
 * The resource id is the key id. The key's secret value is never read or stored.
 *
 * @example
 * ```typescript
 * import { AdminApiKey } from "pulumi-openai-admin";
 *
 * const ci = AdminApiKey.get("ci", "key_abc");
 * export const ciKeyOwner = ci.owner.apply((owner) => owner.name);
 * export const ciKeyExpiresAt = ci.expiresAt;
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

    /**
     * Looks up an existing admin API key by id. The preview or update fails, naming the
     * key id, the HTTP status, OpenAI's message and the request id, when the key does not
     * exist or cannot be read.
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
        return new AdminApiKey(name, expectations, { ...resourceOptions, id });
    }

    private constructor(name: string, expect: AdminApiKeyExpectations | undefined, opts: pulumi.CustomResourceOptions) {
        super(provider, name, { ...NO_INPUTS, expect }, opts, "openai", "AdminApiKey");
    }
}
