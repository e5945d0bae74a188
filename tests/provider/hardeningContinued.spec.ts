import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as sinon from "sinon";
import { z } from "zod";
import { adminApiKeys } from "../../provider/api/organization/adminApiKeys";
import { createObject } from "../../provider/api/operations";
import { AdminClient, ApiRequest } from "../../provider/core/client";
import { Attempt, ConnectionError, InvalidResponseError, NotFoundError } from "../../provider/core/errors";
import { MAX_PAGES } from "../../provider/core/pagination";
import { seedKeys } from "../../provider/emulator/seedKeys";
import { fetchAdminApiKey } from "../../provider/pulumi/adminApiKey";
import { forProgram } from "../../provider/pulumi/dataSources";
import { READ_CACHE_MAX_ENTRIES, READ_CACHE_SECONDS, ReadCache } from "../../provider/pulumi/programClient";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

describe("hardening, continued (issue 9)", () => {
    describe("the create recovery inherits the list bounds (defect 3)", () => {
        it("ends a create whose answer is lost, followed by a list that never ends, with the bounded-list error", async () => {
            const requests: ApiRequest[] = [];
            const [key] = seedKeys(1_000);
            const client: AdminClient = {
                async request<T>(attempt: Attempt, request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
                    requests.push(request);
                    if (request.method === "POST") {
                        throw new ConnectionError(attempt, "the connection broke before the answer came");
                    }
                    // Every page holds some other key and says there is more, with a fresh cursor.
                    const other = { ...key!, id: `key_${requests.length}`, name: "someone else's" };
                    return schema.parse({ object: "list", data: [other], first_id: other.id, last_id: other.id, has_more: true });
                },
            };

            const error = await rejectionOf(() => createObject(() => client, adminApiKeys, { name: "deploy" }));

            assert.ok(error instanceof InvalidResponseError, String(error));
            assert.match(error.message, new RegExp(`the list did not end after ${MAX_PAGES} pages .*; stopped there`));
            assert.equal(requests.filter((request) => request.method === "GET").length, MAX_PAGES);
            assert.equal(requests.filter((request) => request.method === "POST").length, 1, "no second create");
        });
    });

    describe("the read cache (defect 10)", () => {
        let emulator: AdminApiEmulator;

        beforeEach(async () => {
            emulator = await startEmulator();
        });
        afterEach(() => emulator.close());

        it("gives each caller an object of its own: one changing its result changes nothing another gets", async () => {
            const deps = { ...emulatorDependencies(emulator, fakeClock()), readCache: new Map() };
            const [first, second] = await Promise.all([
                fetchAdminApiKey({ keyId: "key_user_owned" }, deps),
                fetchAdminApiKey({ keyId: "key_user_owned" }, deps),
            ]);
            const original = structuredClone(second);
            const mutable = first as unknown as Record<string, unknown> & { owner: Record<string, unknown> };
            mutable["name"] = "changed by the first caller";
            mutable.owner["name"] = "changed too";

            const third = await fetchAdminApiKey({ keyId: "key_user_owned" }, deps);

            assert.deepEqual(second, original, "a caller sharing the same request");
            assert.deepEqual(third, original, "a later caller served from the cache");
            assert.equal(emulator.requests.length, 1, "all three from one request");
        });

        it(`keeps at most ${READ_CACHE_MAX_ENTRIES} reads, dropping the oldest first`, async () => {
            const now = 5_000;
            const cache: ReadCache = new Map();
            for (let i = 0; i < READ_CACHE_MAX_ENTRIES; i++) {
                cache.set(`earlier read ${i}`, { readAt: now - 1, object: Promise.resolve({}) });
            }
            const deps = { ...emulatorDependencies(emulator, fakeClock()), readCache: cache, nowSeconds: () => now };

            await fetchAdminApiKey({ keyId: "key_user_owned" }, deps);

            assert.equal(cache.size, READ_CACHE_MAX_ENTRIES);
            assert.ok(!cache.has("earlier read 0"), "the oldest read was dropped");
            assert.ok(cache.has("earlier read 1"));
            assert.ok([...cache.keys()].at(-1)?.endsWith("AdminApiKey key_user_owned"), "the new read is kept");
        });

        it("drops reads that have expired", async () => {
            const now = 5_000;
            const cache: ReadCache = new Map([
                ["expired read", { readAt: now - READ_CACHE_SECONDS, object: Promise.resolve({}) }],
                ["fresh read", { readAt: now - 1, object: Promise.resolve({}) }],
            ]);
            const deps = { ...emulatorDependencies(emulator, fakeClock()), readCache: cache, nowSeconds: () => now };

            await fetchAdminApiKey({ keyId: "key_user_owned" }, deps);

            assert.deepEqual(
                [...cache.keys()].map((key) => (key.includes(" read") ? key : "the new read")),
                ["fresh read", "the new read"],
            );
        });
    });

    describe("expected failures show as one line, bugs keep their stack (defect 11)", () => {
        let emulator: AdminApiEmulator;

        beforeEach(async () => {
            emulator = await startEmulator();
        });
        afterEach(() => emulator.close());

        /** What `console.error` writes while `run` runs. */
        function stderrOf(run: () => void): string {
            const written: string[] = [];
            const write = sinon.stub(process.stderr, "write").callsFake((chunk: string | Uint8Array) => {
                written.push(String(chunk));
                return true;
            });
            try {
                run();
            } finally {
                write.restore();
            }
            return written.join("");
        }

        it("hands the engine an expected failure whose stack is its one line, and drops the SDK's stderr copy of it", async () => {
            const provider = asResource(loadProvider((await serializeProvider(dynamicProvider)).text), "AdminApiKey", "get");
            await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));

            const error = await rejectionOf(() => provider.read("key_gone", {}));

            assert.match(String(error), /^NotFoundError: retrieve admin API key "key_gone" failed: HTTP 404: /);
            assert.equal(error.stack, String(error), "no frame");
            // What the SDK's dynamic provider prints before handing the error to the engine, in the same turn.
            const echo = `${String(error)}: ${error.stack}`;
            const printed = stderrOf(() => {
                console.error(echo);
                console.error("another line");
            });
            assert.equal(printed, "another line\n");
            await new Promise((resolve) => setImmediate(resolve));
            assert.equal(
                stderrOf(() => console.error(echo)),
                `${echo}\n`,
                "dropped only in the turn the error was thrown",
            );
        });

        it("leaves a bug's stack trace as it is", async () => {
            const error = await rejectionOf(() => dynamicProvider.read!("key_abc", { __type: "Nope" }));

            assert.match(error.message, /does not know the resource type "Nope"/);
            assert.match(error.stack ?? "", /\n\s+at /, "frames kept");
        });

        it("marks a program-side expected failure as a RunError that keeps its class, fields and message", async () => {
            const make = () =>
                new NotFoundError({ operation: "retrieve admin API key", target: "key_x" }, { status: 404, openaiMessage: "No key." });
            const notFound = make();
            const message = notFound.message;

            const error = await rejectionOf(() => forProgram(Promise.reject(notFound)));

            assert.equal(error, notFound);
            assert.ok(pulumi.RunError.isInstance(error), "Pulumi shows it as its message line, without a stack trace");
            assert.ok(error instanceof NotFoundError);
            assert.equal(error.message, message);
            assert.equal(JSON.stringify(error), JSON.stringify(make()), "no rendering changes");
        });

        it("leaves a program-side bug as it is", async () => {
            const bug = new TypeError("cannot read properties of undefined");

            const error = await rejectionOf(() => forProgram(Promise.reject(bug)));

            assert.equal(error, bug);
            assert.ok(!pulumi.RunError.isInstance(error));
        });
    });
});
