import { randomBytes } from "node:crypto";
import { AnyDeclaration } from "../api/declaration";
import { adminApiKeyEmulation } from "./resources/adminApiKeys";
import { projectApiKeyEmulation } from "./resources/projectApiKeys";
import { projectEmulation } from "./resources/projects";
import { projectServiceAccountEmulation } from "./resources/projectServiceAccounts";
import { projectUserEmulation } from "./resources/projectUsers";
import { projectRateLimitEmulation } from "./resources/projectRateLimits";
import { projectRoleEmulation, roleEmulation } from "./resources/roles";
import {
    groupRoleAssignmentEmulation,
    projectGroupRoleAssignmentEmulation,
    projectUserRoleAssignmentEmulation,
    userRoleAssignmentEmulation,
} from "./resources/roleAssignments";
import { organizationUserEmulation } from "./resources/organizationUsers";
import { inviteEmulation } from "./resources/invites";
import { groupEmulation } from "./resources/groups";
import { groupUserEmulation } from "./resources/groupUsers";
import { projectGroupEmulation } from "./resources/projectGroups";

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
    /**
     * The whole create answer, when it is not the stored object: a group membership answers
     * with a receipt, a role assignment with the user (or group) and the role held.
     */
    readonly createResponse?: (created: Record<string, unknown>, context: EmulatorContext) => Record<string, unknown>;
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
    /** The objects a new emulator holds, by resource id, dated relative to `now` (Unix seconds). */
    readonly seed?: (now: number) => Map<string, object>;
    /** Refuses a delete (e.g. of an accepted invite); undefined allows it. */
    readonly refuseDelete?: (existing: Record<string, unknown>) => Refusal | undefined;
}

/** A fresh id with the given prefix. */
export function newId(prefix: string): string {
    return `${prefix}${randomBytes(8).toString("hex")}`;
}

/** Every resource the emulator serves: one file each in resources/. */
export const emulatedResources: readonly EmulatedResource[] = [
    adminApiKeyEmulation,
    projectEmulation,
    projectServiceAccountEmulation,
    projectUserEmulation,
    projectApiKeyEmulation,
    projectRateLimitEmulation,
    organizationUserEmulation,
    inviteEmulation,
    groupEmulation,
    groupUserEmulation,
    projectGroupEmulation,
    roleEmulation,
    projectRoleEmulation,
    userRoleAssignmentEmulation,
    groupRoleAssignmentEmulation,
    projectUserRoleAssignmentEmulation,
    projectGroupRoleAssignmentEmulation,
];
