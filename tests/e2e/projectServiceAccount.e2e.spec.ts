import * as assert from "node:assert/strict";
import { ProjectServiceAccount } from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const TYPE = "pulumi-nodejs:dynamic/openai:ProjectServiceAccount";

describe("Managed ProjectServiceAccount on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("creates an account with its role and a secret apiKey, renames it in place, refreshes a change outside, deletes it", async () => {
        let name = "release-bot";
        const t = await suite.stackWith(async () => {
            const bot = new ProjectServiceAccount("bot", { projectId: "proj_web", name, role: "owner" });
            return { id: bot.id, apiKey: bot.apiKey, apiKeyId: bot.apiKeyId, role: bot.role };
        }, "env");
        const accounts = () => suite.emulator().objects("ProjectServiceAccount");

        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const id = String(up.outputs["id"]?.value);
        assert.equal(accounts().get(id)?.["role"], "owner", "the role is applied at create");
        assert.equal(up.outputs["apiKey"]?.secret, true);
        const apiKey = String(up.outputs["apiKey"]?.value);
        assert.match(apiKey, /^sk-svcacct-/);
        assert.match(String(up.outputs["apiKeyId"]?.value), /^key_/);
        for (const [where, text] of Object.entries({ state: await t.stateFiles(), printed: t.printed.join("\n") })) {
            assert.ok(!text.includes(apiKey), `the API key appears in ${where}`);
        }

        name = "release-bot v2";
        const renamed = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(renamed.stdout, /~\s+pulumi-nodejs:dynamic\/openai:ProjectServiceAccount bot updated \([\d.]+s\) \[diff: ~name\]/);
        assert.equal(renamed.outputs["id"]?.value, id, "updated in place");
        assert.equal(accounts().get(id)?.["name"], "release-bot v2");
        assert.equal(renamed.outputs["apiKey"]?.value, apiKey, "the key survives the update");

        accounts().set(id, { ...accounts().get(id)!, role: "member" });
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        const [refreshed] = await stateResources(t, TYPE);
        assert.equal(refreshed?.outputs?.["role"], "member");

        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(accounts().has(id), false);
        assert.deepEqual(await stateResources(t, TYPE), []);
    });
});
