import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AdminApiEmulator, startEmulator } from "./emulator";
import { checkRequest, checkResponse } from "./openApi";
import { asResource, dynamicProvider } from "./providers";
import { configureRequest, loadProvider, serializeProvider } from "./serializedProvider";

/** What {@link withCheckedEmulator} gives a suite: the current emulator and the provider of one type. */
export interface CheckedEmulator {
    /** The emulator of the running test (a fresh one each test). */
    emulator(): AdminApiEmulator;
    /** The managed resource's provider, serialized and loaded back as the engine runs it, configured for the emulator. */
    managed(): Required<pulumi.dynamic.ResourceProvider>;
    /** The provider of `X.get` for the type. */
    reader(): Required<pulumi.dynamic.ResourceProvider>;
    /** The requests so far as `METHOD path status`, without queries. */
    calls(): string[];
}

/**
 * Sets up a suite over one resource type: a fresh emulator per test, the provider as the
 * engine loads it, and after each passing test a check of every request against the OpenAPI
 * document and of every answer against its schema.
 *
 * @param type the type name, e.g. `Group`
 * @returns accessors for the tests
 */
export function withCheckedEmulator(type: string): CheckedEmulator {
    let emulator: AdminApiEmulator | undefined;
    let managed: Required<pulumi.dynamic.ResourceProvider> | undefined;
    let reader: Required<pulumi.dynamic.ResourceProvider> | undefined;
    before(async () => {
        const loaded = loadProvider((await serializeProvider(dynamicProvider)).text);
        managed = asResource(loaded, type, "managed");
        reader = asResource(loaded, type, "get");
    });
    beforeEach(async () => {
        emulator = await startEmulator();
        await managed!.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
    });
    afterEach(async function () {
        try {
            if (this.currentTest?.state !== "passed") {
                return;
            }
            for (const request of emulator!.requests) {
                assert.deepEqual(checkRequest(request), [], `${request.method} ${request.path}`);
                if (request.answer !== undefined) {
                    assert.deepEqual(
                        checkResponse(request, request.status, request.answer),
                        [],
                        `answer to ${request.method} ${request.path}`,
                    );
                }
            }
        } finally {
            await emulator?.close();
        }
    });
    return {
        emulator: () => emulator!,
        managed: () => managed!,
        reader: () => reader!,
        calls: () => emulator!.requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")} ${r.status}`),
    };
}
