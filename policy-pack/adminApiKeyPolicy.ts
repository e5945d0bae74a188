import { PolicyConfigSchema, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { AdminApiKeyMetadata, AdminApiKeyOwner } from "../provider/api/organization/adminApiKeys";
import { AdminApiKeyExpectations, evaluateExpectations, validateExpectations } from "../provider/api/organization/adminApiKeys";

/** The type token of every `AdminApiKey` resource, read or managed. */
export const ADMIN_API_KEY_TYPE = "pulumi-nodejs:dynamic/openai:AdminApiKey";

const EXPECTATION_NAMES = ["ownerType", "ownerId", "ownerName", "ownerRole", "notExpired", "minDaysToExpiry", "usedWithinDays"] as const;

const oneOrMoreStrings = (description: string, values?: readonly string[]) => {
    const item = values === undefined ? { type: "string" as const, minLength: 1 } : { type: "string" as const, enum: [...values] };
    return { description, anyOf: [item, { type: "array" as const, items: item, minItems: 1 }] };
};

const configSchema: PolicyConfigSchema = {
    properties: {
        ownerType: oneOrMoreStrings("Allowed owner type(s): user, service_account.", ["user", "service_account"]),
        ownerId: oneOrMoreStrings("Allowed owner id(s), user_... or sa_...."),
        ownerName: oneOrMoreStrings("Allowed owner name(s)."),
        ownerRole: oneOrMoreStrings("Allowed owner role(s), e.g. owner."),
        notExpired: { type: "boolean", default: true, description: "Refuse keys that have expired." },
        minDaysToExpiry: { type: "number", minimum: 0, description: "Refuse keys that expire within this many days." },
        usedWithinDays: { type: "number", minimum: 0, description: "Refuse keys not used within this many days." },
    },
};

/** The key metadata in a resource's outputs; null fields where the outputs are not known yet. */
function metadataOf(resource: PolicyResource): AdminApiKeyMetadata | undefined {
    const props: Partial<Record<keyof AdminApiKeyMetadata, unknown>> = resource.props;
    const owner = props.owner as Partial<AdminApiKeyOwner> | null | undefined;
    if (typeof props.createdAt !== "number" || owner === null || owner === undefined) {
        // A key being created is not known until the update; the update's check sees it.
        return undefined;
    }
    return {
        // A stack policy sees no resource ids; the resource name stands in (only messages use it).
        id: resource.name,
        name: typeof props.name === "string" ? props.name : null,
        redactedValue: typeof props.redactedValue === "string" ? props.redactedValue : "",
        createdAt: props.createdAt,
        expiresAt: typeof props.expiresAt === "number" ? props.expiresAt : null,
        lastUsedAt: typeof props.lastUsedAt === "number" ? props.lastUsedAt : null,
        owner: {
            id: owner.id ?? null,
            name: owner.name ?? null,
            type: owner.type ?? null,
            role: owner.role ?? null,
            object: owner.object ?? null,
            createdAt: owner.createdAt ?? null,
        },
    };
}

/**
 * Creates the stack policy that holds the `AdminApiKey` resources of a stack to the
 * organization's rules (the policy's config: any {@link AdminApiKeyExpectations}). The engine
 * runs stack policies on the final outputs of the resources an update registers: keys created
 * with `new AdminApiKey`. Keys read with `AdminApiKey.get` are not passed to policies (seen
 * with Pulumi v3.259); hold those to rules with the `expect` option, which the provider checks.
 *
 * @param nowSeconds the clock, Unix seconds (tests pass a fixed one)
 * @returns the policy, mandatory by default
 *
 * @example
 * new PolicyPack("openai-admin-keys", { policies: [adminApiKeyPolicy()] });
 */
export function adminApiKeyPolicy(nowSeconds: () => number = () => Date.now() / 1000): StackValidationPolicy {
    return {
        name: "openai-admin-api-key-rules",
        description: "OpenAI admin API keys must be owned by the allowed principals and must not be expired or about to expire.",
        enforcementLevel: "mandatory",
        configSchema,
        validateStack: (args, reportViolation) => {
            const config = args.getConfig<Record<string, unknown>>();
            const rules: AdminApiKeyExpectations = validateExpectations(
                { operation: "read policy config of openai-admin-api-key-rules" },
                Object.fromEntries(EXPECTATION_NAMES.filter((name) => config[name] !== undefined).map((name) => [name, config[name]])),
            );
            for (const resource of args.resources.filter((r) => r.type === ADMIN_API_KEY_TYPE)) {
                const key = metadataOf(resource);
                if (key === undefined) {
                    continue;
                }
                for (const failure of evaluateExpectations(key, rules, nowSeconds())) {
                    reportViolation(`AdminApiKey "${resource.name}": ${failure.expectation}: ${failure.message}`, resource.urn);
                }
            }
        },
    };
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Creates the resource policy that checks a key's lifetime before it is created: keys must
 * expire (`requireExpiry`, default true) and live at most `maxDaysToLive` days (default 90).
 * It runs on the inputs of `new AdminApiKey`, so a violation stops the preview.
 *
 * @returns the policy, mandatory by default
 *
 * @example
 * new PolicyPack("openai-admin-keys", { policies: [adminApiKeyLifetimePolicy()] });
 */
export function adminApiKeyLifetimePolicy(): ResourceValidationPolicy {
    return {
        name: "openai-admin-api-key-lifetime",
        description: "OpenAI admin API keys created by Pulumi must expire, and not too far in the future.",
        enforcementLevel: "mandatory",
        configSchema: {
            properties: {
                requireExpiry: { type: "boolean", default: true, description: "Refuse keys that never expire." },
                maxDaysToLive: { type: "number", minimum: 0, default: 90, description: "Longest lifetime allowed, in days." },
            },
        },
        validateResource: (args, reportViolation) => {
            // Only keys being created carry a name input; keys read with get carry none.
            if (args.type !== ADMIN_API_KEY_TYPE || args.props["name"] === undefined) {
                return;
            }
            const { requireExpiry = true, maxDaysToLive = 90 } = args.getConfig<{ requireExpiry?: boolean; maxDaysToLive?: number }>();
            const lifetime: unknown = args.props["expiresInSeconds"];
            if (typeof lifetime !== "number") {
                if (requireExpiry && lifetime === undefined) {
                    reportViolation(`AdminApiKey "${args.name}" never expires; set expiresInSeconds to at most ${maxDaysToLive} days`);
                }
                return;
            }
            if (lifetime > maxDaysToLive * DAY_SECONDS) {
                reportViolation(
                    `AdminApiKey "${args.name}" lives ${(lifetime / DAY_SECONDS).toFixed(1)} days; at most ${maxDaysToLive} days are allowed`,
                );
            }
        },
    };
}
