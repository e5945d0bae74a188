import * as pulumi from "@pulumi/pulumi";
import { ProjectApiKeyExpectations, ProjectApiKeyInfo, ProjectApiKeyOwner, projectApiKeys } from "../api/organization/projects/apiKeys";
import { getFunctions, InputArgs, listFunctions } from "./dataSources";
import { readParts, TYPE_MODULE } from "./declaredResource";

/** Options of {@link ProjectApiKey.get}: resource options, plus expectations the key must meet. */
export interface ProjectApiKeyGetOptions extends pulumi.CustomResourceOptions {
    /**
     * What the key must satisfy (owner type, owner, recent use or idleness, owner's access).
     * A key that fails any of them fails the preview or update before anything that depends
     * on it changes, with one message naming the key and each failure.
     */
    readonly expect?: ProjectApiKeyExpectations;
}

/**
 * An API key of a project, read in every preview, update and refresh, never changed: this
 * package cannot create or delete project API keys. Its use is to check keys before a deploy
 * goes on (`expect`), e.g. that a production key belongs to a service account. The resource
 * id is `<project id>/<key id>`. There is no `new ProjectApiKey(...)`: use
 * {@link ProjectApiKey.get}, or {@link getProjectApiKeys} with `expect` to check every key
 * of a project.
 *
 * @example
 * ```typescript
 * import { ProjectApiKey } from "pulumi-openai-admin";
 *
 * const checkout = ProjectApiKey.get("checkout-key", "proj_abc/key_def", {
 *     expect: { ownerType: "service_account", usedWithinDays: 30 },
 * });
 * export const checkoutOwner = checkout.owner.apply((owner) => owner.name);
 * ```
 */
export class ProjectApiKey extends pulumi.dynamic.Resource {
    /** The project the key belongs to. */
    declare readonly projectId: pulumi.Output<string>;
    /** The key's own id, e.g. `key_def`. */
    declare readonly keyId: pulumi.Output<string>;
    /** The key's name, or null. */
    declare readonly name: pulumi.Output<string | null>;
    /** The key with most of it masked, e.g. `sk-proj-...def`. */
    declare readonly redactedValue: pulumi.Output<string>;
    /** When the key was created, Unix seconds. */
    declare readonly createdAt: pulumi.Output<number>;
    /** When the key was last used, Unix seconds; null when it never was. */
    declare readonly lastUsedAt: pulumi.Output<number | null>;
    /** Whether the owner still has access to the project: `active` or `inactive`. */
    declare readonly ownerProjectAccess: pulumi.Output<string | null>;
    /** Who owns the key: type (`user`/`service_account`), id, name, email (users only), role. */
    declare readonly owner: pulumi.Output<ProjectApiKeyOwner>;

