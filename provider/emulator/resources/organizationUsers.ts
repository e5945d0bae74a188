import { ORGANIZATION_USER_ROLES, organizationUsers, WireOrganizationUser } from "../../api/organization/users";
import { EmulatedResource, EmulatorContext, Refusal } from "../emulatedResources";

const DAY = 24 * 60 * 60;

/** A person of the emulated organization, as the seeds of several resources name them. */
export interface SeedPerson {
    readonly id: string;
    readonly name: string;
    readonly email: string;
    readonly role: string;
    readonly joinedDaysAgo: number;
    readonly scim?: boolean;
}

/**
 * The organization's people when the emulator starts. Only the seeds read this table; at run
 * time the OrganizationUser store is the one list of members (a project or group adds only
 * someone found there). Lin is provisioned by SCIM; Katherine is in no project.
 */
export const SEED_PEOPLE: readonly SeedPerson[] = [
    { id: "user_ada", name: "Ada Lovelace", email: "ada@example.com", role: "owner", joinedDaysAgo: 500 },
    { id: "user_grace", name: "Grace Hopper", email: "grace@example.com", role: "reader", joinedDaysAgo: 400 },
    { id: "user_alan", name: "Alan Turing", email: "alan@example.com", role: "reader", joinedDaysAgo: 300 },
    { id: "user_katherine", name: "Katherine Johnson", email: "katherine@example.com", role: "reader", joinedDaysAgo: 20 },
    { id: "user_lin", name: "Lin Okafor", email: "lin@example.com", role: "reader", joinedDaysAgo: 60, scim: true },
];

/** The organization's current members, by id or email (case-insensitive), from the store. */
export function findMember(
    context: EmulatorContext,
    by: { readonly id?: string; readonly email?: string },
): WireOrganizationUser | undefined {
    const members = [...context.objects(organizationUsers.type).values()] as unknown as WireOrganizationUser[];
    return members.find((member) => (by.id !== undefined ? member.id === by.id : member.email?.toLowerCase() === by.email?.toLowerCase()));
}

const refuse = (status: number, message: string, param?: string): Refusal => ({ refuse: { status, message, param } });

// The list's `emails` filter, however the array was encoded (`emails=` or `emails[]=`).
function emailsOf(query: URLSearchParams): string[] {
    return [...query.getAll("emails"), ...query.getAll("emails[]")].map((email) => email.toLowerCase());
}

/**
 * Organization users: the seeded people (no create: people join by invites); role updated in
 * place; the list filtered by `emails`; a user provisioned by SCIM cannot be changed.
 */
export const organizationUserEmulation: EmulatedResource = {
    declaration: organizationUsers,
    idPrefix: "user_",
    update: (existing, body) => {
        if (existing["is_scim_managed"] === true) {
            return refuse(400, "This user is managed by SCIM; change them in your identity provider.");
        }
        return (ORGANIZATION_USER_ROLES as readonly unknown[]).includes(body["role"])
            ? { ...existing, role: body["role"] }
            : refuse(400, `role must be one of ${ORGANIZATION_USER_ROLES.join(", ")}.`, "role");
    },
    listFilter: (user, query) => {
        const emails = emailsOf(query);
        return emails.length === 0 || emails.includes(String(user["email"]).toLowerCase());
    },
    refuseDelete: (user) =>
        user["is_scim_managed"] === true ? refuse(400, "This user is managed by SCIM; remove them in your identity provider.") : undefined,
    seed: (now) =>
        new Map(
            SEED_PEOPLE.map((person): [string, WireOrganizationUser] => [
                person.id,
                {
                    object: "organization.user",
                    id: person.id,
                    name: person.name,
                    email: person.email,
                    role: person.role,
                    added_at: now - person.joinedDaysAgo * DAY,
                    is_scim_managed: person.scim === true,
                },
            ]),
        ),
};
