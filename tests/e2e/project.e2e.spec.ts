import * as assert from "node:assert/strict";
import { Project } from "../../provider";
import { stateResources, TestStack, withEmulatorStacks } from "./harness";
import { DependsOnKey } from "./testResources";

const PROJECT_TYPE = "pulumi-nodejs:dynamic/openai:Project";

describe("Project on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();
    const stackWith = (program: () => Promise<Record<string, unknown>>) => suite.stackWith(program, "env");
    const stored = (id: string) => suite.emulator().objects("Project").get(id);
    const projectIds = async (t: TestStack) => (await stateResources(t, PROJECT_TYPE)).map((r) => r.id ?? "");

    it("creates, renames in place, replaces on a new residency, and archives on destroy", async () => {
        let args: { name: string; residency?: "GLOBAL" | "EU_STORAGE_PROCESSING" } = { name: "Checkout" };
        const t = await stackWith(async () => ({ id: new Project("checkout", args).id }));
        const first = await t.run((onOutput) => t.stack.up({ onOutput }));
        const id = String(first.outputs["id"]?.value);
        assert.equal(stored(id)?.["name"], "Checkout");

        args = { name: "Checkout v2" };
        const preview = await t.run((onOutput) => t.stack.preview({ onOutput }));
        assert.match(preview.stdout, /~\s+pulumi-nodejs:dynamic\/openai:Project\s+checkout\s+update\s+\[diff: ~name\]/);
        const renamed = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(renamed.outputs["id"]?.value, id, "renamed in place");
        assert.equal(stored(id)?.["name"], "Checkout v2");

        args = { name: "Checkout v2", residency: "EU_STORAGE_PROCESSING" };
        const replaced = await t.run((onOutput) => t.stack.up({ onOutput }));
        const newId = String(replaced.outputs["id"]?.value);
        assert.notEqual(newId, id);
        assert.equal(stored(id)?.["status"], "archived", "the replaced project is archived, after its successor exists");
        assert.equal(stored(newId)?.["residency"], "EU_STORAGE_PROCESSING");

        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(stored(newId)?.["status"], "archived");
        assert.deepEqual(await projectIds(t), []);
    });

    it("picks up a rename made outside Pulumi on refresh, and forgets a project archived outside", async () => {
        const t = await stackWith(async () => ({ a: new Project("a", { name: "A" }).id, b: new Project("b", { name: "B" }).id }));
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const [a, b] = [String(up.outputs["a"]?.value), String(up.outputs["b"]?.value)];
        stored(a)!["name"] = "A (renamed by hand)";
        stored(b)!["status"] = "archived";
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        const resources = await stateResources(t, PROJECT_TYPE);
        assert.deepEqual(
            resources.map((r) => [r.id, r.outputs?.["name"]]),
            [[a, "A (renamed by hand)"]],
        );
        // The next up puts the name back, in place.
        await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(stored(a)?.["name"], "A");
    });

    it("adopts an existing project by name, manages it, and archives it on destroy", async () => {
        const t = await stackWith(async () => ({
            id: new Project("web", { name: "Web storefront", externalKeyId: "ekm_web", adopt: { byName: true } }).id,
        }));
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(up.outputs["id"]?.value, "proj_web");
        assert.equal(stored("proj_web")?.["external_key_id"], "ekm_web");
        assert.equal(suite.emulator().objects("Project").size, 4, "nothing new was created");
        // Adopted, it is managed like any other: with nothing changed, a preview changes nothing.
        const preview = await t.run((onOutput) => t.stack.preview({ onOutput, refresh: true }));
        assert.deepEqual(preview.changeSummary, { same: 2 });
        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(stored("proj_web")?.["status"], "archived");
    });

    it("stops the update before dependents when a project fails its expectations", async () => {
        const t = await stackWith(async () => {
            const legacy = Project.get("legacy", "proj_legacy", { expect: { status: "active" } });
            return { dependent: new DependsOnKey("uses-legacy", { keyId: legacy.id }).keyId };
        });
        const error = await t.run((onOutput) => t.stack.up({ onOutput })).catch((e: unknown) => e);
        assert.match(String(error), /project "proj_legacy" fails 1 expectation: status: status is "archived", expected "active"/);
        assert.deepEqual(
            (await stateResources(t)).filter((r) => r.type.includes("DependsOnKey")),
            [],
            "the dependent was never created",
        );
    });
});
