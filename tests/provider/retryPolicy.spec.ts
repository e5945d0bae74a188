import * as assert from "node:assert/strict";
import { FailedExchange, retryDelayMs, shouldRetry } from "../../provider/core/retryPolicy";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const clock = (random = 0) => ({ now: () => NOW, random: () => random });
const failure = (status: number | undefined, headers: Record<string, string> = {}): FailedExchange => ({ status, headers });

describe("shouldRetry", () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504]) {
        it(`retries HTTP ${status}`, () => assert.equal(shouldRetry(failure(status)), true));
    }
    for (const status of [400, 401, 403, 404, 422]) {
        it(`does not retry HTTP ${status}`, () => assert.equal(shouldRetry(failure(status)), false));
    }
    it("retries when no response arrived (connection error or timeout)", () => {
        assert.equal(shouldRetry(failure(undefined)), true);
    });
    it("retries a create only when the server certainly did nothing", () => {
        for (const status of [408, 409, 429]) {
            assert.equal(shouldRetry({ status, headers: {}, method: "post" }), true, `POST ${status}`);
        }
        for (const status of [undefined, 500, 502, 503]) {
            assert.equal(shouldRetry({ status, headers: {}, method: "post" }), false, `POST ${status}`);
        }
        assert.equal(shouldRetry({ status: 500, headers: { "x-should-retry": "true" }, method: "post" }), true);
        assert.equal(shouldRetry({ status: undefined, headers: {}, method: "delete" }), true);
    });
    it("obeys x-should-retry over the status", () => {
        assert.equal(shouldRetry(failure(500, { "x-should-retry": "false" })), false);
        assert.equal(shouldRetry(failure(400, { "x-should-retry": "true" })), true);
    });
});

describe("retryDelayMs", () => {
    it("doubles from 0.5 s and stops at 8 s without jitter", () => {
        const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, failure(503), clock(0)));
        assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 8000, 8000]);
    });
    it("after a 429 without retry headers, doubles from 1 s and stops at a minute", () => {
        const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, failure(429), clock(0)));
        assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
        assert.ok(delays.slice(0, 6).reduce((sum, ms) => sum + ms, 0) > 60_000, "six retries outlast a minute-long window");
    });
    it("takes at most 25% off for jitter", () => {
        assert.equal(retryDelayMs(1, failure(500), clock(0.999999)), 375);
        assert.equal(retryDelayMs(5, failure(500), clock(0.5)), 7000);
    });
    it("obeys retry-after-ms", () => {
        assert.equal(retryDelayMs(1, failure(429, { "retry-after-ms": "1234" }), clock()), 1234);
    });
    it("obeys retry-after in seconds", () => {
        assert.equal(retryDelayMs(3, failure(429, { "retry-after": "7" }), clock()), 7000);
    });
    it("obeys retry-after as an HTTP date", () => {
        const inTwelveSeconds = new Date(NOW + 12_000).toUTCString();
        assert.equal(retryDelayMs(1, failure(503, { "retry-after": inTwelveSeconds }), clock()), 12_000);
    });
    it("falls back to backoff when the server asks for more than 60 s or for nonsense", () => {
        assert.equal(retryDelayMs(2, failure(429, { "retry-after": "3600" }), clock()), 2000);
        assert.equal(retryDelayMs(2, failure(429, { "retry-after": "tomorrow-ish" }), clock()), 2000);
        assert.equal(retryDelayMs(2, failure(503, { "retry-after-ms": "-5" }), clock()), 1000);
    });
});
