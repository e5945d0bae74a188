import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import { adminApiKeys } from "../../provider/api/organization/adminApiKeys";
import { createObject, deleteObject } from "../../provider/api/operations";
import { AdminApiEmulator, Fault, startEmulator } from "../helpers/emulator";
import { fetchAdminApiKey } from "../../provider/pulumi/adminApiKey";
import { clientFactory } from "../../provider/pulumi/programClient";
import { emulatorDependencies } from "../helpers/emulatorClient";
import { fakeClock, FakeClock } from "../helpers/fakeClock";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

/** One row of the reliability matrix: a misbehaviour and what must come of it. */
interface Row {
    readonly fault: string;
    readonly faults: readonly Fault[];
    /** `ok`, or the error's name and a pattern its message must match. */
    readonly outcome: "ok" | { readonly error: string; readonly message: RegExp };
    /** HTTP requests the emulator must have received. */
    readonly requests: number;
}

const error = (name: string, message: RegExp) => ({ error: name, message });
const status = (code: number, headers?: Record<string, string>): Fault => ({ kind: "status", status: code, headers });
const HTML_502: Fault = { kind: "body", status: 502, body: "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>" };
const WRONG_OBJECT: Fault = {
    kind: "body",
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ object: "organization.project", id: "proj_1" }),
};
// Just over the 10 MiB the client accepts.
const LARGE_BODY: Fault = {
    kind: "body",
    status: 200,
    contentType: "application/json",
    body: `{"padding":"${"x".repeat(10 * 1024 * 1024 + 10)}"}`,
};