    /**
     * Looks up an existing project API key. The preview or update fails, naming the key,
     * when it does not exist or cannot be read, and naming each failure when it misses an
     * expectation.
     *
     * @param name the Pulumi resource name, unique in the stack
     * @param id `<project id>/<key id>`, e.g. `proj_abc/key_def`
     * @param opts resource options, and `expect`: what the key must satisfy
     * @returns the resource, whose outputs hold the key's metadata
     *
     * @example
     * ```typescript
     * const key = ProjectApiKey.get("ci", "proj_abc/key_def", { expect: { ownerType: "service_account" } });
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts: ProjectApiKeyGetOptions = {}): ProjectApiKey {
        return new ProjectApiKey(name, id, opts);
    }

    // Private: project API keys can only be read, through `get`.
    private constructor(name: string, id: pulumi.Input<pulumi.ID>, opts: ProjectApiKeyGetOptions) {
        if (typeof id === "object" && id !== null && !pulumi.Output.isInstance(id) && !(id instanceof Promise)) {
            // Reached only from JavaScript, where `private` does not hold: `new ProjectApiKey(name, { ... })`.
            throw new Error(
                `ProjectApiKey "${name}": this package cannot create project API keys; read one with ProjectApiKey.get(name, "<project id>/<key id>")`,
            );
        }
        const parts = readParts(projectApiKeys, name, id, opts);
        super(parts.provider, name, parts.props, parts.opts, TYPE_MODULE, parts.type);
    }
}

/** A project API key's metadata, with the project it belongs to. */
export interface GetProjectApiKeyResult extends ProjectApiKeyInfo {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
}

/** Arguments of {@link getProjectApiKey}: the project, and the key by id or by name (exactly one). */
export type GetProjectApiKeyArgs = {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
    /** What the key must satisfy; when it fails any, the call fails with an `ExpectationError`. */
    readonly expect?: ProjectApiKeyExpectations;
    /** Reuse a read of the same key made in this process in the last 60 seconds (default true). */
    readonly cache?: boolean;
} & (
    | {
          /** The key's id, e.g. `key_def`. */
          readonly keyId: string;
          readonly name?: never;
      }
    | {
          /** The key's name; exactly one key of the project must have it. */
          readonly name: string;
          readonly keyId?: never;
      }
);

/** Arguments of {@link getProjectApiKeys}: the project, filters combined with "and", and a check of every key. */
export interface GetProjectApiKeysArgs {
    /** The project, e.g. `proj_abc`. */
    readonly projectId: string;
    /**
     * Keys by their owner's access to the project: `active`, `inactive` or `any` (default
     * `any`: every enabled key; the API alone would hide some).
     */
    readonly ownerProjectAccess?: "active" | "inactive" | "any";
    /** Only keys whose owner is of this type. */
    readonly ownerType?: "user" | "service_account";
    /** Only keys whose owner has this id. */
    readonly ownerId?: string;
    /** Only keys with exactly this name. */
    readonly name?: string;
    /**
     * What every listed key must satisfy: when any fails, the call fails with one
     * `ExpectationError` naming each offending key and what it failed.
     */
    readonly expect?: ProjectApiKeyExpectations;
}

/** The keys of the project that passed the filters. */
export interface GetProjectApiKeysResult {
    /** Each key's metadata, in the order the API lists them. */
    readonly keys: readonly GetProjectApiKeyResult[];
}

const single = getFunctions<GetProjectApiKeyArgs, GetProjectApiKeyResult>(projectApiKeys);
const many = listFunctions<GetProjectApiKeysArgs, GetProjectApiKeysResult>(projectApiKeys);

/**
 * Reads a project API key by id or by name from the program process, optionally checked
 * against expectations.
 *
 * @example
 * ```typescript
 * const key = await getProjectApiKey({ projectId: "proj_abc", keyId: "key_def", expect: { ownerType: "service_account" } });
 * ```
 */
export const getProjectApiKey: (args: GetProjectApiKeyArgs) => Promise<GetProjectApiKeyResult> = single.get;

/**
 * {@link getProjectApiKey} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const lastUsed = getProjectApiKeyOutput({ projectId: project.id, keyId: "key_def" }).lastUsedAt;
 * ```
 */
export const getProjectApiKeyOutput = single.getOutput;

/**
 * Lists a project's API keys (every page, 100 a page), optionally filtered, and optionally
 * checks every one of them: a gate that refuses, say, a production project holding keys of
 * people rather than service accounts.
 *
 * @example
 * ```typescript
 * // Fails, naming each user-owned key, when the project holds any.
 * await getProjectApiKeys({ projectId: "proj_prod", expect: { ownerType: "service_account" } });
 * ```
 */
export const getProjectApiKeys: (args: GetProjectApiKeysArgs) => Promise<GetProjectApiKeysResult> = many.list;

/**
 * {@link getProjectApiKeys} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const idleKeys = getProjectApiKeysOutput({ projectId: "proj_abc" }).keys.apply((keys) =>
 *     keys.filter((k) => k.lastUsedAt === null).map((k) => k.id),
 * );
 * ```
 */
export const getProjectApiKeysOutput = many.listOutput as (
    args: InputArgs<GetProjectApiKeysArgs>,
) => pulumi.Output<GetProjectApiKeysResult>;
