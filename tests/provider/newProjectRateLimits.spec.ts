import * as assert from "node:assert/strict";
import { projectLimits } from "../../provider/emulator/resources/projectRateLimits";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

describe("Rate limits of a project the stack creates (emulator)", () => {
    let emulator: AdminApiEmulator;
    let serializedText: string;

    before(async () => {
        serializedText = (await serializeProvider(dynamicProvider)).text;
    });
    beforeEach(async () => {
        emulator = await startEmulator();
    });
    afterEach(() => emulator.close());

    async function providerFor(type: string) {
        const provider = asResource(loadProvider(serializedText), type, "managed");
        await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
        return provider;
    }

    it("gives a new project every model's limit, which a ProjectRateLimit sets and puts back", async () => {
        const project = await (await providerFor("Project")).create({ name: "Checkout" });
        const limits = [...emulator.objects("ProjectRateLimit")].filter(([id]) => id.startsWith(`${project.id}/`));
        assert.deepEqual(
            limits.map(([id, limit]) => [id, limit]),
            projectLimits().map((limit) => [`${project.id}/${limit.id}`, limit]),
        );

        const rateLimits = await providerFor("ProjectRateLimit");
        const taken = await rateLimits.create({ projectId: project.id, model: "gpt-4o-mini", maxRequestsPer1Minute: 500 });
        assert.equal(taken.id, `${project.id}/rl-gpt-4o-mini`);
        assert.equal(emulator.objects("ProjectRateLimit").get(taken.id)?.["max_requests_per_1_minute"], 500);

        await rateLimits.delete(taken.id, taken.outs ?? {});
        assert.deepEqual(
            emulator.objects("ProjectRateLimit").get(taken.id),
            projectLimits().find((limit) => limit.model === "gpt-4o-mini"),
            "delete puts back the limits the project was created with",
        );
    });

    it("gives nothing to a project the emulator refuses", async () => {
        const before = emulator.objects("ProjectRateLimit").size;
        const response = await fetch(`${emulator.baseUrl}/organization/projects`, {
            method: "POST",
            headers: { authorization: `Bearer ${emulator.adminKey}`, "content-type": "application/json" },
            body: JSON.stringify({ name: "" }),
        });
        assert.equal(response.status, 400);
        assert.equal(emulator.objects("ProjectRateLimit").size, before);
    });
});
