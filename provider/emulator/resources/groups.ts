import { groups, WireGroup } from "../../api/organization/groups";
import { EmulatedResource, newId, Refusal } from "../emulatedResources";

const DAY = 24 * 60 * 60;

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

const badName = (name: unknown): Refusal | undefined =>
    typeof name === "string" && name.length >= 1 && name.length <= 255
        ? undefined
        : refuse(400, "name must be a string of 1 to 255 characters.", "name");

/** Groups: created and renamed by name; a group provisioned by SCIM cannot be changed or deleted. */
export const groupEmulation: EmulatedResource = {
    declaration: groups,
    idPrefix: "group_",
    create: (body, { now }) =>
        badName(body["name"]) ?? {
            id: newId("group_"),
            name: body["name"],
            created_at: now,
            is_scim_managed: false,
            group_type: "group",
        },
    update: (existing, body) =>
        existing["is_scim_managed"] === true
            ? refuse(400, "This group is managed by SCIM; change it in your identity provider.")
            : (badName(body["name"]) ?? { ...existing, name: body["name"] }),
    refuseDelete: (group) =>
        group["is_scim_managed"] === true ? refuse(400, "This group is managed by SCIM; delete it in your identity provider.") : undefined,
    // Platform (Ada, Grace), Research (Alan), Data (no members yet), and Finance, provisioned by SCIM (Lin).
    seed: (now) =>
        new Map<string, WireGroup>(
            (
                [
                    ["group_platform", "Platform", 300, false],
                    ["group_research", "Research", 200, false],
                    ["group_data", "Data", 150, false],
                    ["group_finance", "Finance", 60, true],
                ] as const
            ).map(([id, name, days, scim]) => [id, { id, name, created_at: now - days * DAY, is_scim_managed: scim, group_type: "group" }]),
        ),
};
