import { randomBytes } from "node:crypto";
import { AnyDeclaration } from "../api/declaration";
import { adminApiKeys } from "../api/organization/adminApiKeys";
import { projects } from "../api/organization/projects";

/** A refusal the emulator answers with: an OpenAI-shaped error. */
export interface Refusal {
    readonly refuse: { readonly status: number; readonly message: string; readonly param?: string };
}

/** What a quirk may look at: the time, the store and the ids in the URL. */
export interface EmulatorContext {
    /** Current time, Unix seconds. */
    readonly now: number;
    /** The path's ids: parents first, then the object's own id for item paths. */
    readonly ids: readonly string[];
    /** The objects of a type, by resource id (`<parent id>/<own id>` for children). */
    readonly objects: (type: string) => Map<string, Record<string, unknown>>;
}

/**
 * How the emulator serves one declared resource: the generic store does list, retrieve,
 * create, update and delete from the declaration; these are the parts peculiar to it.
 */
export interface EmulatedResource {
    /** The declaration it serves. */
    readonly declaration: AnyDeclaration;
    /** Prefix of new ids, e.g. `proj_`. */
    readonly idPrefix: string;
    /** Builds a new wire object from a create body, or refuses it. Default: the body plus id, object and created_at. */
    readonly create?: (body: Record<string, unknown>, context: EmulatorContext) => Record<string, unknown> | Refusal;
    /** Fields the create answer adds to the stored object (one-time secrets). */
    readonly createAnswer?: (created: Record<string, unknown>) => Record<string, unknown>;
    /** Applies an update body, or refuses it. Default: the body's fields replace the object's. */
    readonly update?: (
        existing: Record<string, unknown>,
        body: Record<string, unknown>,
        context: EmulatorContext,
    ) => Record<string, unknown> | Refusal;
    /** Keeps the objects a list shows, given its query. Default: all. */
    readonly listFilter?: (object: Record<string, unknown>, query: URLSearchParams) => boolean;
    /** Actions on an item below its path, e.g. `/archive`, each returning the new object. */
    readonly actions?: Readonly<Record<string, (existing: Record<string, unknown>, context: EmulatorContext) => Record<string, unknown>>>;
    /** Refuses a delete (e.g. of an accepted invite); undefined allows it. */
    readonly refuseDelete?: (existing: Record<string, unknown>) => Refusal | undefined;
}

/** A fresh id with the given prefix. */
export function newId(prefix: string): string {
    return `${prefix}${randomBytes(8).toString("hex")}`;
}

const MAX_KEY_EXPIRY_SECONDS = 31_536_000;

const adminApiKeyEmulation: EmulatedResource = {
    declaration: adminApiKeys,
    idPrefix: "key_",
    create: (body, { now }) => {
        if (typeof body["name"] !== "string" || body["name"] === "") {
            return { refuse: { status: 400, message: "Missing required parameter: 'name'.", param: "name" } };
        }
        const expires = body["expires_in_seconds"];
        if (
            expires !== undefined &&
            (typeof expires !== "number" || !Number.isInteger(expires) || expires < 1 || expires > MAX_KEY_EXPIRY_SECONDS)
        ) {
            return {
                refuse: {
                    status: 400,
                    message: `expires_in_seconds must be an integer between 1 and ${MAX_KEY_EXPIRY_SECONDS}.`,
                    param: "expires_in_seconds",
                },
            };
        }
        return {
            object: "organization.admin_api_key",
            id: newId("key_"),
            name: body["name"],
            redacted_value: "",
            created_at: now,
            expires_at: expires === undefined ? null : now + expires,
            last_used_at: null,
            owner: {
                type: "user",
                object: "organization.user",
                id: "user_emulator",
                name: "Emulator owner",
                created_at: now,
                role: "owner",
            },
        };
    },
    createAnswer: (created) => {
        const value = `sk-admin-${randomBytes(24).toString("base64url")}`;
        created["redacted_value"] = `sk-admin...${value.slice(-3)}`;
        return { value };
    },
};

const projectEmulation: EmulatedResource = {
    declaration: projects,
    idPrefix: "proj_",
    create: (body, { now }) =>
        typeof body["name"] !== "string" || body["name"] === ""
            ? { refuse: { status: 400, message: "Missing required parameter: 'name'.", param: "name" } }
            : {
                  object: "organization.project",
                  id: newId("proj_"),
                  name: body["name"],
                  created_at: now,
                  archived_at: null,
                  status: "active",
                  external_key_id: body["external_key_id"] ?? null,
                  residency: body["residency"] ?? "GLOBAL",
              },
    update: (existing, body) =>
        existing["status"] === "archived"
            ? { refuse: { status: 400, message: "Archived projects cannot be updated." } }
            : {
                  ...existing,
                  ...(body["name"] === undefined ? {} : { name: body["name"] }),
                  ...("external_key_id" in body ? { external_key_id: body["external_key_id"] } : {}),
              },
    listFilter: (project, query) => query.get("include_archived") === "true" || project["status"] !== "archived",
    actions: {
        "/archive": (existing, { now }) => ({ ...existing, status: "archived", archived_at: existing["archived_at"] ?? now }),
    },
};

/** Every resource the emulator serves. */
export const emulatedResources: readonly EmulatedResource[] = [adminApiKeyEmulation, projectEmulation];
