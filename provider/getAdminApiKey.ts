import * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyMetadata, retrieveAdminApiKey } from "./adminApiKeys";
import { ClientOptions, createAdminClient } from "./client";
import { ConfigLookup, resolveSettings } from "./settings";

/** Arguments of {@link getAdminApiKey}. */
export interface GetAdminApiKeyArgs {
    /** The admin API key id, e.g. `key_abc`. */
    readonly keyId: string;
}

/** Arguments of {@link getAdminApiKeyOutput}: the same, as Pulumi inputs. */
export interface GetAdminApiKeyOutputArgs {
    /** The admin API key id, e.g. `key_abc`; may be an output of another resource. */
    readonly keyId: pulumi.Input<string>;
}

/** An admin API key's metadata: `id` plus the same fields as the `AdminApiKey` outputs. */
export type GetAdminApiKeyResult = AdminApiKeyMetadata;

/** Where {@link fetchAdminApiKey} reads its settings and how it sends; tests replace these. */
export interface FetchDependencies {
    /** Stack configuration lookup. */
    readonly config: ConfigLookup;
    /** Environment holding `OPENAI_*` variables. */
    readonly env: NodeJS.ProcessEnv;
    /** Client seams (clock, HTTP adapter). */
    readonly client?: ClientOptions;
}

/**
 * {@link getAdminApiKey} with its settings sources passed in, for tests and for callers
 * outside a Pulumi program.
 *
 * @param args which key
 * @param deps where settings come from
 * @returns the key's metadata
 */
export function fetchAdminApiKey(args: GetAdminApiKeyArgs, deps: FetchDependencies): Promise<GetAdminApiKeyResult> {
    return retrieveAdminApiKey((attempt) => createAdminClient(resolveSettings(attempt, deps.config, deps.env), deps.client), args?.keyId);
}

/**
 * Reads an admin API key's metadata from the program process (dynamic providers cannot
 * serve invokes). Settings come from stack config (`openai:adminKey`, `openai:baseUrl`, ...)
 * and then the environment (`OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`, ...).
 *
 * @param args `keyId`: the key to read
 * @returns the key's metadata
 * @throws {InvalidInputError} before any request when `keyId` is not a usable id
 * @throws {NotFoundError} when no key has that id
 *
 * @example
 * ```typescript
 * import { getAdminApiKey } from "pulumi-openai-admin";
 *
 * const key = await getAdminApiKey({ keyId: "key_abc" });
 * console.log(key.owner.name, key.expiresAt);
 * ```
 */
export function getAdminApiKey(args: GetAdminApiKeyArgs): Promise<GetAdminApiKeyResult> {
    return fetchAdminApiKey(args, { config: (key) => pulumi.runtime.getConfig(key), env: process.env });
}

/**
 * {@link getAdminApiKey} for Pulumi inputs: waits for `keyId` to be known, then reads the
 * key. During a preview in which `keyId` is not yet known, the result is unknown too.
 *
 * @param args `keyId`: the key to read, as an input
 * @returns the key's metadata as an output
 *
 * @example
 * ```typescript
 * import { getAdminApiKeyOutput } from "pulumi-openai-admin";
 *
 * const key = getAdminApiKeyOutput({ keyId: "key_abc" });
 * export const keyOwner = key.owner.id;
 * ```
 */
export function getAdminApiKeyOutput(args: GetAdminApiKeyOutputArgs): pulumi.Output<GetAdminApiKeyResult> {
    return pulumi.output(args).apply((resolved) => getAdminApiKey(resolved));
}
