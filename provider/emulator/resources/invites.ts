import { INVITE_PROJECT_ROLES, INVITE_ROLES, invites, WireInvite } from "../../api/organization/invites";
import { EmulatedResource, EmulatorContext, newId, Refusal } from "../emulatedResources";
import { findMember } from "./organizationUsers";

const DAY = 24 * 60 * 60;

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

// The projects of a create body: absent means the default project, as the API does.
function projectsOf(body: Record<string, unknown>, context: EmulatorContext): Array<{ id: string; role: string }> | Refusal {
    const projects = body["projects"];
    if (projects === undefined || projects === null) {
        return [{ id: "proj_default", role: "member" }];
    }
    if (!Array.isArray(projects)) {
        return refuse(400, "projects must be a list.", "projects");
    }
    const listed: Array<{ id: string; role: string }> = [];
    for (const project of projects as Array<Record<string, unknown>>) {
        if (!context.objects("Project").has(String(project["id"]))) {
            return refuse(400, `No project found with id '${String(project["id"])}'.`, "projects");
        }
        if (!(INVITE_PROJECT_ROLES as readonly unknown[]).includes(project["role"])) {
            return refuse(400, `Project role must be one of ${INVITE_PROJECT_ROLES.join(", ")}.`, "projects");
        }
        listed.push({ id: String(project["id"]), role: String(project["role"]) });
    }
    return listed;
}

function create(body: Record<string, unknown>, context: EmulatorContext): Record<string, unknown> | Refusal {
    const email = body["email"];
    if (typeof email !== "string" || !email.includes("@")) {
        return refuse(400, "email must be an email address.", "email");
    }
    if (!(INVITE_ROLES as readonly unknown[]).includes(body["role"])) {
        return refuse(400, `role must be one of ${INVITE_ROLES.join(", ")}.`, "role");
    }
    if (findMember(context, { email }) !== undefined) {
        return refuse(400, `${email} is already a member of this organization.`, "email");
    }
    const pending = [...context.objects(invites.type).values()].find(
        (invite) => invite["status"] === "pending" && String(invite["email"]).toLowerCase() === email.toLowerCase(),
    );
    if (pending !== undefined) {
        return refuse(400, `${email} already has a pending invite (${String(pending["id"])}).`, "email");
    }
    const projects = projectsOf(body, context);
    if ("refuse" in projects) {
        return projects;
    }
    return {
        object: "organization.invite",
        id: newId("invite-"),
        email,
        role: body["role"],
        status: "pending",
        created_at: context.now,
        expires_at: context.now + 7 * DAY,
        accepted_at: null,
        projects,
    };
}

/**
 * Invites: sent pending, for a week, to an address that is neither a member nor already
 * invited; never updated; an accepted invite cannot be deleted.
 */
export const inviteEmulation: EmulatedResource = {
    declaration: invites,
    idPrefix: "invite-",
    create,
    refuseDelete: (invite) =>
        invite["status"] === "accepted" ? refuse(400, "Invites that have already been accepted cannot be deleted.") : undefined,
    // A pending invite for Margaret, and the one Katherine accepted when she joined.
    seed: (now) =>
        new Map<string, WireInvite>([
            [
                "invite-margaret",
                {
                    object: "organization.invite",
                    id: "invite-margaret",
                    email: "margaret@example.com",
                    role: "reader",
                    status: "pending",
                    created_at: now - 2 * DAY,
                    expires_at: now + 5 * DAY,
                    accepted_at: null,
                    projects: [{ id: "proj_research", role: "member" }],
                },
            ],
            [
                "invite-katherine",
                {
                    object: "organization.invite",
                    id: "invite-katherine",
                    email: "katherine@example.com",
                    role: "reader",
                    status: "accepted",
                    created_at: now - 22 * DAY,
                    expires_at: now - 15 * DAY,
                    accepted_at: now - 20 * DAY,
                    projects: [],
                },
            ],
        ]),
};
