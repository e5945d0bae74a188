import { groupUsers } from "../../api/organization/groups/users";
import { EmulatedResource, EmulatorContext, Refusal } from "../emulatedResources";
import { findMember, SEED_PEOPLE } from "./organizationUsers";

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

// What the list and the GET of a group member hold.
function memberRecord(person: { readonly id: string; readonly name?: string | null; readonly email?: string | null }) {
    return {
        id: person.id,
        name: person.name ?? "",
        email: person.email ?? null,
        picture: null,
        is_service_account: false,
        user_type: "user",
    };
}

function create(body: Record<string, unknown>, context: EmulatorContext): Record<string, unknown> | Refusal {
    const groupId = context.ids[0] ?? "";
    const userId = body["user_id"];
    if (typeof userId !== "string" || userId === "") {
        return refuse(400, "Missing required parameter: 'user_id'.", "user_id");
    }
    if (context.objects("Group").get(groupId)?.["is_scim_managed"] === true) {
        return refuse(400, "This group is managed by SCIM; change its members in your identity provider.");
    }
    const member = findMember(context, { id: userId });
    if (member === undefined) {
        return refuse(404, `No user found with id '${userId}'.`);
    }
    if (context.objects(groupUsers.type).has(`${groupId}/${userId}`)) {
        return refuse(400, `User '${userId}' is already a member of group '${groupId}'.`, "user_id");
    }
    return memberRecord(member);
}

/**
 * Group users: members of the organization added to a group by id; the create answers with a
 * receipt (`group.user`), not the member; members of a SCIM group cannot be changed.
 */
export const groupUserEmulation: EmulatedResource = {
    declaration: groupUsers,
    idPrefix: "user_",
    create,
    createResponse: (created, context) => ({ object: "group.user", user_id: created["id"], group_id: context.ids[0] }),
    seed: () => {
        const members: Array<[string, string]> = [
            ["group_platform", "user_ada"],
            ["group_platform", "user_grace"],
            ["group_research", "user_alan"],
            ["group_finance", "user_lin"],
        ];
        return new Map(
            members.map(([groupId, userId]) => [`${groupId}/${userId}`, memberRecord(SEED_PEOPLE.find((p) => p.id === userId)!)]),
        );
    },
};
