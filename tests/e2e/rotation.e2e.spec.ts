import * as assert from "node:assert/strict";
import { AdminApiKey } from "../../provider";
import { KEY_TYPE, stateResources, withEmulatorStacks } from "./harness";

const DAY = 24 * 60 * 60;

describe("Rotation by age on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("replaces an AdminApiKey older than rotateAfterDays, new before old, its value still secret", async () => {
        const t = await suite.stackWith(async () => {
            const key = new AdminApiKey("deploy", { name: "deploy", rotateAfterDays: 30 });
            return { id: key.id, value: key.value };
        });
        const first = await t.run((onOutput) => t.stack.up({ onOutput }));
        const oldId = String(first.outputs["id"]?.value);
        const oldValue = String(first.outputs["value"]?.value);

        // The key was made 31 days ago, as far as the API knows; a refresh brings that into
        // the state, where diff compares it with the period (no clock is faked).
        const stored = suite.emulator().keys.get(oldId);
        assert.ok(stored, "the emulator holds the key");
        suite.emulator().keys.set(oldId, { ...stored, created_at: stored.created_at - 31 * DAY });
        const before = suite.emulator().requests.length;
        const second = await t.run((onOutput) => t.stack.up({ onOutput, refresh: true }));
        assert.equal(second.summary.resourceChanges?.["replace"], 1, JSON.stringify(second.summary.resourceChanges));

        const newId = String(second.outputs["id"]?.value);
        assert.notEqual(newId, oldId);
        assert.equal(second.outputs["value"]?.secret, true);
        const newValue = String(second.outputs["value"]?.value);
        assert.match(newValue, /^sk-admin-/);
        assert.notEqual(newValue, oldValue);

        const calls = suite
            .emulator()
            .requests.slice(before)
            .map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")}`);
        const created = calls.indexOf("POST /v1/organization/admin_api_keys");
        const deleted = calls.indexOf(`DELETE /v1/organization/admin_api_keys/${oldId}`);
        assert.ok(created >= 0 && deleted > created, `create before delete: ${calls.join(", ")}`);
        assert.equal(suite.emulator().keys.has(oldId), false, "the old key is gone");
        assert.deepEqual(
            (await stateResources(t, KEY_TYPE)).map((r) => r.id),
            [newId],
        );

        const plain = [await t.stateFiles(), (await t.cli(["stack", "export"])).stdout, t.printed.join("\n")].join("\n");
        assert.ok(!plain.includes(newValue), "the new value is never plain");
        assert.ok(!plain.includes(suite.emulator().adminKey), "nor is the admin key");
    });
});
