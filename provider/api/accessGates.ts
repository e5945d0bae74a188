import { z } from "zod";
import { ListGateFailure, ListGateSpec } from "./declaration";

/** A person (or group) as the access gates see them: an id, and where known an email and a role. */
export interface Principal {
    /** The id, e.g. `user_abc`. */
    readonly id: string;
    /** The email address, or null (groups have none). */
    readonly email?: string | null;
    /** The principal's role where the list gives one (`owner`), or null. */
    readonly role?: string | null;
}

/** Who the owners must be: exactly these people, or only people among these (ids or emails). */
export type OwnersExpectation =
    { readonly exactly: readonly string[]; readonly within?: never } | { readonly within: readonly string[]; readonly exactly?: never };

const nameOf = (principal: Principal) => (principal.email ? `${principal.email}` : principal.id);

// People are named by id or email; emails compare without regard to case, as addresses do.
function matches(principal: Principal, reference: string): boolean {
    return principal.id === reference || (principal.email ?? "").toLowerCase() === reference.toLowerCase();
}

/**
 * Checks who holds the owner role: with `exactly`, every owner is listed and every listed
 * person is an owner; with `within`, every owner is listed (some may not be owners). Pure.
 *
 * @param principals the people of the organization or project, with their roles
 * @param expected `{ exactly }` or `{ within }`: user ids or emails
 * @param isOwner which principals count as owners (default: role `owner`)
 * @returns one failure per offender: an owner not listed (by email, else id), or a listed person who is not an owner
 *
 * @example
 * ```typescript
 * checkOwners(users, { exactly: ["ada@example.com"] }); // [] when Ada is the one owner
 * ```
 */
export function checkOwners(
    principals: readonly Principal[],
    expected: OwnersExpectation,
    isOwner: (principal: Principal) => boolean = (principal) => principal.role === "owner",
): ListGateFailure[] {
    const listed = expected.exactly ?? expected.within ?? [];
    const owners = principals.filter(isOwner);
    const failures: ListGateFailure[] = owners
        .filter((owner) => !listed.some((reference) => matches(owner, reference)))
        .map((owner) => ({
            id: nameOf(owner),
            message: `is an owner, expected only ${listed.map((one) => JSON.stringify(one)).join(", ")}`,
        }));
    if (expected.exactly !== undefined) {
        for (const reference of expected.exactly) {
            if (!owners.some((owner) => matches(owner, reference))) {
                const person = principals.find((principal) => matches(principal, reference));
                failures.push({
                    id: reference,
                    message:
                        person === undefined
                            ? "is not a member, expected an owner"
                            : `has role ${JSON.stringify(person.role ?? null)}, expected owner`,
                });
            }
        }
    }
    return failures;
}

/**
 * Checks that every principal's email is in one of the given domains (`example.com` also
 * accepts its subdomains); a principal without an email fails. Pure.
 *
 * @param principals the people who hold access
 * @param domains the accepted domains, e.g. `["example.com"]`
 * @returns one failure per person outside the domains
 *
 * @example
 * ```typescript
 * checkEmailDomain(users, ["example.com"]); // names anyone at another domain
 * ```
 */
export function checkEmailDomain(principals: readonly Principal[], domains: readonly string[]): ListGateFailure[] {
    const accepted = domains.map((domain) => domain.toLowerCase().replace(/^@/, ""));
    return principals.flatMap((principal) => {
        const domain = (principal.email ?? "").toLowerCase().split("@")[1];
        const inside = domain !== undefined && accepted.some((one) => domain === one || domain.endsWith(`.${one}`));
        return inside
            ? []
            : [
                  {
                      id: nameOf(principal),
                      message: `holds access from ${domain === undefined ? "no email address" : `@${domain}`}, expected only ${accepted.map((one) => `@${one}`).join(", ")}`,
                  },
              ];
    });
}

/**
 * Checks that a list is empty: each entry is an offender (a project's direct members when
 * access must come through groups only, roles a person must not hold directly). Pure.
 *
 * @param principals the entries of the list
 * @param what what an entry is, for the message (`a direct member`)
 * @returns one failure per entry
 *
 * @example
 * ```typescript
 * checkNone(projectUsers, "a direct member of the project"); // names every member
 * ```
 */
export function checkNone(principals: readonly Principal[], what: string): ListGateFailure[] {
    return principals.map((principal) => ({
        id: nameOf(principal),
        message: `is ${what}${principal.role ? ` (role ${JSON.stringify(principal.role)})` : ""}, expected none`,
    }));
}

/**
 * Checks that every role held is among the allowed ones (by id or name). Pure.
 *
 * @param held the roles held
 * @param allowed role ids or names
 * @returns one failure per role held that is not allowed
 *
 * @example
 * ```typescript
 * checkOnlyRoles(assignments, ["reader"]);
 * ```
 */
export function checkOnlyRoles(
    held: ReadonlyArray<{ readonly id: string; readonly name: string }>,
    allowed: readonly string[],
): ListGateFailure[] {
    return held
        .filter((role) => !allowed.includes(role.id) && !allowed.includes(role.name))
        .map((role) => ({
            id: role.id,
            message: `role ${JSON.stringify(role.name)} is held, expected only ${allowed.map((one) => JSON.stringify(one)).join(", ")}`,
        }));
}

const references = () => z.array(z.string().min(1), { error: "must be a list of user ids or emails" });

/** The `owners` list gate over principals: `{ exactly }` or `{ within }` (see {@link checkOwners}). */
export function ownersGate<O>(toPrincipal: (object: O) => Principal): ListGateSpec<O> {
    return {
        schema: () =>
            z.union([z.strictObject({ exactly: references().min(1) }), z.strictObject({ within: references() })], {
                error: "must be { exactly: [...] } or { within: [...] }",
            }),
        check: (objects, expected: OwnersExpectation) => checkOwners(objects.map(toPrincipal), expected),
    };
}

/** The `emailDomain` list gate: every principal's email is in the domain (or one of them). */
export function emailDomainGate<O>(toPrincipal: (object: O) => Principal): ListGateSpec<O> {
    const domain = () => z.string().regex(/^@?[a-z0-9.-]+\.[a-z]{2,}$/i, { error: "must be a domain, e.g. example.com" });
    return {
        schema: () => z.union([domain(), z.array(domain()).min(1)]),
        check: (objects, expected: string | readonly string[]) =>
            checkEmailDomain(objects.map(toPrincipal), typeof expected === "string" ? [expected] : expected),
    };
}

/** The `none` list gate: when true, the list must be empty, and each entry is named. */
export function noneGate<O>(toPrincipal: (object: O) => Principal, what: string): ListGateSpec<O> {
    return {
        schema: () => z.literal(true, { error: "must be true" }),
        check: (objects) => checkNone(objects.map(toPrincipal), what),
    };
}

/** The `onlyRoles` list gate over roles held: each must be among these ids or names. */
export function onlyRolesGate<O extends { readonly id: string; readonly name: string }>(): ListGateSpec<O> {
    return {
        schema: () => z.array(z.string().min(1)),
        check: (objects, allowed: readonly string[]) => checkOnlyRoles(objects, allowed),
    };
}
