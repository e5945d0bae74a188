import * as pulumi from "@pulumi/pulumi";
import { AdminApiKey } from "pulumi-openai-admin";

/**
 * Looks up each admin API key by id and returns its metadata as stack outputs, one entry
 * per key, in the order given.
 *
 * @param keyIds ids of existing admin API keys, e.g. `["key_abc"]`
 * @returns the stack outputs: `keys`, a list of each key's metadata
 */
export function lookupAdminApiKeys(keyIds: readonly string[]) {
    const keys = keyIds.map((keyId) => AdminApiKey.get(`admin-key-${keyId}`, keyId));
    return {
        keys: keys.map((key) =>
            pulumi.output({
                id: key.id,
                name: key.name,
                redactedValue: key.redactedValue,
                owner: key.owner,
                createdAt: key.createdAt,
                expiresAt: key.expiresAt,
                lastUsedAt: key.lastUsedAt,
            }),
        ),
    };
}