const READ_MATRIX: readonly Row[] = [
    { fault: "400", faults: [status(400)], outcome: error("ApiError", /HTTP 400: Emulated error 400\./), requests: 1 },
    {
        fault: "401",
        faults: [status(401)],
        outcome: error("AuthenticationError", /HTTP 401: .*needs an admin key \(sk-admin-\.\.\.\)/),
        requests: 1,
    },
    { fault: "403", faults: [status(403)], outcome: error("PermissionDeniedError", /HTTP 403: .*needs an admin key/), requests: 1 },
    { fault: "404", faults: [status(404)], outcome: error("NotFoundError", /HTTP 404: /), requests: 1 },
    { fault: "408", faults: [status(408)], outcome: "ok", requests: 2 },
    { fault: "409", faults: [status(409)], outcome: "ok", requests: 2 },
    { fault: "422", faults: [status(422)], outcome: error("ApiError", /HTTP 422: /), requests: 1 },
    { fault: "429, no headers", faults: [status(429)], outcome: "ok", requests: 2 },
    { fault: "429, retry-after-ms", faults: [status(429, { "retry-after-ms": "1500" })], outcome: "ok", requests: 2 },
    { fault: "429, retry-after (s)", faults: [status(429, { "retry-after": "3" })], outcome: "ok", requests: 2 },
    {
        fault: "429 for longer than the budget",
        faults: Array.from({ length: 10 }, () => status(429)),
        outcome: error("RateLimitError", /retry budget of 120000 ms .* ran out/),
        requests: 7,
    },
    {
        fault: "429, retry-after-ms 0, without end",
        faults: Array.from({ length: 120 }, () => status(429, { "retry-after-ms": "0" })),
        outcome: error("RateLimitError", /\(after 101 attempts\)/),
        requests: 101,
    },
    { fault: "500", faults: [status(500)], outcome: "ok", requests: 2 },
    {
        fault: "500, three times",
        faults: [status(500), status(500), status(500)],
        outcome: error("ServerError", /HTTP 500: .*\(after 3 attempts\)/),
        requests: 3,
    },
    { fault: "502 with an HTML body", faults: [HTML_502], outcome: "ok", requests: 2 },
    {
        fault: "502 HTML, three times",
        faults: [HTML_502, HTML_502, HTML_502],
        outcome: error("ServerError", /HTTP 502: \(no OpenAI error in the body: body starts with "<html>/),
        requests: 3,
    },
    { fault: "503", faults: [status(503)], outcome: "ok", requests: 2 },
    { fault: "504", faults: [status(504)], outcome: "ok", requests: 2 },
    { fault: "connection reset", faults: [{ kind: "reset" }], outcome: "ok", requests: 2 },
    {
        fault: "reset, three times",
        faults: [{ kind: "reset" }, { kind: "reset" }, { kind: "reset" }],
        outcome: error("ConnectionError", /ECONNRESET/),
        requests: 3,
    },
    { fault: "no response (timeout)", faults: [{ kind: "hang" }], outcome: "ok", requests: 2 },
    {
        fault: "no response, three times",
        faults: [{ kind: "hang" }, { kind: "hang" }, { kind: "hang" }],
        outcome: error("TimeoutError", /within 250 ms/),
        requests: 3,
    },
    {
        fault: "truncated JSON",
        faults: [{ kind: "truncate" }],
        outcome: error("InvalidResponseError", /body is not valid JSON/),
        requests: 1,
    },
    {
        fault: "wrong object type",
        faults: [WRONG_OBJECT],
        outcome: error("InvalidResponseError", /object: is not "organization.admin_api_key"/),
        requests: 1,
    },
    {
        fault: "very large body (10 MiB+)",
        faults: [LARGE_BODY],
        outcome: error("InvalidResponseError", /body is larger than 10485760 bytes/),
        requests: 1,
    },
];

// A budget of two minutes keeps the "longer than the budget" row short.
const ENV = { OPENAI_TIMEOUT_MS: "250", OPENAI_RETRY_BUDGET_MS: "120000" };

describe("the fault matrix", function () {
    this.timeout(30_000);
    let emulator: AdminApiEmulator;
    let clock: FakeClock;
    const table: string[] = [];

    beforeEach(async () => {
        emulator = await startEmulator();
        clock = fakeClock();
    });
    afterEach(() => emulator.close());
    after(() => console.log(["", "      | fault | outcome | requests | waited |", "      | --- | --- | --- | --- |", ...table].join("\n")));

    async function outcomeOf(action: () => Promise<unknown>): Promise<{ outcome: string; texts: string[] }> {
        try {
            await action();
            return { outcome: "ok", texts: [] };
        } catch (e) {
            const failure = e as Error;
            return {
                outcome: `${failure.name}: ${failure.message}`,
                texts: [failure.message, String(failure.stack), inspect(failure, { depth: 10 })],
            };
        }
    }

    function check(row: Row, what: string, outcome: string, texts: string[], startedReal: number): void {
        if (row.outcome === "ok") {
            assert.equal(outcome, "ok", `${what}: ${outcome}`);
        } else {
            assert.ok(outcome.startsWith(`${row.outcome.error}: `), `${what}: ${outcome}`);
            assert.match(outcome, row.outcome.message);
        }
        assert.equal(emulator.requests.length, row.requests, `${what}: requests ${emulator.requests.map((r) => r.status).join(",")}`);
        const realMs = performance.now() - startedReal;
        assert.ok(realMs < 5_000, `${what}: took ${realMs} ms`);
        for (const text of texts) {
            assert.ok(!text.includes(emulator.adminKey), `${what}: the admin key leaked`);
        }
        const waitedMs = clock.sleep.args.reduce((sum, [ms]) => sum + ms, 0);
        const shown = row.outcome === "ok" ? "succeeds" : `${row.outcome.error}`;
        table.push(`      | ${what} | ${shown} | ${row.requests} | ${(waitedMs / 1000).toFixed(1)} s |`);
    }

    for (const row of READ_MATRIX) {
        it(`read, ${row.fault}`, async () => {
            emulator.injectFaults(...row.faults);
            const startedReal = performance.now();
            const { outcome, texts } = await outcomeOf(() =>
                fetchAdminApiKey({ keyId: "key_user_owned" }, emulatorDependencies(emulator, clock, ENV)),
            );
            check(row, `read, ${row.fault}`, outcome, texts, startedReal);
        });
    }

    // The provider as the engine runs it, for reads: the same outcomes, through the serialized copy.
    it("provider read, 429 then 500 then ok", async () => {
        const provider = asResource(loadProvider((await serializeProvider(dynamicProvider)).text), "AdminApiKey", "get");
        await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
        emulator.injectFaults(status(429, { "retry-after-ms": "1" }), status(500));
        const read = await provider.read("key_user_owned", {});
        assert.equal(read.id, "key_user_owned");
        assert.deepEqual(
            emulator.requests.map((r) => r.status),
            [429, 500, 200],
        );
    });

    const WRITE_MATRIX: ReadonlyArray<Row & { readonly operation: "create" | "delete" }> = [
        { operation: "create", fault: "400", faults: [status(400)], outcome: error("ApiError", /HTTP 400/), requests: 1 },
        { operation: "create", fault: "401", faults: [status(401)], outcome: error("AuthenticationError", /HTTP 401/), requests: 1 },
        { operation: "create", fault: "403", faults: [status(403)], outcome: error("PermissionDeniedError", /HTTP 403/), requests: 1 },
        { operation: "create", fault: "408", faults: [status(408)], outcome: "ok", requests: 2 },
        { operation: "create", fault: "409", faults: [status(409)], outcome: "ok", requests: 2 },
        { operation: "create", fault: "422", faults: [status(422)], outcome: error("ApiError", /HTTP 422/), requests: 1 },
        { operation: "create", fault: "429, no headers", faults: [status(429)], outcome: "ok", requests: 2 },
        // POST, then the list that looks for a stray key, then the POST again.
        { operation: "create", fault: "500", faults: [status(500)], outcome: "ok", requests: 3 },
        { operation: "create", fault: "502 with an HTML body", faults: [HTML_502], outcome: "ok", requests: 3 },
        { operation: "create", fault: "503", faults: [status(503)], outcome: "ok", requests: 3 },
        { operation: "create", fault: "504", faults: [status(504)], outcome: "ok", requests: 3 },
        { operation: "create", fault: "connection reset", faults: [{ kind: "reset" }], outcome: "ok", requests: 3 },
        { operation: "create", fault: "no response (timeout)", faults: [{ kind: "hang" }], outcome: "ok", requests: 3 },
        // The key is created but its answer is lost: it is found and deleted, then created again.
        { operation: "create", fault: "answer lost after the key was made", faults: [{ kind: "drop" }], outcome: "ok", requests: 4 },
        // A 200 cut short: the key exists but its value cannot be read; as above.
        { operation: "create", fault: "truncated JSON", faults: [{ kind: "truncate" }], outcome: "ok", requests: 4 },
        { operation: "delete", fault: "404 (already gone)", faults: [status(404)], outcome: "ok", requests: 1 },
        { operation: "delete", fault: "403", faults: [status(403)], outcome: error("PermissionDeniedError", /HTTP 403/), requests: 1 },
        { operation: "delete", fault: "429, no headers", faults: [status(429)], outcome: "ok", requests: 2 },
        { operation: "delete", fault: "500", faults: [status(500)], outcome: "ok", requests: 2 },
        { operation: "delete", fault: "connection reset", faults: [{ kind: "reset" }], outcome: "ok", requests: 2 },
        { operation: "delete", fault: "no response (timeout)", faults: [{ kind: "hang" }], outcome: "ok", requests: 2 },
    ];

    for (const row of WRITE_MATRIX) {
        it(`${row.operation}, ${row.fault}`, async () => {
            const deps = emulatorDependencies(emulator, clock, ENV);
            const connect = clientFactory(deps);
            emulator.injectFaults(...row.faults);
            const startedReal = performance.now();
            const keysBefore = emulator.keys.size;
            const { outcome, texts } = await outcomeOf(async () =>
                row.operation === "create"
                    ? createObject(connect, adminApiKeys, { name: "matrix" })
                    : deleteObject(connect, adminApiKeys, { keyId: "key_sparse" }),
            );
            if (row.operation === "create") {
                const named = [...emulator.keys.values()].filter((key) => key.name === "matrix").length;
                assert.equal(named, row.outcome === "ok" ? 1 : 0, "exactly one key on success, none on failure");
            } else if (row.outcome === "ok") {
                assert.equal(emulator.keys.size, keysBefore - (row.fault.startsWith("404") ? 0 : 1));
            }
            check(row, `${row.operation}, ${row.fault}`, outcome, texts, startedReal);
        });
    }
});
