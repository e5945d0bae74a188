import * as assert from "node:assert/strict";
import { getProjectApiKeysOutput, ProjectApiKey } from "../../provider";
import { stateResources, TestStack, withEmulatorStacks } from "./harness";
import { DependsOnKey } from "./testResources";

describe("ProjectApiKey gates on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();
    const stackWith = (program: () => Promise<Record<string, unknown>>) => suite.stackWith(program, "env");
    const dependents = async (t: TestStack) => (await stateResources(t)).filter((r) => r.type.includes("DependsOnKey"));

    it("stops up before a dependent is created when a project key belongs to a user, not a service account", async () => {
        const t = await stackWith(async () => {
            const key = ProjectApiKey.get("storefront-key", "proj_web/key_web_alice", { expect: { ownerType: "service_account" } });
            return { used: new DependsOnKey("uses-key", { keyId: key.keyId }).keyId };
        });
        const error = await t
            .run((onOutput) => t.stack.up({ onOutput }))
            .then(
                () => assert.fail("up should fail"),
                (e: unknown) => String(e),
            );
        assert.match(
            error,
            /error: (?:Preview failed: )?project API key "proj_web\/key_web_alice" fails 1 expectation: ownerType: owner type is "user", expected "service_account"/,
        );
        assert.deepEqual(await dependents(t), [], "the dependent was never created");
    });

    it("stops up when any key of the project fails the list-level gate, naming each", async () => {
        const t = await stackWith(async () => {
            const keys = getProjectApiKeysOutput({ projectId: "proj_web", expect: { ownerType: "service_account" } }).keys;
            return { used: new DependsOnKey("uses-keys", { keyId: keys.apply((all) => all.map((k) => k.id).join(",")) }).keyId };
        });
        const error = await t
            .run((onOutput) => t.stack.up({ onOutput }))
            .then(
                () => assert.fail("up should fail"),
                (e: unknown) => String(e),
            );
        assert.match(
            error,
            /2 of the project API keys of proj_web fail their expectations: "proj_web\/key_web_alice" \(ownerType: .*\), "proj_web\/key_web_bob"/,
        );
        assert.deepEqual(await dependents(t), []);
    });
});
