import * as assert from "node:assert/strict";
import { AdminApiKey, getAdminApiKeyOutput, getAdminApiKeysOutput } from "../../provider";
import { stateResources, TestStack, withEmulatorStacks } from "./harness";
import { DependsOnKey } from "./testResources";

describe("Lists, lookups by name and expectations on the real Pulumi engine", () => {
    const { emulator: current, stackWith } = withEmulatorStacks();

    const resourceTypes = async (t: TestStack) => (await stateResources(t)).map((r) => r.type);

    it("stops preview and up when a key fails its expectations, before what depends on it is created", async () => {
        const t = await stackWith(async () => {
            const key = AdminApiKey.get("deploy-key", "key_user_owned", { expect: { ownerType: "service_account", ownerRole: "owner" } });
            const user = new DependsOnKey("uses-key", { keyId: key.id });
            return { used: user.keyId };
        });
        for (const operation of ["preview", "up"] as const) {
            const error = await t
                .run<{ stdout: string; stderr: string }>((onOutput) =>
                    operation === "preview" ? t.stack.preview({ onOutput }) : t.stack.up({ onOutput }),
                )
                .then(
                    () => assert.fail(`${operation} should fail`),
                    (e: unknown) => String(e),
                );
            assert.match(
                error,
                /error: (?:Preview failed: )?admin API key "key_user_owned" fails 1 expectation: ownerType: owner type is "user", expected "service_account"/,
                operation,
            );
        }
        assert.ok(!(await resourceTypes(t)).includes("pulumi-nodejs:dynamic/e2e:DependsOnKey"), "the dependent was not created");
    });

    it("lets the deploy go on when the key meets its expectations", async () => {
        const t = await stackWith(async () => {
            const key = AdminApiKey.get("deploy-key", "key_service_account", {
                expect: { ownerType: "service_account", ownerId: "sa_ci_bot", notExpired: true, minDaysToExpiry: 20 },
            });
            const user = new DependsOnKey("uses-key", { keyId: key.id });
            return { used: user.keyId };
        });
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(up.outputs["used"]?.value, "key_service_account");
    });

    it("lists and filters keys, and finds one by name, from a program", async () => {
        const t = await stackWith(async () => ({
            all: getAdminApiKeysOutput().keys.apply((keys) => keys.map((k) => k.id)),
            expired: getAdminApiKeysOutput({ expired: true }).keys.apply((keys) => keys.map((k) => k.id)),
            byName: getAdminApiKeyOutput({ name: "CI deploy key", expect: { ownerType: "service_account" } }).id,
        }));
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.deepEqual(up.outputs["all"]?.value, [...current().keys.keys()]);
        assert.deepEqual(up.outputs["expired"]?.value, ["key_expired"]);
        assert.equal(up.outputs["byName"]?.value, "key_service_account");
    });
});
