import * as assert from "node:assert/strict";
import { EndpointLimiter, limiterFor } from "../../provider/core/rateLimiter";
import { fakeClock } from "../helpers/fakeClock";

describe("EndpointLimiter", () => {
    it("lets at most maxConcurrent requests through at once", async () => {
        const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 2 }, fakeClock());
        const first = await limiter.acquire();
        const second = await limiter.acquire();
        let thirdIn = false;
        const third = limiter.acquire().then((release) => {
            thirdIn = true;
            return release;
        });
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(thirdIn, false, "the third waits");
        first();
        (await third)();
        assert.equal(thirdIn, true);
        second();
    });

    it("allows a burst of requestsPerMinute, then one request per 60/requestsPerMinute seconds", async () => {
        const clock = fakeClock();
        const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 100, requestsPerMinute: 10 }, clock);
        const started = clock.now();
        const times: number[] = [];
        for (let i = 0; i < 13; i++) {
            (await limiter.acquire())();
            times.push(clock.now() - started);
        }
        assert.deepEqual(times, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6000, 12000, 18000]);
    });

    it("holds every request to the endpoint after a 429, and says why", async () => {
        const clock = fakeClock();
        const waits: string[] = [];
        const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 4, requestsPerMinute: 1000 }, clock);
        limiter.rateLimited(clock.now() + 30_000, clock.now());
        const started = clock.now();
        (await limiter.acquire((ms, reason) => waits.push(`${ms} ms: ${reason}`)))();
        assert.equal(clock.now() - started, 30_000);
        assert.deepEqual(waits, ["30000 ms: rate limited by the API (429)"]);
        assert.equal(limiter.pace, 1000, "a configured pace stays");
    });

    it("learns the pace from the first 429 when none is configured, and slows on a later one", async () => {
        const clock = fakeClock();
        const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 100 }, clock);
        const sentBefore = clock.now();
        for (let i = 0; i < 8; i++) {
            (await limiter.acquire())();
        }
        assert.equal(limiter.pace, undefined, "no pacing before a 429");
        await clock.sleep(100);
        limiter.rateLimited(clock.now() + 1000, sentBefore);
        assert.equal(limiter.pace, 7, "8 sent in the last minute, 1 refused");
        limiter.rateLimited(clock.now() + 1000, sentBefore);
        assert.equal(limiter.pace, 7, "a refusal of a request sent before the pace changes nothing");
        const started = clock.now();
        (await limiter.acquire())();
        (await limiter.acquire())();
        assert.ok(Math.abs(clock.now() - started - (2 * 60_000) / 7) <= 2, `${clock.now() - started} ms for two`);
        limiter.rateLimited(clock.now(), clock.now());
        assert.equal(limiter.pace, 6, "a tenth slower");
    });

    it("does not pace after a 429 with nothing accepted to learn from", () => {
        const clock = fakeClock();
        const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 1 }, clock);
        limiter.rateLimited(clock.now() + 1000, clock.now());
        assert.equal(limiter.pace, undefined);
    });

    it("is shared per API root and endpoint", () => {
        const registry = new Map();
        const clock = fakeClock();
        const a = limiterFor(registry, "https://api.openai.com/v1", "GET /k/{id}", { maxConcurrent: 1 }, clock);
        assert.equal(limiterFor(registry, "https://api.openai.com/v1", "GET /k/{id}", { maxConcurrent: 1 }, clock), a);
        assert.notEqual(limiterFor(registry, "https://api.openai.com/v1", "GET /k", { maxConcurrent: 1 }, clock), a);
        assert.notEqual(limiterFor(registry, "http://127.0.0.1:1/v1", "GET /k/{id}", { maxConcurrent: 1 }, clock), a);
    });
});
