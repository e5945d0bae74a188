import * as pulumi from "@pulumi/pulumi";
import requireFromString from "require-from-string";

/** What the engine stores in `__provider`, and what the dynamic-provider process rebuilds from it. */
export interface SerializedProvider {
    readonly text: string;
    readonly containsSecrets: boolean;
}

/** Serializes a provider object exactly as `pulumi.dynamic.Resource` does. */
export async function serializeProvider(provider: object): Promise<SerializedProvider> {
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return { text: serialized.text, containsSecrets: serialized.containsSecrets };
}

/** Rebuilds a provider from its serialized text the way `@pulumi/pulumi/cmd/dynamic-provider` does. */
export function loadProvider(text: string): pulumi.dynamic.ResourceProvider {
    const module = requireFromString(text) as { handler(): pulumi.dynamic.ResourceProvider };
    return module.handler();
}

/** A `configure` request holding `values` as the stack config, as the engine passes it (decrypted). */
export function configureRequest(values: Record<string, string>): pulumi.dynamic.ConfigureRequest {
    return {
        config: {
            get: (key) => values[key],
            require: (key) => {
                const value = values[key];
                if (value === undefined) {
                    throw new Error(`missing required configuration ${key}`);
                }
                return value;
            },
        },
    };
}

/**
 * Fails when `value` cannot cross to the engine: the dynamic-provider process encodes
 * results as protobuf Structs, which refuse `undefined` ("Unexpected struct type").
 */
export function assertEngineEncodable(value: unknown): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(value: unknown): unknown } };
    Struct.fromJavaScript(value);
}
