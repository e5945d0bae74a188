import * as assert from "node:assert/strict";
import { toAdminApiKeyMetadata } from "../../provider/api/organization/adminApiKeys";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import {
    AuthenticationError,
    ConfigurationError,
    ConnectionError,
    InvalidInputError,
    InvalidResponseError,
    NotFoundError,
    RateLimitError,
    ServerError,
    TimeoutError,
} from "../../provider/core/errors";
import { ExpectationError } from "../../provider/api/expectations";
import { KeyLookupError } from "../../provider";
import { fetchAdminApiKey } from "../../provider/pulumi/adminApiKey";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { FakeClock, fakeClock } from "../helpers/fakeClock";

describe("getAdminApiKey against the emulator", () => {
    let emulator: AdminApiEmulator;
    let clock: FakeClock;

    beforeEach(async () => {
        emulator = await startEmulator();
        clock = fakeClock();
    });
    afterEach(() => emulator.close());

    const fetch = (keyId: unknown, env: NodeJS.ProcessEnv = {}) =>
        fetchAdminApiKey({ keyId: keyId as string }, emulatorDependencies(emulator, clock, env));
    const lastRequestId = () => emulator.requests[emulator.requests.length - 1]?.requestId ?? "(no request)";

    it("returns the key exactly as the API holds it, owner included", async () => {
        const key = await fetch("key_service_account");
        assert.deepEqual(key, toAdminApiKeyMetadata(emulator.keys.get("key_service_account")!));
        assert.equal(key.owner.type, "service_account");
        assert.equal(key.lastUsedAt, null);
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
            ["GET /v1/organization/admin_api_keys/key_service_account 200"],
        );
    });

    it("returns null for every field a sparse key lacks", async () => {
        const key = await fetch("key_sparse");
        assert.equal(key.name, null);
        assert.equal(key.expiresAt, null);
        assert.deepEqual(key.owner, { id: null, name: null, type: null, role: null, object: null, createdAt: null });
    });

    it("fails with the key id, status, OpenAI's message and request id when the key does not exist", async () => {
        const error = await rejectionOf(() => fetch("key_missing"));
        assert.ok(error instanceof NotFoundError);
        assert.equal(error.status, 404);
        assert.equal(error.requestId, lastRequestId());
        assert.equal(
            error.message,
            `retrieve admin API key "key_missing" failed: HTTP 404: No admin API key found with id 'key_missing'. [request id: ${lastRequestId()}]`,
        );
        assert.equal(emulator.requests.length, 1, "a 404 is not retried");
    });

    it("fails with a 401 that says an admin key is needed when the key is wrong", async () => {
        const error = await rejectionOf(() => fetch("key_user_owned", { OPENAI_ADMIN_KEY: "sk-admin-not-the-right-one" }));
        assert.ok(error instanceof AuthenticationError);
        assert.match(error.message, /^retrieve admin API key "key_user_owned" failed: HTTP 401: Incorrect API key provided\./);
        assert.match(error.message, /needs an admin key \(sk-admin-\.\.\.\)/);
        assert.match(error.message, new RegExp(`\\[request id: ${lastRequestId()}\\]$`));
    });

    it("retries a 429 without headers after backoff and then succeeds", async () => {
        emulator.injectFaults({ kind: "status", status: 429 });
        const key = await fetch("key_user_owned");
        assert.equal(key.id, "key_user_owned");
        assert.deepEqual(
            emulator.requests.map((r) => r.status),
            [429, 200],
        );
        assert.deepEqual(clock.sleep.args, [[1000]]);
    });

    it("keeps retrying headerless 429s past maxRetries, for longer than a minute-long window", async () => {
        emulator.injectFaults(...[1, 2, 3, 4, 5, 6].map(() => ({ kind: "status" as const, status: 429 })));
        const key = await fetch("key_user_owned", { OPENAI_MAX_RETRIES: "1" });
        assert.equal(key.id, "key_user_owned");
        assert.deepEqual(clock.sleep.args.flat(), [1000, 2000, 4000, 8000, 16000, 32000], "63 s in all");
    });

    it("waits as long as retry-after-ms says on a 429", async () => {
        emulator.injectFaults({ kind: "status", status: 429, headers: { "retry-after-ms": "2500" } });
        await fetch("key_user_owned");
        assert.deepEqual(clock.sleep.args, [[2500]]);
    });

    it("retries a 500 and then succeeds", async () => {
        emulator.injectFaults({ kind: "status", status: 500 });
        assert.equal((await fetch("key_expired")).id, "key_expired");
        assert.deepEqual(
            emulator.requests.map((r) => r.status),
            [500, 200],
        );
    });

    it("gives up after the configured retries with the last status and the attempt count", async () => {
        emulator.injectFaults(...[500, 502, 503, 504].map((status) => ({ kind: "status" as const, status })));
        const error = await rejectionOf(() => fetch("key_user_owned", { OPENAI_MAX_RETRIES: "3" }));
        assert.ok(error instanceof ServerError);
        assert.equal(error.status, 504);
        assert.match(error.message, /HTTP 504: The server had an error .* \(after 4 attempts\) \[request id: req_/);
        assert.deepEqual(clock.sleep.args, [[500], [1000], [2000]]);
    });

    it("reports a rate limit that outlasts the retry budget as a RateLimitError naming the budget", async () => {
        emulator.injectFaults(...[1, 2, 3, 4, 5].map(() => ({ kind: "status" as const, status: 429 })));
        const error = await rejectionOf(() => fetch("key_user_owned", { OPENAI_RETRY_BUDGET_MS: "10000" }));
        assert.ok(error instanceof RateLimitError);
        assert.match(
            error.message,
            /HTTP 429: Rate limit reached .* \(after 4 attempts: the retry budget of 10000 ms \(openai:retryBudgetMs or OPENAI_RETRY_BUDGET_MS\) ran out\)/,
        );
        assert.deepEqual(clock.sleep.args.flat(), [1000, 2000, 4000], "1 + 2 + 4 s fit in 10 s; 8 s more would not");
    });

    it("explains an HTML error page from a proxy", async () => {
        emulator.injectFaults({ kind: "body", status: 403, body: "<html><body><h1>403 Forbidden</h1>\n</body></html>" });
        const error = await rejectionOf(() => fetch("key_user_owned"));
        assert.equal(error.name, "PermissionDeniedError");
        assert.match(
            error.message,
            /HTTP 403: \(no OpenAI error in the body: body starts with "<html><body><h1>403 Forbidden<\/h1> <\/body><\/html>"\)/,
        );
        assert.match(error.message, /request id: req_/);
    });

    it("explains a 200 whose JSON was cut short", async () => {
        emulator.injectFaults({ kind: "truncate" });
        const error = await rejectionOf(() => fetch("key_user_owned"));
        assert.ok(error instanceof InvalidResponseError);
        assert.match(
            error.message,
            /^retrieve admin API key "key_user_owned" failed: HTTP 200 response is not usable: body is not valid JSON \(body starts with "\{\\"object\\":/,
        );
        assert.equal(error.requestId, lastRequestId());
    });

    it("explains a 200 whose body is some other object", async () => {
        emulator.injectFaults({ kind: "body", body: JSON.stringify({ object: "list", data: [] }), contentType: "application/json" });
        const error = await rejectionOf(() => fetch("key_user_owned"));
        assert.ok(error instanceof InvalidResponseError);
        assert.match(error.message, /response is not usable: object: is not "organization.admin_api_key"/);
    });

    it("explains an empty 200", async () => {
        emulator.injectFaults({ kind: "body", body: "" });
        const error = await rejectionOf(() => fetch("key_user_owned"));
        assert.match(error.message, /body is not valid JSON \(empty body\)/);
    });

    it("retries a reset connection and reports it with the attempt count when it persists", async () => {
        emulator.injectFaults({ kind: "reset" }, { kind: "reset" }, { kind: "reset" });
        const error = await rejectionOf(() => fetch("key_user_owned"));
        assert.ok(error instanceof ConnectionError);
        assert.match(
            error.message,
            /could not reach http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNRESET: socket hang up\) \(after 3 attempts\) \[request id: none\]/,
        );
    });

    it("times out a response that never arrives", async () => {
        emulator.injectFaults({ kind: "hang" });
        const error = await rejectionOf(() => fetch("key_user_owned", { OPENAI_TIMEOUT_MS: "150", OPENAI_MAX_RETRIES: "0" }));
        assert.ok(error instanceof TimeoutError);
        assert.match(error.message, /no response from http:\/\/127\.0\.0\.1:\d+\/v1 within 150 ms/);
    });

    it("reports an unreachable host", async () => {
        const error = await rejectionOf(() =>
            fetch("key_user_owned", { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_MAX_RETRIES: "1" }),
        );
        assert.ok(error instanceof ConnectionError);
        assert.match(error.message, /could not reach http:\/\/127\.0\.0\.1:9\/v1 \(ECONNREFUSED/);
        assert.equal(clock.sleep.callCount, 1);
    });

    it("reads a key once however often the program asks, unless told not to", async () => {
        const deps = { ...emulatorDependencies(emulator, clock), readCache: new Map() };
        const reads = await Promise.all([1, 2, 3].map(() => fetchAdminApiKey({ keyId: "key_expired" }, deps)));
        await fetchAdminApiKey({ keyId: "key_expired", expect: { ownerType: "user" } }, deps);
        assert.deepEqual(new Set(reads.map((key) => key.id)), new Set(["key_expired"]));
        assert.equal(emulator.requests.length, 1, "one request for four reads");
        await fetchAdminApiKey({ keyId: "key_expired", cache: false }, deps);
        assert.equal(emulator.requests.length, 2);
    });

    it("reuses a read for a minute, and only for the same API root and admin key", async () => {
        let now = 1_000;
        const cache = new Map();
        const deps = { ...emulatorDependencies(emulator, clock), readCache: cache, nowSeconds: () => now };
        await fetchAdminApiKey({ keyId: "key_expired" }, deps);
        now += 59;
        await fetchAdminApiKey({ keyId: "key_expired" }, deps);
        assert.equal(emulator.requests.length, 1);
        now += 2;
        await fetchAdminApiKey({ keyId: "key_expired" }, deps);
        assert.equal(emulator.requests.length, 2, "read again after a minute");

        const other = await startEmulator();
        try {
            await fetchAdminApiKey(
                { keyId: "key_expired" },
                { ...emulatorDependencies(other, clock), readCache: cache, nowSeconds: () => now },
            );
            assert.equal(other.requests.length, 1, "another API root is another organization");
        } finally {
            await other.close();
        }
        assert.ok(![...cache.keys()].some((key: string) => key.includes(emulator.adminKey)), "the cache holds no admin key");
    });

    it("forgets a failed read, so that the next one tries again", async () => {
        const deps = { ...emulatorDependencies(emulator, clock), readCache: new Map() };
        emulator.injectFaults({ kind: "status", status: 404 });
        await rejectionOf(() => fetchAdminApiKey({ keyId: "key_expired" }, deps));
        assert.equal((await fetchAdminApiKey({ keyId: "key_expired" }, deps)).id, "key_expired");
        assert.equal(emulator.requests.length, 2);
    });

    it("sends nothing for a malformed id", async () => {
        const error = await rejectionOf(() => fetch("../users"));
        assert.ok(error instanceof InvalidInputError);
        assert.match(error.message, /keyId must not contain "\/"/);
        assert.equal(emulator.requests.length, 0);
    });

    it("names a malformed id before missing settings, cache or not", async () => {
        for (const readCache of [undefined, new Map()]) {
            const error = await rejectionOf(() => fetchAdminApiKey({ keyId: "a/b" }, { config: () => undefined, env: {}, readCache }));
            assert.ok(error instanceof InvalidInputError);
            assert.match(error.message, /^retrieve admin API key refused before sending: keyId must not contain "\/"/);
        }
    });

    it("sends nothing when the admin key is missing", async () => {
        const error = await rejectionOf(() =>
            fetchAdminApiKey({ keyId: "key_user_owned" }, { config: () => undefined, env: { OPENAI_BASE_URL: emulator.baseUrl } }),
        );
        assert.ok(error instanceof ConfigurationError);
        assert.match(error.message, /openai:adminKey \(or OPENAI_ADMIN_KEY\) is not set/);
        assert.equal(emulator.requests.length, 0);
    });

    it("does not follow a redirect, which could carry the key elsewhere", async () => {
        emulator.injectFaults({ kind: "body", status: 302, body: "" });
        const error = await rejectionOf(() => fetch("key_user_owned"));
        assert.match(error.message, /HTTP 302: .*redirects are not followed/);
        assert.equal(emulator.requests.length, 1);
    });
});

describe("getAdminApiKey by name and with expectations", () => {
    let emulator: AdminApiEmulator;
    const fetchWith = (args: unknown) => fetchAdminApiKey(args as never, emulatorDependencies(emulator, fakeClock()));

    beforeEach(async () => {
        emulator = await startEmulator();
        const twin = { ...emulator.keys.get("key_expired")!, id: "key_twin", name: "CI deploy key" };
        emulator.keys.set(twin.id, twin);
    });
    afterEach(() => emulator.close());

    it("finds the one key with a name", async () => {
        const key = await fetchWith({ name: "Platform admin key" });
        assert.equal(key.id, "key_user_owned");
    });

    it("lists the candidates when several keys have the name", async () => {
        const error = await rejectionOf(() => fetchWith({ name: "CI deploy key" }));
        assert.ok(error instanceof KeyLookupError);
        assert.deepEqual(error.candidates, ["key_service_account", "key_twin"]);
        assert.equal(
            error.message,
            'find admin API key named "CI deploy key" failed: 2 keys have that name (key_service_account, key_twin); look one up by keyId',
        );
    });

    it("says how many keys it looked through, and names near misses, when none has the name", async () => {
        const error = await rejectionOf(() => fetchWith({ name: "platform admin key " }));
        assert.ok(error instanceof KeyLookupError);
        assert.match(
            error.message,
            /no key has that name among the 5 keys of the organization; keys with nearly that name: key_user_owned \("Platform admin key"\)/,
        );
        assert.deepEqual(error.candidates, ["key_user_owned"]);
    });

    it("wants exactly one of keyId and name", async () => {
        for (const args of [{ keyId: "key_user_owned", name: "Platform admin key" }, {}]) {
            const error = await rejectionOf(() => fetchWith(args));
            assert.match(error.message, /refused before sending: keyId, name exactly one of them must be given/);
        }
        assert.equal(emulator.requests.length, 0);
    });

    it("fails a key that does not meet its expectations, naming each failure", async () => {
        const error = await rejectionOf(() =>
            fetchWith({ keyId: "key_user_owned", expect: { ownerType: "service_account", usedWithinDays: 0 } }),
        );
        assert.ok(error instanceof ExpectationError);
        assert.match(
            error.message,
            /^admin API key "key_user_owned" fails 2 expectations: ownerType: owner type is "user", expected "service_account"; usedWithinDays: last used 0\.1 days ago/,
        );
    });

    it("returns a key that meets its expectations", async () => {
        const key = await fetchWith({ name: "CI deploy key", expect: { notExpired: true } }).catch((e: Error) => e);
        assert.ok(key instanceof KeyLookupError, "two keys share that name");
        const single = await fetchWith({ keyId: "key_service_account", expect: { ownerType: "service_account", minDaysToExpiry: 29 } });
        assert.equal(single.owner.id, "sa_ci_bot");
    });
});
