import * as assert from "node:assert/strict";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest } from "../helpers/serializedProvider";

const DAY = 24 * 60 * 60;
const HOUR = 60 * 60;

// The resources that hold a one-time secret, and inputs that create one of each.
const ROTATING: ReadonlyArray<[string, Record<string, unknown>]> = [
    ["AdminApiKey", { name: "deploy" }],
    ["ProjectServiceAccount", { projectId: "proj_web", name: "release-bot" }],
];

describe("Rotation by age (rotateAfterDays)", () => {
    let emulator: AdminApiEmulator;

    beforeEach(async () => {
        emulator = await startEmulator();
    });
    afterEach(() => emulator.close());

    const providerFor = async (type: string) => {
        const provider = asResource(dynamicProvider, type, "managed");
        await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
        return provider;
    };

    for (const [type, inputs] of ROTATING) {
        describe(type, () => {
            // What the engine holds after a create with a 30-day period, aged to `ageSeconds`.
            const storedAged = async (ageSeconds: number) => {
                const provider = await providerFor(type);
                const news = { ...inputs, rotateAfterDays: 30 };
                const { id, outs } = await provider.create(news);
                assert.equal(outs?.["rotateAfterDays"], 30, "the period is kept in state");
                return { provider, id, news, olds: { ...outs, createdAt: Math.floor(Date.now() / 1000) - ageSeconds } };
            };

            it("replaces, new before old, once the object is older than the period", async () => {
                const { provider, id, news, olds } = await storedAged(30 * DAY + HOUR);
                assert.deepEqual(await provider.diff(id, olds, news), {
                    changes: true,
                    replaces: ["rotateAfterDays"],
                    deleteBeforeReplace: false,
                });
            });

            it("changes nothing while the object is younger than the period", async () => {
                const { provider, id, news, olds } = await storedAged(30 * DAY - HOUR);
                assert.deepEqual(await provider.diff(id, olds, news), { changes: false, replaces: [], deleteBeforeReplace: false });
            });

            it("replaces an old object when a period it has already outlived is first given", async () => {
                const { provider, id, olds } = await storedAged(100 * DAY);
                const { rotateAfterDays: _kept, ...withoutPeriod } = olds;
                assert.deepEqual((await provider.diff(id, withoutPeriod, { ...inputs, rotateAfterDays: 90 })).replaces, [
                    "rotateAfterDays",
                ]);
            });

            it("records a longer period without replacing a young object", async () => {
                const { provider, id, news, olds } = await storedAged(40 * DAY);
                assert.deepEqual(await provider.diff(id, olds, { ...news, rotateAfterDays: 60 }), {
                    changes: true,
                    replaces: [],
                    deleteBeforeReplace: false,
                });
            });

            for (const bad of [0, -1, Number.NaN, "30"]) {
                it(`refuses a period of ${typeof bad === "string" ? JSON.stringify(bad) : String(bad)} before sending`, async () => {
                    const provider = await providerFor(type);
                    const { failures } = await provider.check({}, { ...inputs, rotateAfterDays: bad });
                    assert.deepEqual(failures, [{ property: "rotateAfterDays", reason: "must be a number of days above 0" }]);
                    assert.deepEqual(emulator.requests, []);
                });
            }

            it("accepts a positive period", async () => {
                const provider = await providerFor(type);
                assert.deepEqual((await provider.check({}, { ...inputs, rotateAfterDays: 0.5 })).failures, []);
            });
        });
    }

    const WITHOUT_SECRETS: ReadonlyArray<[string, Record<string, unknown>, string]> = [
        ["Project", { name: "Research" }, "project"],
        ["ProjectUser", { projectId: "proj_web", userId: "user_alice", role: "member" }, "project user"],
        ["ProjectRateLimit", { projectId: "proj_web", model: "gpt-4o" }, "project rate limit"],
    ];
    for (const [type, inputs, noun] of WITHOUT_SECRETS) {
        it(`refuses a period on a ${type}, which holds no one-time secret`, async () => {
            const provider = await providerFor(type);
            const { failures } = await provider.check({}, { ...inputs, rotateAfterDays: 30 });
            assert.deepEqual(failures, [{ property: "rotateAfterDays", reason: `does not apply: a ${noun} holds no one-time secret` }]);
            assert.deepEqual(emulator.requests, []);
        });
    }
});
