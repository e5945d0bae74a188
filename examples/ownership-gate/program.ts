import { AdminApiKey } from "pulumi-openai-admin";

/** What the deploy key must be; the defaults suit a CI pipeline. */
export interface GateSettings {
    /** The admin key the pipeline uses. */
    readonly keyId: string;
    /** Required owner type. */
    readonly ownerType: "user" | "service_account";
    /** The key must not expire within this many days. */
    readonly minDaysToExpiry: number;
}

/**
 * Reads the pipeline's admin key with expectations: a key owned by the wrong kind of
 * principal, expired or about to expire fails `pulumi preview` and `pulumi up` before
 * anything that depends on it.
 *
 * @param settings the key and its rules
 * @returns the stack outputs: the checked key's id and expiry
 */
export function gateDeployKey(settings: GateSettings) {
    const deployKey = AdminApiKey.get("deploy-key", settings.keyId, {
        expect: { ownerType: settings.ownerType, notExpired: true, minDaysToExpiry: settings.minDaysToExpiry },
    });
    // Resources of the deploy go here, with { dependsOn: [deployKey] }: they wait for the check.
    return { deployKeyId: deployKey.id, deployKeyExpiresAt: deployKey.expiresAt };
}
