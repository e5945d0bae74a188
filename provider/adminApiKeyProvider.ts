// Everything reachable from these classes is serialized into each resource's `__provider`
// property and run later in the engine's dynamic-provider process. So: types only from
// @pulumi/pulumi, no credential read or kept before `configure`, no module-level state.
import type * as pulumi from "@pulumi/pulumi";
import {
    AdminApiKeyMetadata,
    checkCreateArgs,
    ClientFactory,
    createAdminApiKey,
    deleteAdminApiKey,
    retrieveAdminApiKey,
} from "./adminApiKeys";
import { createAdminClient } from "./client";
import { NotFoundError } from "./errors";
import { assertExpectations, validateExpectations } from "./expectations";
import { waitMessage } from "./rateLimiter";
import { resolveSettings } from "./settings";

/** The outputs of an `AdminApiKey` resource: its metadata without the id, which is the resource id. */
export type AdminApiKeyOutputs = Omit<AdminApiKeyMetadata, "id">;

/** The outputs of a key created by an `AdminApiKey` resource: the metadata, its inputs, and the secret value. */
export interface ManagedAdminApiKeyOutputs extends AdminApiKeyOutputs {
    /** The key itself: returned once by the API, kept as a secret output; absent for an adopted key. */
    readonly value?: string;
    /** The lifetime asked for at creation, in seconds; absent for a key that never expires. */
    readonly expiresInSeconds?: number;
}

/** The inputs of a managed key, as the engine passes them. */
interface ManagedInputs {
    readonly name?: unknown;
    readonly expiresInSeconds?: unknown;
}

function clientFactoryFor(config: pulumi.dynamic.Config | undefined): ClientFactory {
    return (attempt) =>
        createAdminClient(
            resolveSettings(attempt, (name) => config?.get(name), process.env),
            {
                // The engine shows what the provider process writes to stderr next to the update's progress.
                onWait: (waitMs, reason, endpoint) => console.error(waitMessage(waitMs, reason, endpoint)),
            },
        );
}

/**
 * Runs a provider operation and hands any failure to the engine as a real `Error`.
 * Serialized by value, this package's error classes are rebuilt as plain functions whose
 * instances are not `Error`s, and the engine would print "[object Object]".
 */
async function forEngine<T>(operation: () => Promise<T>): Promise<T> {
    try {
        return await operation();
    } catch (error) {
        if (error instanceof Error) {
            throw error;
        }
        const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
        const engineError = new Error(typeof message === "string" ? message : String(error));
        engineError.name = typeof name === "string" ? name : "Error";
        throw engineError;
    }
}

// The engine's protobuf encoding refuses undefined values ("Unexpected struct type"); an
// absent optional output is left out instead.
function definedOnly<T extends object>(outputs: T): T {
    return Object.fromEntries(Object.entries(outputs).filter(([, value]) => value !== undefined)) as T;
}

function withoutId(key: AdminApiKeyMetadata): AdminApiKeyOutputs {
    const { id: _id, ...outputs } = key;
    return outputs;
}

/**
 * Dynamic provider behind `AdminApiKey.get`: reads an existing key in `pulumi preview`,
 * `up` and `refresh`, and checks it against the resource's expectations.
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

    /** A read-only key is never created. If this call fails, no key has been created. */
    async create(): Promise<pulumi.dynamic.CreateResult> {
        throw new Error("this AdminApiKey was declared with AdminApiKey.get and can only be read");
    }

    /**
     * Reads the key with id `id`. A key that does not exist fails with a `NotFoundError`:
     * for a `get`, an empty result would not mean "gone". A key that fails the expectations
     * in `props.expect` fails with an `ExpectationError`, which stops the preview or update
     * before anything that depends on the key.
     *
     * @param id the admin API key id, e.g. `key_abc`
     * @param props the resource's inputs: `expect`, when expectations were given
     * @returns the id the API reports and the key's metadata as outputs
     */
    async read(id: string, props?: { expect?: unknown }): Promise<pulumi.dynamic.ReadResult<AdminApiKeyOutputs>> {
        return forEngine(async () => {
            const expectations = validateExpectations({ operation: "retrieve admin API key", target: id }, props?.expect);
            const key = await retrieveAdminApiKey(clientFactoryFor(this.stackConfig), id);
            assertExpectations(key, expectations, Date.now() / 1000);
            return { id: key.id, props: withoutId(key) };
        });
    }
}

