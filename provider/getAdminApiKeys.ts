import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AdminApiKeyMetadata, listAdminApiKeys } from "./adminApiKeys";
import { clientFactory, FetchDependencies, nowSeconds, programDependencies } from "./programClient";
import { parseArguments, schemaOnce } from "./validation";

/** Arguments of {@link getAdminApiKeys}: the order and optional filters, all combined with "and". */
export interface GetAdminApiKeysArgs {
    /** By creation time: `asc` (default) or `desc`. */
    readonly order?: "asc" | "desc";
    /** Only keys whose owner is of this type. */
    readonly ownerType?: "user" | "service_account";
    /** Only keys whose owner has this id. */
    readonly ownerId?: string;
    /** Only keys with exactly this name. */
    readonly name?: string;
    /** `true`: only expired keys; `false`: only keys that have not expired (including those that never do). */
    readonly expired?: boolean;
}

/** Arguments of {@link getAdminApiKeysOutput}: the same, as Pulumi inputs. */
export type GetAdminApiKeysOutputArgs = { readonly [K in keyof GetAdminApiKeysArgs]?: pulumi.Input<GetAdminApiKeysArgs[K]> };

/** The keys of the organization that passed the filters. */
export interface GetAdminApiKeysResult {
    /** Each key's metadata, in the order asked. */
    readonly keys: readonly AdminApiKeyMetadata[];
}

// Built once per process by schemaOnce; strict, so that a misspelt filter is refused.
const argsSchema = () =>
    schemaOnce("listArgs", () =>
        z.strictObject({
            order: z.enum(["asc", "desc"]).optional(),
            ownerType: z.enum(["user", "service_account"]).optional(),
            ownerId: z.string().min(1).optional(),
            name: z.string().optional(),
            expired: z.boolean().optional(),
        }),
    );

/**
 * {@link getAdminApiKeys} with its settings sources passed in, for tests and for callers
 * outside a Pulumi program.
 *
 * @param args order and filters
 * @param deps where settings come from
 * @returns the matching keys
 */
export async function fetchAdminApiKeys(args: GetAdminApiKeysArgs | undefined, deps: FetchDependencies): Promise<GetAdminApiKeysResult> {
    const attempt = { operation: "list admin API keys" };
    const filters = parseArguments(attempt, argsSchema(), args ?? {}, "");
    const now = nowSeconds(deps);
    const all = await listAdminApiKeys(clientFactory(deps), { order: filters.order });
    const keys = all.filter(
        (key) =>
            (filters.ownerType === undefined || key.owner.type === filters.ownerType) &&
            (filters.ownerId === undefined || key.owner.id === filters.ownerId) &&
            (filters.name === undefined || key.name === filters.name) &&
            (filters.expired === undefined || filters.expired === (key.expiresAt !== null && key.expiresAt <= now)),
    );
    return { keys };
}

/**
 * Lists the organization's admin API keys (`GET /organization/admin_api_keys`, every page,
 * 100 keys a page) from the program process, optionally filtered.
 *
 * @param args order and filters; all keys in creation order when omitted
 * @returns the matching keys
 * @throws {InvalidInputError} before any request for an unknown filter or a bad value
 *
 * @example
 * ```typescript
 * import { getAdminApiKeys } from "pulumi-openai-admin";
 *
 * const { keys } = await getAdminApiKeys({ ownerType: "user", expired: false });
 * console.log(keys.map((key) => `${key.id} ${key.owner.name}`));
 * ```
 */
export function getAdminApiKeys(args?: GetAdminApiKeysArgs): Promise<GetAdminApiKeysResult> {
    return fetchAdminApiKeys(args, programDependencies());
}

/**
 * {@link getAdminApiKeys} for Pulumi inputs.
 *
 * @param args order and filters, as inputs
 * @returns the matching keys as an output
 *
 * @example
 * ```typescript
 * import { getAdminApiKeysOutput } from "pulumi-openai-admin";
 *
 * export const serviceAccountKeyIds = getAdminApiKeysOutput({ ownerType: "service_account" }).keys.apply((keys) => keys.map((k) => k.id));
 * ```
 */
export function getAdminApiKeysOutput(args?: GetAdminApiKeysOutputArgs): pulumi.Output<GetAdminApiKeysResult> {
    return pulumi.output(args ?? {}).apply((resolved) => getAdminApiKeys(resolved as GetAdminApiKeysArgs));
}
