import type * as pulumi from "@pulumi/pulumi";
import { AdminApiEmulator, startEmulator } from "./emulator";
import { asResource, dynamicProvider } from "./providers";
import { configureRequest, loadProvider, serializeProvider } from "./serializedProvider";

/** What {@link providerAgainstEmulator} gives each test. */
export interface ProviderUnderTest {
    /** The test's own emulator, seeded with the small organization. */
    readonly emulator: AdminApiEmulator;
    /** The provider as the engine calls it for `new X(...)`. */
    readonly provider: Required<pulumi.dynamic.ResourceProvider>;
    /** The provider as the engine calls it for `X.get(...)`. */
    readonly reader: Required<pulumi.dynamic.ResourceProvider>;
}

/**
 * Registers mocha hooks that give each test a fresh emulator and the one provider, serialized
 * and loaded back as the engine does, configured for that emulator through stack config. The
 * wire check (wireCheck.ts) sees every request, as the emulator comes from ./emulator.
 *
 * @param type the declaration's type name, e.g. `ProjectUser`
 * @returns the current test's emulator and provider views
 */
export function providerAgainstEmulator(type: string): () => ProviderUnderTest {
    let loaded: pulumi.dynamic.ResourceProvider | undefined;
    let current: ProviderUnderTest | undefined;
    before(async () => {
        loaded = loadProvider((await serializeProvider(dynamicProvider)).text);
    });
    beforeEach(async () => {
        const emulator = await startEmulator();
        await loaded!.configure!(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
        current = { emulator, provider: asResource(loaded!, type, "managed"), reader: asResource(loaded!, type, "get") };
    });
    afterEach(async () => {
        await current?.emulator.close();
        current = undefined;
    });
    return () => {
        if (current === undefined) {
            throw new Error("no provider outside a test");
        }
        return current;
    };
}
