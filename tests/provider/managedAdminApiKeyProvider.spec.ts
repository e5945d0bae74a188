import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { toAdminApiKeyMetadata } from "../../provider/api/organization/adminApiKeys";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { rejectionOf } from "../helpers/emulatorClient";
import { asResource, dynamicProvider } from "../helpers/providers";
import { assertEngineEncodable, configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

describe("The provider of new AdminApiKey as the engine runs it", () => {
    let emulator: AdminApiEmulator;
    let provider: pulumi.dynamic.ResourceProvider;
    let serializedText: string;

    before(async () => {
        serializedText = (await serializeProvider(dynamicProvider)).text;
    });
    beforeEach(async () => {
        emulator = await startEmulator();
        provider = asResource(loadProvider(serializedText), "AdminApiKey", "managed");
        await provider.configure!(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
    });
    afterEach(() => emulator.close());

    describe("check", () => {
        const cases: Array<[string, Record<string, unknown>, Array<{ property: string; reason: string }>]> = [
            ["an empty name", { name: " " }, [{ property: "name", reason: "must not be empty" }]],
            ["a name that is not text", { name: 7 }, [{ property: "name", reason: "must be a string" }]],
            ["a lifetime of 0 s", { name: "k", expiresInSeconds: 0 }, [{ property: "expiresInSeconds", reason: "must be at least 1" }]],
            [
                "a lifetime over a year",
                { name: "k", expiresInSeconds: 31_536_001 },
                [{ property: "expiresInSeconds", reason: "must be at most 31536000 (365 days)" }],
            ],
            [
                "a fractional lifetime",
                { name: "k", expiresInSeconds: 1.5 },
                [{ property: "expiresInSeconds", reason: "must be a whole number of seconds" }],
            ],
        ];
        for (const [what, inputs, failures] of cases) {
            it(`reports ${what} against its property`, async () => {
                const result = await provider.check!({}, { ...inputs, __provider: serializedText });
                assert.deepEqual(result.failures, failures);
            });
        }
        it("passes good inputs through unchanged", async () => {
            const news = { name: "deploy", expiresInSeconds: 3600, __provider: serializedText };
            assert.deepEqual(await provider.check!({}, news), { inputs: news, failures: [] });
        });
    });

    it("creates a key and returns its secret value once", async () => {
        const result = await provider.create({ name: "deploy", expiresInSeconds: 3600 });
        const stored = emulator.keys.get(result.id);
        assert.ok(stored, "the key exists");
        const { id: _id, ...metadata } = toAdminApiKeyMetadata(stored);
        assert.deepEqual(result.outs, { ...metadata, value: result.outs?.["value"], expiresInSeconds: 3600 });
        assert.match(String(result.outs?.["value"]), /^sk-admin-/);
        assert.equal(stored.expires_at, stored.created_at + 3600);
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.status}`),
            ["POST 200"],
        );
    });

    it("returns results the engine can encode when optional inputs are absent", async () => {
        const created = await provider.create({ name: "forever" });
        assert.equal("expiresInSeconds" in (created.outs ?? {}), false);
        assertEngineEncodable(created.outs);
        const read = await provider.read!(created.id, { name: "forever" });
        assert.equal("value" in (read.props ?? {}), false);
        assertEngineEncodable(read.props);
    });

    it("retries a create refused with 429, which created nothing", async () => {
        emulator.injectFaults({ kind: "status", status: 429, headers: { "retry-after-ms": "1" } });
        const result = await provider.create({ name: "deploy" });
        assert.deepEqual(
            emulator.requests.map((r) => r.status),
            [429, 200],
        );
        assert.equal([...emulator.keys.values()].filter((k) => k.name === "deploy").length, 1);
        assert.ok(emulator.keys.has(result.id));
    });

    const keysNamed = (name: string) => [...emulator.keys.values()].filter((key) => key.name === name);

    it("deletes the key of a create whose answer was lost, then creates once more: one key, with its value", async () => {
        emulator.injectFaults({ kind: "drop" });
        const result = await provider.create({ name: "deploy" });
        assert.deepEqual(
            keysNamed("deploy").map((key) => key.id),
            [result.id],
            "exactly one key is left",
        );
        assert.match(String(result.outs?.["value"]), /^sk-admin-/);
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.status}`),
            ["POST 0", "GET 200", "DELETE 200", "POST 200"],
        );
    });

    for (const fault of [{ kind: "status" as const, status: 500 }, { kind: "reset" as const }, { kind: "hang" as const }]) {
        it(`after ${fault.kind === "status" ? "a 500" : `a ${fault.kind}`} on create, checks for a stray key and creates once more`, async () => {
            await provider.configure!(
                configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl, "openai:timeoutMs": "300" }),
            );
            emulator.injectFaults(fault);
            const result = await provider.create({ name: "deploy" });
            assert.deepEqual(
                keysNamed("deploy").map((key) => key.id),
                [result.id],
            );
            assert.deepEqual(
                emulator.requests.map((r) => r.method),
                ["POST", "GET", "POST"],
            );
        });
    }

    it("fails with the whole story when the second create fails too, leaving no key behind", async () => {
        // The first POST, the list that looks for a stray key (no fault), the second POST.
        emulator.injectFaults({ kind: "status", status: 503 }, { kind: "delay", ms: 0 }, { kind: "status", status: 503 });
        const error = await rejectionOf(() => provider.create({ name: "deploy" }));
        assert.match(String(error), /^ServerError: create admin API key named "deploy" failed: HTTP 503: /);
        assert.deepEqual(keysNamed("deploy"), []);
    });

    it("replaces the key when its name or lifetime changes, creating the new one first", async () => {
        const olds = { name: "deploy", expiresInSeconds: 3600, redactedValue: "sk-admin...x" };
        assert.deepEqual(await provider.diff!("key_1", olds, { name: "deploy", expiresInSeconds: 3600 }), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
        assert.deepEqual(await provider.diff!("key_1", olds, { name: "deploy v2", expiresInSeconds: 7200 }), {
            changes: true,
            replaces: ["name", "expiresInSeconds"],
            deleteBeforeReplace: false,
        });
    });

    it("refreshes a key, carrying over the value the API never returns again", async () => {
        const created = await provider.create({ name: "deploy" });
        const stored = emulator.keys.get(created.id)!;
        emulator.keys.set(created.id, { ...stored, last_used_at: stored.created_at + 60 });
        const read = await provider.read!(created.id, created.outs);
        assert.equal(read.id, created.id);
        assert.equal(read.props?.["lastUsedAt"], stored.created_at + 60);
        assert.equal(read.props?.["value"], created.outs?.["value"]);
    });

    it("reports a key deleted outside Pulumi as gone on refresh", async () => {
        const created = await provider.create({ name: "deploy" });
        emulator.keys.delete(created.id);
        assert.deepEqual(await provider.read!(created.id, created.outs), { id: "" });
    });

    it("deletes a key, and counts a key already gone as deleted", async () => {
        const created = await provider.create({ name: "deploy" });
        await provider.delete!(created.id, created.outs ?? {});
        assert.equal(emulator.keys.has(created.id), false);
        await provider.delete!(created.id, created.outs ?? {});
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.status}`),
            ["POST 200", "DELETE 200", "DELETE 404"],
        );
    });

    it("fails a delete the API refuses, with the whole story", async () => {
        emulator.injectFaults({ kind: "status", status: 403, message: "Only organization owners can delete admin keys." });
        const error = await rejectionOf(() => provider.delete!("key_user_owned", {}));
        assert.match(
            String(error),
            /^PermissionDeniedError: delete admin API key "key_user_owned" failed: HTTP 403: Only organization owners/,
        );
        assert.ok(emulator.keys.has("key_user_owned"));
    });
});
