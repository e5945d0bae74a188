import { projectRoles, roles } from "../../api/organization/roles";
import { AnyDeclaration } from "../../api/declaration";
import { EmulatedResource, EmulatorContext, newId, Refusal } from "../emulatedResources";

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

/** The types that hold copies of a role (its assignments), kept in step when the role changes. */
export const ASSIGNMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
    Role: ["UserRoleAssignment", "GroupRoleAssignment"],
    ProjectRole: ["ProjectUserRoleAssignment", "ProjectGroupRoleAssignment"],
};

function badPermissions(permissions: unknown): Refusal | undefined {
    return Array.isArray(permissions) && permissions.every((permission) => typeof permission === "string" && permission !== "")
        ? undefined
        : refuse(400, "permissions must be a list of permission names.", "permissions");
}

// The API refuses a second role of a name within the organization (or project).
function nameTaken(context: EmulatorContext, type: string, parentIds: readonly string[], name: unknown, except?: unknown): boolean {
    const prefix = parentIds.length === 0 ? "" : `${parentIds.join("/")}/`;
    return [...context.objects(type).entries()].some(
        ([key, role]) =>
            key.startsWith(prefix) && !key.slice(prefix.length).includes("/") && role["name"] === name && role["id"] !== except,
    );
}

function emulation(declaration: AnyDeclaration, resourceType: string, seed: (now: number) => Map<string, object>): EmulatedResource {
    const parentCount = declaration.path.params.length - 1;
    return {
        declaration,
        idPrefix: "role_",
        create: (body, context) => {
            const parentIds = context.ids.slice(0, parentCount);
            if (parentCount > 0 && !context.objects("Project").has(parentIds[0] ?? "")) {
                return refuse(404, `No project found with id '${parentIds[0] ?? ""}'.`);
            }
            if (typeof body["role_name"] !== "string" || body["role_name"].trim() === "") {
                return refuse(400, "role_name must be a non-empty string.", "role_name");
            }
            const permissionsRefused = badPermissions(body["permissions"]);
            if (permissionsRefused !== undefined) {
                return permissionsRefused;
            }
            if (nameTaken(context, declaration.type, parentIds, body["role_name"])) {
                return refuse(400, `A role named '${body["role_name"]}' already exists.`, "role_name");
            }
            return {
                object: "role",
                id: newId("role_"),
                name: body["role_name"],
                description: body["description"] ?? null,
                permissions: body["permissions"],
                resource_type: resourceType,
                predefined_role: false,
            };
        },
        update: (existing, body, context) => {
            if (existing["predefined_role"] === true) {
                return refuse(400, `Role '${String(existing["id"])}' is predefined and cannot be changed.`);
            }
            if (body["permissions"] !== undefined && body["permissions"] !== null) {
                const permissionsRefused = badPermissions(body["permissions"]);
                if (permissionsRefused !== undefined) {
                    return permissionsRefused;
                }
            }
            const name = body["role_name"] ?? existing["name"];
            if (nameTaken(context, declaration.type, context.ids.slice(0, parentCount), name, existing["id"])) {
                return refuse(400, `A role named '${String(name)}' already exists.`, "role_name");
            }
            const updated = {
                ...existing,
                name,
                permissions: body["permissions"] ?? existing["permissions"],
                description: "description" in body ? body["description"] : existing["description"],
            };
            // Assignments show the role as it is now.
            for (const type of ASSIGNMENT_TYPES[declaration.type] ?? []) {
                for (const [key, assignment] of context.objects(type)) {
                    if (assignment["id"] === existing["id"]) {
                        context.objects(type).set(key, {
                            ...assignment,
                            name: updated.name,
                            permissions: updated.permissions,
                            description: updated.description,
                        });
                    }
                }
            }
            return updated;
        },
        refuseDelete: (existing) =>
            existing["predefined_role"] === true
                ? refuse(400, `Role '${String(existing["id"])}' is predefined and cannot be deleted.`)
                : undefined,
        seed,
    };
}

const role = (id: string, name: string, permissions: string[], resourceType: string, predefined: boolean, description: string | null) => ({
    object: "role",
    id,
    name,
    description,
    permissions,
    resource_type: resourceType,
    predefined_role: predefined,
});

/** The organization's roles a new emulator holds: owner and reader (predefined), and one custom role. */
export const SEEDED_ROLES = {
    owner: role(
        "role_owner",
        "owner",
        ["api.organization.admin", "api.organization.read", "api.groups.write", "api.roles.write"],
        "api.organization",
        true,
        "Full control of the organization.",
    ),
    reader: role("role_reader", "reader", ["api.organization.read"], "api.organization", true, "Reads the organization."),
    billingViewer: role("role_billing_viewer", "Billing Viewer", ["api.usage.read"], "api.organization", false, "Reads usage and costs."),
} as const;

/** The project roles a new emulator holds in each seeded project: owner and member (predefined). */
export const SEEDED_PROJECT_ROLES = {
    owner: (projectId: string) =>
        role(
            `role_${projectId}_owner`,
            "owner",
            ["api.project.admin", "api.project.read"],
            "api.project",
            true,
            "Full control of the project.",
        ),
    member: (projectId: string) =>
        role(`role_${projectId}_member`, "member", ["api.project.read", "api.model.request"], "api.project", true, "Uses the project."),
};

/**
 * Organization roles: predefined roles (owner, reader) that cannot be changed or deleted,
 * and custom ones, created with unique names and updated in place; the assignments of a
 * role follow its changes.
 */
export const roleEmulation = emulation(roles, "api.organization", () => new Map(Object.values(SEEDED_ROLES).map((one) => [one.id, one])));

/** Project roles: the same, per project (the project must exist); each seeded project has owner and member. */
export const projectRoleEmulation = emulation(projectRoles, "api.project", () => {
    const seeds = new Map<string, object>();
    for (const projectId of ["proj_default", "proj_web", "proj_research"]) {
        for (const make of Object.values(SEEDED_PROJECT_ROLES)) {
            const one = make(projectId);
            seeds.set(`${projectId}/${one.id}`, one);
        }
    }
    seeds.set(
        "proj_web/role_web_deployer",
        role("role_web_deployer", "Deployer", ["api.project.read", "api.deployments.write"], "api.project", false, "Ships the web app."),
    );
    return seeds;
});
