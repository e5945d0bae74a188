import { AnyDeclaration } from "../../api/declaration";
import {
    groupRoleAssignments,
    projectGroupRoleAssignments,
    projectUserRoleAssignments,
    userRoleAssignments,
} from "../../api/organization/roleAssignments";
import { EmulatedResource, EmulatorContext, Refusal } from "../emulatedResources";
import { SEEDED_PROJECT_ROLES, SEEDED_ROLES } from "./roles";

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

/** A principal of the emulated organization, as assignment answers show it. */
interface Principal {
    readonly id: string;
    readonly name: string;
    readonly email?: string;
}

// The organization's people and groups, as role assignments know them. The users and groups
// resources, where they are emulated, are the authority: a principal they hold is known too.
const KNOWN_PRINCIPALS: Readonly<Record<"user" | "group", readonly Principal[]>> = {
    user: [
        { id: "user_ada", name: "Ada Lovelace", email: "ada@example.com" },
        { id: "user_grace", name: "Grace Hopper", email: "grace@example.com" },
        { id: "user_alan", name: "Alan Turing", email: "alan@example.com" },
        { id: "user_katherine", name: "Katherine Johnson", email: "katherine@example.com" },
    ],
    group: [
        { id: "group_platform", name: "Platform" },
        { id: "group_data", name: "Data" },
    ],
};

const PRINCIPAL_TYPES = { user: "OrganizationUser", group: "Group" } as const;

function principalOf(kind: "user" | "group", id: string, context: EmulatorContext): Principal | undefined {
    const stored = context.objects(PRINCIPAL_TYPES[kind]).get(id);
    if (stored !== undefined) {
        return {
            id,
            name: typeof stored["name"] === "string" ? stored["name"] : id,
            email: typeof stored["email"] === "string" ? stored["email"] : undefined,
        };
    }
    return KNOWN_PRINCIPALS[kind].find((principal) => principal.id === id);
}

// A role held, as the assignment endpoints show it (`AssignedRoleDetails`).
function held(role: Record<string, unknown>): Record<string, unknown> {
    return {
        id: role["id"],
        name: role["name"],
        permissions: role["permissions"],
        resource_type: role["resource_type"],
        predefined_role: role["predefined_role"],
        description: role["description"] ?? null,
        created_at: null,
        updated_at: null,
        created_by: null,
        created_by_user_obj: null,
        metadata: null,
        assignment_sources: null,
    };
}

function emulation(
    declaration: AnyDeclaration,
    kind: "user" | "group",
    project: boolean,
    seed: () => Map<string, object>,
): EmulatedResource {
    const roleOf = (roleId: string, context: EmulatorContext) =>
        project ? context.objects("ProjectRole").get(`${context.ids[0] ?? ""}/${roleId}`) : context.objects("Role").get(roleId);
    return {
        declaration,
        idPrefix: "role_",
        create: (body, context) => {
            const principalId = context.ids.at(-1) ?? "";
            if (project && !context.objects("Project").has(context.ids[0] ?? "")) {
                return refuse(404, `No project found with id '${context.ids[0] ?? ""}'.`);
            }
            if (principalOf(kind, principalId, context) === undefined) {
                return refuse(404, `No ${kind} found with id '${principalId}'.`);
            }
            const roleId = body["role_id"];
            if (typeof roleId !== "string" || roleId === "") {
                return refuse(400, "role_id must be a non-empty string.", "role_id");
            }
            const role = roleOf(roleId, context);
            if (role === undefined) {
                return refuse(404, `No ${project ? "project role" : "role"} found with id '${roleId}'.`, "role_id");
            }
            if (context.objects(declaration.type).has([...context.ids, roleId].join("/"))) {
                return refuse(400, `The ${kind} '${principalId}' already holds role '${roleId}'.`, "role_id");
            }
            return held(role);
        },
        // The assign answer names the principal and the role, not the role held.
        createResponse: (created, context) => {
            const principalId = context.ids.at(-1) ?? "";
            const principal = principalOf(kind, principalId, context)!;
            const role = roleOf(String(created["id"]), context)!;
            const who =
                kind === "user"
                    ? {
                          object: "organization.user",
                          id: principal.id,
                          name: principal.name,
                          email: principal.email ?? null,
                          role: "reader",
                          added_at: context.now,
                      }
                    : { object: "group", id: principal.id, name: principal.name, created_at: context.now, scim_managed: false };
            return { object: `${kind}.role`, [kind]: who, role };
        },
        seed,
    };
}

const seeds = (entries: ReadonlyArray<readonly [string, Record<string, unknown>]>) => () =>
    new Map<string, object>(entries.map(([key, role]) => [`${key}/${String(role["id"])}`, held(role)]));

/** Users' organization roles: Ada is an owner, Grace a reader. */
export const userRoleAssignmentEmulation = emulation(
    userRoleAssignments,
    "user",
    false,
    seeds([
        ["user_ada", SEEDED_ROLES.owner],
        ["user_grace", SEEDED_ROLES.reader],
    ]),
);

/** Groups' organization roles: the platform group holds the custom Billing Viewer role. */
export const groupRoleAssignmentEmulation = emulation(
    groupRoleAssignments,
    "group",
    false,
    seeds([["group_platform", SEEDED_ROLES.billingViewer]]),
);

/** Users' project roles: Alan is a member of the web project directly. */
export const projectUserRoleAssignmentEmulation = emulation(
    projectUserRoleAssignments,
    "user",
    true,
    seeds([["proj_web/user_alan", SEEDED_PROJECT_ROLES.member("proj_web")]]),
);

/** Groups' project roles: the data group is a member of the research project. */
export const projectGroupRoleAssignmentEmulation = emulation(
    projectGroupRoleAssignments,
    "group",
    true,
    seeds([["proj_research/group_data", SEEDED_PROJECT_ROLES.member("proj_research")]]),
);
