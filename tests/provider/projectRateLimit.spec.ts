import * as assert from "node:assert/strict";
import { projectRateLimits } from "../../provider/api/organization/projects/rateLimits";
import { AdminApiEmulator } from "../helpers/emulator";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource } from "../helpers/providers";
import { providerAgainstEmulator } from "../helpers/providerSuite";

describe("ProjectRateLimit", () => {
    const current = providerAgainstEmulator("ProjectRateLimit");
    let emulator: AdminApiEmulator;
    let provider: ReturnType<typeof asResource>;
    beforeEach(() => {
        ({ emulator, provider } = current());
    });

    const stored = (id: string) => emulator.objects("ProjectRateLimit").get(id);
    const calls = () => emulator.requests.map((r) => `${r.method} ${r.path} ${r.body === undefined ? "" : JSON.stringify(r.body)}`.trim());
    const LIST = "GET /v1/organization/projects/proj_web/rate_limits?limit=100";
    const ITEM = "POST /v1/organization/projects/proj_web/rate_limits/rl-gpt-4o";

    it("maps every seeded wire object to the outputs it declares", () => {
        const seeded = [...emulator.objects("ProjectRateLimit").values()];
        assert.ok(seeded.length >= 4);
        for (const wire of seeded) {
            const parsed = projectRateLimits.wire().parse(wire);
            assert.deepEqual(projectRateLimits.outputs().parse(projectRateLimits.toPublic(parsed)), projectRateLimits.toPublic(parsed));
        }
    });

    it("takes over the model's rate limit on create, sets the limits given, and keeps what it found", async () => {
        const found = structuredClone(stored("proj_web/rl-gpt-4o"));
        const created = await provider.create({ projectId: "proj_web", model: "gpt-4o", maxRequestsPer1Minute: 500 });
        assert.equal(created.id, "proj_web/rl-gpt-4o");
        assert.equal(created.outs?.["maxRequestsPer1Minute"], 500);
        assert.equal(created.outs?.["maxTokensPer1Minute"], 30_000_000, "a limit not given is left as it was");
        assert.equal(created.outs?.["rateLimitId"], "rl-gpt-4o");
        assert.equal(created.outs?.["projectId"], "proj_web");
        assert.deepEqual(
            (created.outs?.["original"] as Record<string, unknown>)["maxRequestsPer1Minute"],
            found?.["max_requests_per_1_minute"],
        );
        assert.deepEqual(stored("proj_web/rl-gpt-4o"), { ...found, max_requests_per_1_minute: 500 });
        assert.deepEqual(calls(), [LIST, `${ITEM} {"max_requests_per_1_minute":500}`]);
        assert.equal(stored("proj_default/rl-gpt-4o")?.["max_requests_per_1_minute"], 10_000, "other projects are untouched");
    });

    it("updates in place, and on delete puts back exactly what it found", async () => {
        const found = structuredClone(stored("proj_web/rl-dall-e-3"));
        const args = { projectId: "proj_web", model: "dall-e-3", maxImagesPer1Minute: 5 };
        const created = await provider.create(args);
        const news = { ...args, maxImagesPer1Minute: 7, maxRequestsPer1Minute: 100 };
        assert.deepEqual(await provider.diff(created.id, created.outs, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        const updated = await provider.update(created.id, created.outs, news);
        assert.equal(updated.outs?.["maxImagesPer1Minute"], 7);
        assert.deepEqual(updated.outs?.["original"], created.outs?.["original"], "the original values survive updates");
        assert.deepEqual(stored("proj_web/rl-dall-e-3"), { ...found, max_images_per_1_minute: 7, max_requests_per_1_minute: 100 });

        await provider.delete(created.id, updated.outs);
        assert.deepEqual(stored("proj_web/rl-dall-e-3"), found);
        assert.deepEqual(
            calls().at(-1),
            `POST /v1/organization/projects/proj_web/rate_limits/rl-dall-e-3 ${JSON.stringify({
                max_requests_per_1_minute: 10_000,
                max_tokens_per_1_minute: 0,
                max_images_per_1_minute: 50,
            })}`,
        );
    });

    it("sends no update when the limit already has the values asked for, and still puts them back on delete", async () => {
        const created = await provider.create({ projectId: "proj_web", model: "whisper-1", maxAudioMegabytesPer1Minute: 200 });
        assert.deepEqual(calls(), [LIST]);
        assert.deepEqual(
            await provider.diff(created.id, created.outs, { projectId: "proj_web", model: "whisper-1", maxAudioMegabytesPer1Minute: 200 }),
            {
                changes: false,
                replaces: [],
                deleteBeforeReplace: false,
            },
        );
        await provider.delete(created.id, created.outs);
        assert.equal(stored("proj_web/rl-whisper-1")?.["max_audio_megabytes_per_1_minute"], 200);
    });

    it("replaces the resource when its model or project changes", async () => {
        const olds = { projectId: "proj_web", model: "gpt-4o", maxRequestsPer1Minute: 500 };
        assert.deepEqual(await provider.diff("proj_web/rl-gpt-4o", olds, { ...olds, model: "gpt-4o-mini" }), {
            changes: true,
            replaces: ["model"],
            deleteBeforeReplace: false,
        });
        assert.deepEqual((await provider.diff("proj_web/rl-gpt-4o", olds, { ...olds, projectId: "proj_default" })).replaces, ["projectId"]);
    });

    it("picks up a change made outside Pulumi on refresh, keeping the original values; forgets a limit that is gone", async () => {
        const created = await provider.create({ projectId: "proj_web", model: "gpt-4o", maxRequestsPer1Minute: 500 });
        stored("proj_web/rl-gpt-4o")!["max_requests_per_1_minute"] = 123;
        const read = await provider.read(created.id, created.outs);
        assert.equal(read.id, created.id);
        assert.equal(read.props?.["maxRequestsPer1Minute"], 123);
        assert.deepEqual(read.props?.["original"], created.outs?.["original"]);
        assert.deepEqual(
            await provider.diff(created.id, read.props, { projectId: "proj_web", model: "gpt-4o", maxRequestsPer1Minute: 500 }),
            {
                changes: true,
                replaces: [],
                deleteBeforeReplace: false,
            },
        );
        emulator.objects("ProjectRateLimit").delete("proj_web/rl-gpt-4o");
        assert.deepEqual(await provider.read(created.id, created.outs), { id: "" });
        await provider.delete(created.id, created.outs);
        assert.equal(emulator.requests.at(-1)?.status, 404, "a limit that is gone counts as put back");
    });

    it("refuses a model without a rate limit in the project, naming it and the models that have one, before changing anything", async () => {
        const error = await rejectionOf(() => provider.create({ projectId: "proj_web", model: "gpt-4.5-turbo", maxRequestsPer1Minute: 1 }));
        assert.equal(
            error.message,
            'find project rate limit "gpt-4.5-turbo" failed: the API cannot create project rate limits, and proj_web has none with model "gpt-4.5-turbo"; the models it has: gpt-4o, gpt-4o-mini, dall-e-3, whisper-1',
        );
        assert.deepEqual(calls(), [LIST], "only the list was read");
    });

    it("refuses bad limits against their property before anything is sent", async () => {
        const cases: Array<[Record<string, unknown>, string, string]> = [
            [{ model: "gpt-4o", maxRequestsPer1Minute: -1 }, "maxRequestsPer1Minute", "must not be negative"],
            [{ model: "gpt-4o", maxTokensPer1Minute: 1.5 }, "maxTokensPer1Minute", "must be a whole number"],
            [{ model: "gpt-4o", maxImagesPer1Minute: "10" }, "maxImagesPer1Minute", "must be a number"],
            [{ model: " " }, "model", "must not be empty"],
            [{ model: "gpt-4o", maxRequestsPerMinute: 10 }, "maxRequestsPerMinute", "is not a known argument"],
            [{ model: "gpt-4o", adopt: { byName: false } }, "adopt", 'must be { id: "<existing id>" } or { byName: true }'],
        ];
        for (const [inputs, property, reason] of cases) {
            const { failures } = await provider.check({}, { projectId: "proj_web", ...inputs });
            assert.deepEqual(failures?.[0], { property, reason }, JSON.stringify(inputs));
        }
        const error = await rejectionOf(() => provider.create({ projectId: "proj_web", model: "gpt-4o", maxRequestsPer1Minute: -5 }));
        assert.equal(error.message, "adopt project rate limit refused before sending: maxRequestsPer1Minute must not be negative");
        assert.equal(emulator.requests.length, 0);
    });

    it("is refused by the emulator, as by the API, for a negative limit or an unknown field, and the limit stays as it was", async () => {
        const post = (body: object) =>
            fetch(`${emulator.baseUrl}/organization/projects/proj_web/rate_limits/rl-gpt-4o`, {
                method: "POST",
                headers: { authorization: `Bearer ${emulator.adminKey}`, "content-type": "application/json" },
                body: JSON.stringify(body),
            });
        const negative = await post({ max_requests_per_1_minute: -1 });
        const unknown = await post({ max_requests_per_minute: 1 });
        assert.equal(unknown.status, 400);
        assert.equal(negative.status, 400);
        assert.match(((await negative.json()) as { error: { message: string } }).error.message, /max_requests_per_1_minute/);
        assert.equal(stored("proj_web/rl-gpt-4o")?.["max_requests_per_1_minute"], 10_000);
    });

    describe("getProjectRateLimit and getProjectRateLimits", () => {
        const deps = () => emulatorDependencies(emulator, fakeClock());

        it("lists a project's limits, one per model, and finds one by model or by id", async () => {
            const { rateLimits } = await fetchMany(projectRateLimits, { projectId: "proj_default" }, deps());
            assert.deepEqual(
                rateLimits?.map((l) => l.model),
                ["gpt-4o", "gpt-4o-mini", "dall-e-3", "whisper-1"],
            );
            const byModel = await fetchOne(projectRateLimits, { projectId: "proj_default", model: "dall-e-3" }, deps());
            assert.equal(byModel.maxImagesPer1Minute, 50);
            assert.equal(byModel.maxAudioMegabytesPer1Minute, null);
            const byId = await fetchOne(projectRateLimits, { projectId: "proj_default", rateLimitId: "rl-whisper-1" }, deps());
            assert.equal(byId.maxAudioMegabytesPer1Minute, 200);
        });

        it("names a model without a rate limit, with the nearest names", async () => {
            const error = await rejectionOf(() => fetchOne(projectRateLimits, { projectId: "proj_default", model: "GPT-4o " }, deps()));
            assert.match(
                error.message,
                /no limit has that model among the 4 limits of proj_default; limits with nearly that model: rl-gpt-4o \("gpt-4o"\)/,
            );
        });
    });
});
