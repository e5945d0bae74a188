// Everything reachable from this class is serialized into each resource's `__provider`
// property and run later in the engine's dynamic-provider process. So: types only from
// @pulumi/pulumi, no credential read or kept before `configure`, no module-level state.
import type * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyMetadata, retrieveAdminApiKey } from "./adminApiKeys";
import { createAdminClient } from "./client";
import { assertExpectations, validateExpectations } from "./expectations";
import { resolveSettings } from "./settings";

/** The outputs of an `AdminApiKey` resource: its metadata without the id, which is the resource id. */
export type AdminApiKeyOutputs = Omit<AdminApiKeyMetadata, "id">;

/**
 * Dynamic provider behind {@link AdminApiKey}. Its `read` is what `AdminApiKey.get` runs
 * in `pulumi preview`, `up` and `refresh`.
 */
export class AdminApiKeyProvider implements pulumi.dynamic.ResourceProvider {
    // Set in the provider process by `configure`; never set where the provider is serialized.
    private stackConfig: pulumi.dynamic.Config | undefined;

    /**
     * Receives the stack's configuration (decrypted) in the provider process. The admin
     * key is looked up from it at call time, never copied out of it.
     *
     * @param req the stack configuration
     */
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        this.stackConfig = req.config;
    }

    /**
     * Admin API keys cannot be created through this resource yet; use `AdminApiKey.get`.
     * If this call fails, no key has been created.
     */
    async create(): Promise<pulumi.dynamic.CreateResult> {
        throw new Error("AdminApiKey resources can only be read: use AdminApiKey.get(name, keyId)");
    }

    /**
     * Reads the key with id `id` from the Administration API. A key that does not exist
     * fails with a `NotFoundError`: for a `get`, an empty result would not mean "gone".
     * A key that fails the expectations in `props.expect` fails with an `ExpectationError`,
     * which stops the preview or update before anything that depends on the key.
     *
     * @param id the admin API key id, e.g. `key_abc`
     * @param props the resource's inputs: `expect`, when expectations were given
     * @returns the id the API reports and the key's metadata as outputs
     */
    async read(id: string, props?: { expect?: unknown }): Promise<pulumi.dynamic.ReadResult<AdminApiKeyOutputs>> {
        const config = this.stackConfig;
        try {
            const expectations = validateExpectations({ operation: "retrieve admin API key", target: id }, props?.expect);
            const key = await retrieveAdminApiKey(
                (attempt) => createAdminClient(resolveSettings(attempt, (name) => config?.get(name), process.env)),
                id,
            );
            assertExpectations(key, expectations, Date.now() / 1000);
            const { id: keyId, ...outputs } = key;
            return { id: keyId, props: outputs };
        } catch (error) {
            throw asEngineError(error);
        }
    }
}

/**
 * Serialized by value, this package's error classes are rebuilt as plain functions whose
 * instances are not `Error`s, and the engine would print "[object Object]". Hand the engine
 * a real `Error` that carries the same name and message.
 */
function asEngineError(error: unknown): Error {
    if (error instanceof Error) {
        return error;
    }
    const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
    const engineError = new Error(typeof message === "string" ? message : String(error));
    engineError.name = typeof name === "string" ? name : "Error";
    return engineError;
}
