import { z } from "zod";
import { path } from "../../core/paths";
import { schemaOnce } from "../../core/validation";
import { ResourceDeclaration } from "../declaration";
import { oneOf } from "../expectations";
import { scimReason } from "./users";

/** A group exactly as `GET /organization/groups/{group_id}` returns it (the update answer lacks `group_type`). */
export interface WireGroup {
    /** The group's id, e.g. `group_abc`. */
    readonly id: string;
    /** The group's name. */
    readonly name: string;
    /** When the group was created, Unix seconds. */
    readonly created_at: number;
    /** Whether the group is provisioned by SCIM (an identity provider). */
    readonly is_scim_managed: boolean;
    /** `group` or `tenant_group`. */
    readonly group_type?: string | null;
}

/** A group, as this package's resources and functions expose it. */
export interface GroupInfo {
    /** The group's id, e.g. `group_abc`. */
    readonly id: string;
    /** The group's name. */
    readonly name: string;
    /** When the group was created, Unix seconds. */
    readonly createdAt: number;
    /** Whether the group is provisioned by SCIM: its name and members are changed in the identity provider only. */
    readonly isScimManaged: boolean;
    /** `group` or `tenant_group`; null when the API did not say. */
    readonly groupType: string | null;
}

/** The inputs of a managed `Group`. */
export interface GroupInputs {
    /** The group's name, 1 to 255 characters. Renamed in place. */
    readonly name: string;
}

/** What a group must satisfy for a deploy to go on. */
export interface GroupExpectations {
    /** The group's name must be this (or one of these). */
    readonly name?: string | readonly string[];
}

/**
 * Groups: `/organization/groups`, sets of people that projects and roles are granted to.
 * Listed up to 1,000 a page by `after` = the previous page's `next`; renamed in place;
 * deleted on delete. A group provisioned by SCIM is refused any change before sending.
 */
export const groups: ResourceDeclaration<WireGroup, GroupInfo, GroupInputs> = {
    type: "Group",
    noun: "group",
    plural: "groups",
    description: "A group of people of the organization, which projects and roles can be granted to.",
    path: path`/organization/groups/${"group_id"}`,
    object: "group",
    wire: () =>
        schemaOnce("Group wire", () =>
            z.looseObject({
                id: z.string().min(1),
                name: z.string(),
                created_at: z.number(),
                is_scim_managed: z.boolean(),
                group_type: z.string().nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("Group outputs", () =>
            z.object({
                id: z.string(),
                name: z.string(),
                createdAt: z.number(),
                isScimManaged: z.boolean(),
                groupType: z.string().nullable(),
            }),
        ),
    toPublic: (wire) => ({
        id: wire.id,
        name: wire.name,
        createdAt: wire.created_at,
        isScimManaged: wire.is_scim_managed,
        groupType: wire.group_type ?? null,
    }),
    retrieve: "get",
    list: {
        paging: { style: "next", pageSize: 1000 },
        filters: () => ({
            name: z.string().optional(),
            isScimManaged: z.boolean().optional(),
        }),
        keep: (group, filters) =>
            (filters["name"] === undefined || group.name === filters["name"]) &&
            (filters["isScimManaged"] === undefined || group.isScimManaged === filters["isScimManaged"]),
    },
    nameField: "name",
    // The API does not promise unique names: adopt a group by id.
    uniqueNames: false,
    listKey: "groups",
    expectations: {
        name: oneOf("name", (group) => group.name),
    },
    managed: {
        inputs: () =>
            schemaOnce("Group inputs", () =>
                z.strictObject({
                    name: z
                        .string({ error: "must be a string" })
                        .refine((name) => name.trim() !== "", { error: "must not be empty" })
                        .refine((name) => name.length <= 255, { error: "must be at most 255 characters" }),
                }),
            ),
        replaceOnChange: [],
        create: {
            body: (inputs) => ({ name: inputs.name }),
            // A group holds nothing secret: the one the lost answer made is the group.
            onLostAnswer: "adopt",
        },
        update: { body: (inputs) => ({ name: inputs.name }) },
        delete: { kind: "delete" },
        refuseChange: { reason: scimReason },
    },
};
