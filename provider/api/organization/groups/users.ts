import { z } from "zod";
import { path } from "../../../core/paths";
import { schemaOnce } from "../../../core/validation";
import { ResourceDeclaration } from "../../declaration";
import { oneOf } from "../../expectations";
import { groups } from "../groups";

/**
 * A group member as `/organization/groups/{group_id}/users` lists it (and, with a few more
 * fields, as its `GET` returns it); the create answer is only a receipt (`group.user`).
 */
export interface WireGroupUser {
    /** The user's id, e.g. `user_abc`. */
    readonly id: string;
    /** The user's name. */
    readonly name?: string | null;
    /** The user's email address, or null. */
    readonly email?: string | null;
}

/** A group member, as this package's resources and functions expose them. */
export interface GroupUserInfo {
    /** The user's id, e.g. `user_abc`. */
    readonly id: string;
    /** The user's name, or null. */
    readonly name: string | null;
    /** The user's email address, or null. */
    readonly email: string | null;
}

/** The inputs of a managed `GroupUser`. */
export interface GroupUserInputs {
    /** The group, e.g. `group_abc`; a change replaces the membership. */
    readonly groupId: string;
    /** The person, e.g. `user_abc`; a change replaces the membership. */
    readonly userId: string;
}

/** What a group member must satisfy for a deploy to go on. */
export interface GroupUserExpectations {
    /** The member's email must be this (or one of these). */
    readonly email?: string | readonly string[];
}

const idSchema = () => z.string({ error: "must be a string" }).min(1, { error: "must not be empty" });

/**
 * Group users: `/organization/groups/{group_id}/users`, a person's membership of a group.
 * Listed up to 1,000 a page by `after` = `next`; added by user id (the answer is a receipt,
 * so the member is read back); removed on delete, from the group only. The members of a
 * group provisioned by SCIM are refused any change before sending.
 */
export const groupUsers: ResourceDeclaration<WireGroupUser, GroupUserInfo, GroupUserInputs> = {
    type: "GroupUser",
    noun: "group user",
    plural: "group users",
    description: "A person's membership of a group.",
    path: path`/organization/groups/${"group_id"}/users/${"user_id"}`,
    idProperties: ["groupId", "userId"],
    object: "group.user",
    wire: () =>
        schemaOnce("GroupUser wire", () =>
            z.looseObject({
                id: z.string().min(1),
                name: z.string().nullish(),
                email: z.string().nullish(),
            }),
        ),
    outputs: () =>
        schemaOnce("GroupUser outputs", () =>
            z.object({
                id: z.string(),
                name: z.string().nullable(),
                email: z.string().nullable(),
            }),
        ),
    toPublic: (wire) => ({ id: wire.id, name: wire.name ?? null, email: wire.email ?? null }),
    retrieve: "get",
    list: {
        paging: { style: "next", pageSize: 1000 },
        filters: () => ({ email: z.string().optional() }),
        keep: (user, filters) => filters["email"] === undefined || user.email === filters["email"],
    },
    listKey: "users",
    expectations: {
        email: oneOf("email", (user) => user.email),
    },
    managed: {
        inputs: () =>
            schemaOnce("GroupUser inputs", () =>
                z.strictObject({
                    groupId: idSchema(),
                    userId: idSchema(),
                }),
            ),
        replaceOnChange: ["groupId", "userId"],
        create: {
            body: (inputs) => ({ user_id: inputs.userId }),
            // The receipt `{ object: "group.user", user_id, group_id }`, read as the member it names.
            response: () =>
                schemaOnce("GroupUser receipt", () =>
                    z
                        .looseObject({
                            object: z.literal("group.user", { error: 'is not "group.user"' }),
                            user_id: z.string().min(1),
                            group_id: z.string(),
                        })
                        .transform((receipt): WireGroupUser => ({ id: receipt.user_id })),
                ),
            readBack: true,
            onLostAnswer: "adopt",
        },
        delete: { kind: "delete" },
        refuseChange: {
            of: () => groups,
            reason: (group) =>
                group["isScimManaged"] === true
                    ? "is managed by SCIM: its members are set by your identity provider, so change them there"
                    : undefined,
        },
    },
};
