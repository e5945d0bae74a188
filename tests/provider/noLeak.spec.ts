import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import * as sinon from "sinon";
import { AdminApiEmulator, Fault, startEmulator } from "../helpers/emulator";
import { fetchAdminApiKey } from "../../provider/pulumi/adminApiKey";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

/** Every rendering of an error that could reach a terminal, a log or a state file. */
function renderings(error: Error): string[] {
    return [
        error.message,
        String(error),
        error.stack ?? "",
        inspect(error, { depth: 20, showHidden: true }),
        JSON.stringify(error),
        JSON.stringify(Object.getOwnPropertyNames(error).map((name): unknown => Reflect.get(error, name))),
    ];
}

describe("the admin key never leaks", () => {
    let emulator: AdminApiEmulator;
    let output: string[];
    let sandbox: sinon.SinonSandbox;

    beforeEach(async () => {
        emulator = await startEmulator();
        output = [];
        sandbox = sinon.createSandbox();
        // Capture whatever anything prints while the calls run.
        for (const stream of [process.stdout, process.stderr] as const) {
            const write = stream.write.bind(stream);
            const passOn = write as (...args: unknown[]) => boolean;
            sandbox.stub(stream, "write").callsFake((chunk: unknown, ...rest: unknown[]) => {
                output.push(String(chunk));
                return passOn(chunk, ...rest);
            });
        }
    });
    afterEach(async () => {
        sandbox.restore();
        await emulator.close();
    });

    function assertNoKey(texts: readonly string[], key: string): void {
        for (const text of texts) {
            assert.ok(!text.includes(key), `the admin key appears in: ${text.slice(0, 300)}`);
        }
    }

    const failures: Array<[string, Fault[], NodeJS.ProcessEnv?]> = [
        ["401", [{ kind: "status", status: 401 }]],
        ["403 HTML page", [{ kind: "body", status: 403, body: "<html>denied</html>" }]],
        ["404", [{ kind: "status", status: 404 }]],
        [
            "429 until the retry budget runs out",
            [1, 2, 3].map(() => ({ kind: "status" as const, status: 429 })),
            { OPENAI_RETRY_BUDGET_MS: "2000" },
        ],
        ["500 until the retries run out", [1, 2, 3].map(() => ({ kind: "status" as const, status: 500 }))],
        ["a truncated body", [{ kind: "truncate" }]],
        ["a reset connection", [1, 2, 3].map(() => ({ kind: "reset" as const }))],
        ["no response", [{ kind: "hang" }], { OPENAI_TIMEOUT_MS: "100", OPENAI_MAX_RETRIES: "0" }],
    ];
    for (const [what, faults, env] of failures) {
        it(`keeps it out of the error and the output on ${what}`, async () => {
            emulator.injectFaults(...faults);
            const error = await rejectionOf(() =>
                fetchAdminApiKey({ keyId: "key_user_owned" }, emulatorDependencies(emulator, fakeClock(), env)),
            );
            assertNoKey([...renderings(error), ...output], emulator.adminKey);
        });
    }

    it("redacts the key when a server echoes it back in its error message or body", async () => {
        emulator.injectFaults(
            { kind: "status", status: 400, message: `Key ${emulator.adminKey} is not allowed here` },
            { kind: "body", status: 200, body: `<html>${emulator.adminKey}</html>` },
        );
        const deps = emulatorDependencies(emulator, fakeClock());
        const first = await rejectionOf(() => fetchAdminApiKey({ keyId: "key_user_owned" }, deps));
        const second = await rejectionOf(() => fetchAdminApiKey({ keyId: "key_user_owned" }, deps));
        assert.match(first.message, /Key \[redacted\] is not allowed here/);
        assert.match(second.message, /<html>\[redacted\]<\/html>/);
        assertNoKey([...renderings(first), ...renderings(second), ...output], emulator.adminKey);
    });

    it("keeps a refused key (whitespace, project key) out of the message", async () => {
        for (const key of [`${emulator.adminKey} `, "sk-proj-leaky-project-key-0123456789"]) {
            const error = await rejectionOf(() =>
                fetchAdminApiKey(
                    { keyId: "key_user_owned" },
                    { config: () => undefined, env: { OPENAI_ADMIN_KEY: key, OPENAI_BASE_URL: emulator.baseUrl } },
                ),
            );
            assertNoKey([...renderings(error), ...output], key.trim());
        }
        assert.equal(emulator.requests.length, 0);
    });

    it("keeps it out of the provider's serialized text and out of its read errors", async () => {
        process.env["OPENAI_ADMIN_KEY_SHADOW"] = emulator.adminKey;
        try {
            const serialized = await serializeProvider(dynamicProvider);
            const provider = asResource(loadProvider(serialized.text), "AdminApiKey", "get");
            await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
            const read = await provider.read("key_user_owned", {});
            emulator.injectFaults({ kind: "status", status: 401 });
            const error = await rejectionOf(() => provider.read("key_user_owned", {}));
            assertNoKey([serialized.text, JSON.stringify(read), ...renderings(error), ...output], emulator.adminKey);
        } finally {
            delete process.env["OPENAI_ADMIN_KEY_SHADOW"];
        }
    });
});