/**
 * Dynamic provider behind `new AdminApiKey(name, args)`: creates, replaces, refreshes and
 * deletes a key. The API cannot update a key, so any change of input replaces it; the engine
 * creates the new key before it deletes the old one.
 */
export class ManagedAdminApiKeyProvider implements pulumi.dynamic.ResourceProvider {
    // Set in the provider process by `configure`; never set where the provider is serialized.
    private stackConfig: pulumi.dynamic.Config | undefined;

    /**
     * Receives the stack's configuration (decrypted) in the provider process.
     *
     * @param req the stack configuration
     */
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        this.stackConfig = req.config;
    }

    /**
     * Validates `name` and `expiresInSeconds` before anything is sent; the engine reports
     * each failure against its property.
     *
     * @param _olds the previous inputs
     * @param news the new inputs
     * @returns the inputs unchanged, and the failures
     */
    async check(_olds: ManagedInputs, news: ManagedInputs): Promise<pulumi.dynamic.CheckResult> {
        const { name, expiresInSeconds } = news;
        return { inputs: news, failures: checkCreateArgs(expiresInSeconds === undefined ? { name } : { name, expiresInSeconds }) };
    }

    /**
     * Creates the key. If this call fails, no usable key has been created: a key whose
     * answer was lost is deleted before the one retry (see `createAdminApiKey`).
     *
     * @param inputs `name` and optional `expiresInSeconds`
     * @returns the key id, its metadata and its secret value
     */
    async create(inputs: { name: string; expiresInSeconds?: number }): Promise<pulumi.dynamic.CreateResult<ManagedAdminApiKeyOutputs>> {
        return forEngine(async () => {
            const created = await createAdminApiKey(clientFactoryFor(this.stackConfig), {
                name: inputs.name,
                expiresInSeconds: inputs.expiresInSeconds,
            });
            const { value, ...key } = created;
            return { id: key.id, outs: definedOnly({ ...withoutId(key), value, expiresInSeconds: inputs.expiresInSeconds }) };
        });
    }

    /**
     * Any change of `name` or `expiresInSeconds` replaces the key: the API has no update.
     *
     * @param _id the key id
     * @param olds the outputs stored for the key
     * @param news the new inputs
     * @returns the properties that force a replacement
     */
    async diff(_id: string, olds: ManagedInputs, news: ManagedInputs): Promise<pulumi.dynamic.DiffResult> {
        const replaces = (["name", "expiresInSeconds"] as const).filter((property) => olds[property] !== news[property]);
        return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
    }

    /**
     * Refreshes the key. A key deleted outside Pulumi returns an empty id, which removes it
     * from the state; the secret value, which the API never returns again, is carried over.
     *
     * @param id the key id
     * @param props the stored outputs
     * @returns the key's current metadata, or an empty id when it is gone
     */
    async read(id: string, props?: Partial<ManagedAdminApiKeyOutputs>): Promise<pulumi.dynamic.ReadResult<ManagedAdminApiKeyOutputs>> {
        return forEngine(async () => {
            let key: AdminApiKeyMetadata;
            try {
                key = await retrieveAdminApiKey(clientFactoryFor(this.stackConfig), id);
            } catch (error) {
                if (error instanceof NotFoundError) {
                    return { id: "" };
                }
                throw error;
            }
            return {
                id: key.id,
                props: definedOnly({ ...withoutId(key), value: props?.value, expiresInSeconds: props?.expiresInSeconds }),
            };
        });
    }

    /**
     * Deletes the key; a key that is already gone counts as deleted.
     *
     * @param id the key id
     */
    async delete(id: string): Promise<void> {
        await forEngine(() => deleteAdminApiKey(clientFactoryFor(this.stackConfig), id));
    }
}
