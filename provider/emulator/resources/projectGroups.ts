import { projectGroups, WireProjectGroup } from "../../api/organization/projects/groups";
import { EmulatedResource, EmulatorContext, Refusal } from "../emulatedResources";

const DAY = 24 * 60 * 60;

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

function create(body: Record<string, unknown>, context: EmulatorContext): Record<string, unknown> | Refusal {
    const projectId = context.ids[0] ?? "";
    const groupId = body["group_id"];
    if (typeof groupId !== "string" || groupId === "") {
        return refuse(400, "Missing required parameter: 'group_id'.", "group_id");
    }
    if (typeof body["role"] !== "string" || body["role"] === "") {
        return refuse(400, "Missing required parameter: 'role'.", "role");
    }
    const group = context.objects("Group").get(groupId);
    if (group === undefined) {
        return refuse(404, `No group found with id '${groupId}'.`);
    }
    if (context.objects(projectGroups.type).has(`${projectId}/${groupId}`)) {
        return refuse(400, `Group '${groupId}' already has access to project '${projectId}'.`, "group_id");
    }
    return {
        object: "project.group",
        project_id: projectId,
        group_id: groupId,
        group_name: group["name"],
        group_type: "group",
        created_at: context.now,
    };
}

/** Project groups: a group given access to a project with a role; no update; the role is never returned. */
export const projectGroupEmulation: EmulatedResource = {
    declaration: projectGroups,
    idPrefix: "group_",
    create,
    // The platform group has access to the web storefront.
    seed: (now) =>
        new Map<string, WireProjectGroup>([
            [
                "proj_web/group_platform",
                {
                    object: "project.group",
                    project_id: "proj_web",
                    group_id: "group_platform",
                    group_name: "Platform",
                    group_type: "group",
                    created_at: now - 150 * DAY,
                },
            ],
        ]),
};
