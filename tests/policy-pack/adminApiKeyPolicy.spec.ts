import * as assert from "node:assert/strict";
import { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { ADMIN_API_KEY_TYPE, adminApiKeyLifetimePolicy, adminApiKeyPolicy } from "../../policy-pack/adminApiKeyPolicy";
import { toAdminApiKeyMetadata } from "../../provider/api/organization/adminApiKeys";
import { seedKeys } from "../helpers/emulator";

const NOW = 1_795_000_000;

/** A stack resource as the policy SDK hands it to a stack policy. */
function resource(name: string, type: string, props: Record<string, unknown>): PolicyResource {
    return {
        name,
        type,
        props,
        urn: `urn:pulumi:dev::app::${type}::${name}`,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
        dependencies: [],
        propertyDependencies: {},
    } as unknown as PolicyResource;
}

/** Every seeded emulator key as an AdminApiKey resource, plus one unrelated resource. */
function stackResources(): PolicyResource[] {
    const keys = seedKeys(NOW).map((wire) => {
        const { id, ...outputs } = toAdminApiKeyMetadata(wire);
        return resource(id, ADMIN_API_KEY_TYPE, outputs);
    });
    return [...keys, resource("bucket", "aws:s3/bucket:Bucket", { owner: { type: "user" }, createdAt: 1 })];
}

/** Runs the policy the way the policy SDK does, collecting what it reports. */
async function violations(
    config: Record<string, unknown>,
    resources = stackResources(),
): Promise<Array<{ message: string; urn?: string }>> {
    const reported: Array<{ message: string; urn?: string }> = [];
    const args: StackValidationArgs = {
        resources,
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: () => {
            throw new Error("not applicable");
        },
    };
    await adminApiKeyPolicy(() => NOW).validateStack(args, (message, urn) => reported.push({ message, urn }));
    return reported;
}

describe("the admin API key policy", () => {
    it("is mandatory and documents its config", () => {
        const policy = adminApiKeyPolicy();
        assert.equal(policy.enforcementLevel, "mandatory");
        assert.deepEqual(Object.keys(policy.configSchema?.properties ?? {}).sort(), [
            "minDaysToExpiry",
            "notExpired",
            "ownerId",
            "ownerName",
            "ownerRole",
            "ownerType",
            "usedWithinDays",
        ]);
    });

    it("reports an expired key against its URN", async () => {
        assert.deepEqual(await violations({ notExpired: true }), [
            {
                message: 'AdminApiKey "key_expired": notExpired: expired 35.0 days ago (2026-10-14 11:06 UTC), expected not expired',
                urn: `urn:pulumi:dev::app::${ADMIN_API_KEY_TYPE}::key_expired`,
            },
        ]);
    });

    it("reports every key owned by someone not allowed, and leaves other resource types alone", async () => {
        const found = await violations({ ownerType: "service_account", ownerRole: ["member", "owner"] });
        assert.deepEqual(
            found.map((v) => v.message),
            [
                'AdminApiKey "key_user_owned": ownerType: owner type is "user", expected "service_account"',
                'AdminApiKey "key_expired": ownerType: owner type is "user", expected "service_account"',
                'AdminApiKey "key_sparse": ownerType: owner type is unknown, expected "service_account"',
                'AdminApiKey "key_sparse": ownerRole: owner role is unknown, expected one of "member", "owner"',
            ],
        );
    });

    it("passes a stack whose keys meet the rules", async () => {
        assert.deepEqual(await violations({ ownerId: ["user_ada", "sa_ci_bot"] }, stackResources().slice(0, 2)), []);
    });

    it("skips a key whose outputs are not known yet (being created in a preview)", async () => {
        const pending = resource("new-key", ADMIN_API_KEY_TYPE, { name: "new" });
        assert.deepEqual(await violations({ ownerType: "service_account" }, [pending]), []);
    });

    it("refuses a config it cannot use, naming the field", async () => {
        await assert.rejects(() => violations({ ownerType: "robot" }), /ownerType is not valid/);
    });
});

describe("the admin API key lifetime policy", () => {
    /** Runs the policy on one resource's inputs the way the policy SDK does. */
    async function lifetimeViolations(
        props: Record<string, unknown>,
        config: Record<string, unknown> = {},
        type = ADMIN_API_KEY_TYPE,
    ): Promise<string[]> {
        const reported: string[] = [];
        const args = {
            type,
            name: "deploy",
            urn: `urn:pulumi:dev::app::${type}::deploy`,
            props,
            getConfig: <T extends object>() => config as T,
        } as unknown as ResourceValidationArgs;
        const validate = adminApiKeyLifetimePolicy().validateResource;
        assert.ok(validate, "a resource policy");
        for (const check of Array.isArray(validate) ? validate : [validate]) {
            await check(args, (message) => reported.push(message));
        }
        return reported;
    }

    it("refuses a key that never expires", async () => {
        assert.deepEqual(await lifetimeViolations({ name: "deploy" }), [
            'AdminApiKey "deploy" never expires; set expiresInSeconds to at most 90 days',
        ]);
    });

    it("refuses a key that lives longer than allowed", async () => {
        assert.deepEqual(await lifetimeViolations({ name: "deploy", expiresInSeconds: 100 * 86_400 }, { maxDaysToLive: 30 }), [
            'AdminApiKey "deploy" lives 100.0 days; at most 30 days are allowed',
        ]);
    });

    it("accepts a short-lived key, a never-expiring one when allowed, and keys read with get", async () => {
        assert.deepEqual(await lifetimeViolations({ name: "deploy", expiresInSeconds: 7 * 86_400 }), []);
        assert.deepEqual(await lifetimeViolations({ name: "deploy" }, { requireExpiry: false }), []);
        assert.deepEqual(await lifetimeViolations({ expect: { ownerType: "user" } }), []);
        assert.deepEqual(await lifetimeViolations({ name: "bucket" }, {}, "aws:s3/bucket:Bucket"), []);
    });
});
