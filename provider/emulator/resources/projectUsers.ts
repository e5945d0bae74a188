import { PROJECT_USER_ROLES, projectUsers, WireProjectUser } from "../../api/organization/projects/users";
import { WireOrganizationUser } from "../../api/organization/users";
import { EmulatedResource, EmulatorContext, Refusal } from "../emulatedResources";
import { findMember, SEED_PEOPLE } from "./organizationUsers";

const DAY = 24 * 60 * 60;

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

const badRole = (role: unknown): Refusal | undefined =>
    (PROJECT_USER_ROLES as readonly unknown[]).includes(role)
        ? undefined
        : refuse(400, `role must be one of ${PROJECT_USER_ROLES.join(", ")}.`, "role");

// Resolves the person a create names among the OrganizationUser store's members, by id (404 when the organization has no such user, as
// for any unknown id) or by email (400: an address is not an id, and may need an invite first).
function memberOf(body: Record<string, unknown>, context: EmulatorContext): WireOrganizationUser | Refusal {
    const userId = body["user_id"] ?? undefined;
    const email = body["email"] ?? undefined;
    if ((userId === undefined) === (email === undefined)) {
        return refuse(400, "Exactly one of 'user_id' and 'email' must be given.", userId === undefined ? "user_id" : "email");
    }
    if (userId !== undefined) {
        return typeof userId !== "string"
            ? refuse(400, "user_id must be a string.", "user_id")
            : (findMember(context, { id: userId }) ?? refuse(404, `No user found with id '${userId}'.`));
    }
    if (typeof email !== "string") {
        return refuse(400, "email must be a string.", "email");
    }
    return (
        findMember(context, { email }) ??
        refuse(400, `No user with email '${email}' is a member of this organization; invite them first.`, "email")
    );
}

function create(body: Record<string, unknown>, context: EmulatorContext): Record<string, unknown> | Refusal {
    const { now, ids, objects } = context;
    const roleRefused = badRole(body["role"]);
    if (roleRefused !== undefined) {
        return roleRefused;
    }
    const member = memberOf(body, context);
    if ("refuse" in member) {
        return member;
    }
    const projectId = ids[0] ?? "";
    // The API refuses to add someone twice; the existing membership is left as it is.
    if (objects(projectUsers.type).has(`${projectId}/${member.id}`)) {
        return refuse(400, `User '${member.id}' is already a member of project '${projectId}'.`, "user_id");
    }
    return {
        object: "organization.project.user",
        id: member.id,
        name: member.name,
        email: member.email,
        role: body["role"],
        added_at: now,
    };
}

/**
 * Project users: people of the organization (a fixed table) added to a project by id or by
 * email; adding someone already there is refused with 400; role updated in place; delete
 * removes the person from the project only.
 */
export const projectUserEmulation: EmulatedResource = {
    declaration: projectUsers,
    idPrefix: "user_",
    create,
    update: (existing, body) => {
        const refused = badRole(body["role"]);
        return refused ?? { ...existing, role: body["role"] };
    },
    // Ada owns the default project and the web storefront; Grace and Alan are members of both.
    seed: (now) => {
        const roles: Readonly<Record<string, string>> = { user_ada: "owner", user_grace: "member", user_alan: "member" };
        const users: Array<[string, WireProjectUser]> = [];
        for (const [projectId, addedDaysAgo] of [
            ["proj_default", 480],
            ["proj_web", 190],
        ] as const) {
            for (const member of SEED_PEOPLE.filter((m) => roles[m.id] !== undefined)) {
                users.push([
                    `${projectId}/${member.id}`,
                    {
                        object: "organization.project.user",
                        id: member.id,
                        name: member.name,
                        email: member.email,
                        role: roles[member.id]!,
                        added_at: now - addedDaysAgo * DAY,
                    },
                ]);
            }
        }
        return new Map(users);
    },
};
