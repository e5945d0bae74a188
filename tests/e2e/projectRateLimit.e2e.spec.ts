import * as assert from "node:assert/strict";
import { ProjectRateLimit } from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const RATE_LIMIT_TYPE = "pulumi-nodejs:dynamic/openai:ProjectRateLimit";

describe("ProjectRateLimit on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();
    const stackWith = (program: () => Promise<Record<string, unknown>>) => suite.stackWith(program, "env");
    const stored = (id: string) => suite.emulator().objects("ProjectRateLimit").get(id);

    it("takes over a model's limits, changes them in place, and puts back what it found on destroy", async () => {
        const found = structuredClone(stored("proj_web/rl-gpt-4o"));
        let limits = { maxRequestsPer1Minute: 500, maxTokensPer1Minute: 200_000 };
        const t = await stackWith(async () => {
            const limit = new ProjectRateLimit("web-gpt-4o", { projectId: "proj_web", model: "gpt-4o", ...limits });
            return { id: limit.id, rpm: limit.maxRequestsPer1Minute };
        });
        const first = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(first.outputs["id"]?.value, "proj_web/rl-gpt-4o");
        assert.deepEqual(stored("proj_web/rl-gpt-4o"), { ...found, max_requests_per_1_minute: 500, max_tokens_per_1_minute: 200_000 });

        limits = { maxRequestsPer1Minute: 800, maxTokensPer1Minute: 200_000 };
        const preview = await t.run((onOutput) => t.stack.preview({ onOutput }));
        assert.match(
            preview.stdout,
            /~\s+pulumi-nodejs:dynamic\/openai:ProjectRateLimit\s+web-gpt-4o\s+update\s+\[diff: ~maxRequestsPer1Minute\]/,
        );
        const second = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(second.outputs["rpm"]?.value, 800);
        assert.equal(stored("proj_web/rl-gpt-4o")?.["max_requests_per_1_minute"], 800);

        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.deepEqual(stored("proj_web/rl-gpt-4o"), found, "every value is back as it was found");
        assert.deepEqual(await stateResources(t, RATE_LIMIT_TYPE), []);
        assert.equal(
            suite.emulator().requests.filter((r) => r.method === "POST").length,
            3,
            "set, update, put back: no create or delete exists",
        );
    });
});
