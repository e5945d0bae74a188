import { z } from "zod";
import { AdminApiKeyMetadata } from "./adminApiKeys";
import { Attempt, OpenAIAdminError } from "./errors";
import { parseArguments, schemaOnce } from "./validation";

/**
 * What an admin API key must satisfy for a deploy to go on. Every field is optional; each
 * one given is checked, and all failures are reported together.
 */
export interface AdminApiKeyExpectations {
    /** The owner must be of this type (or of one of these). */
    readonly ownerType?: OneOrMore<"user" | "service_account">;
    /** The owner must have this id, `user_...` or `sa_...` (or one of these). */
    readonly ownerId?: OneOrMore<string>;
    /** The owner must have this name (or one of these). */
    readonly ownerName?: OneOrMore<string>;
    /** The owner must have this organization role, e.g. `owner` (or one of these). */
    readonly ownerRole?: OneOrMore<string>;
    /** When true, the key must not have expired. */
    readonly notExpired?: boolean;
    /** The key must not expire within this many days from now (a key that never expires passes). */
    readonly minDaysToExpiry?: number;
    /** The key must have been used within this many days (a key never used fails). */
    readonly usedWithinDays?: number;
}

/** A value, or a list of accepted values. */
export type OneOrMore<T> = T | readonly T[];

/** One expectation a key failed, with the value it actually had. */
export interface ExpectationFailure {
    /** The expectation's field name, e.g. `ownerType`. */
    readonly expectation: keyof AdminApiKeyExpectations;
    /** The failure in words, naming what was expected and what the key has. */
    readonly message: string;
}

const DAY_SECONDS = 24 * 60 * 60;

const oneOrMore = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

// Built once per process by schemaOnce: provider code must not reach a module-level zod object.
// Strict, so that a misspelt expectation is refused instead of silently never checked.
const expectationsSchema = () =>
    schemaOnce("expectations", () =>
        z.strictObject({
            ownerType: oneOrMore(z.enum(["user", "service_account"])).optional(),
            ownerId: oneOrMore(z.string().min(1)).optional(),
            ownerName: oneOrMore(z.string().min(1)).optional(),
            ownerRole: oneOrMore(z.string().min(1)).optional(),
            notExpired: z.boolean().optional(),
            minDaysToExpiry: z.number().nonnegative().optional(),
            usedWithinDays: z.number().nonnegative().optional(),
        }),
    );

/**
 * Checks that expectations are well formed; throws before any request otherwise.
 *
 * @param attempt what the caller is about to do, for the error message
 * @param expectations the value to check
 * @returns the expectations, typed
 * @throws {InvalidInputError} naming the field at fault, e.g. `expect.minDaysToExpiry`, or an unknown one
 */
export function validateExpectations(attempt: Attempt, expectations: unknown): AdminApiKeyExpectations {
    return parseArguments(attempt, expectationsSchema(), expectations ?? {}, "expect");
}

function describeTime(unixSeconds: number): string {
    return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function describeDays(seconds: number): string {
    return `${(seconds / DAY_SECONDS).toFixed(1)} days`;
}

/**
 * Lists the expectations a key fails. Pure: the time is passed in.
 *
 * @param key the key's metadata
 * @param expectations what it must satisfy
 * @param nowSeconds the current time, Unix seconds
 * @returns one entry per failed expectation, in the order of {@link AdminApiKeyExpectations}; empty when all hold
 *
 * @example
 * const failures = evaluateExpectations(key, { ownerType: "service_account", minDaysToExpiry: 14 }, Date.now() / 1000);
 */
export function evaluateExpectations(
    key: AdminApiKeyMetadata,
    expectations: AdminApiKeyExpectations,
    nowSeconds: number,
): ExpectationFailure[] {
    const failures: ExpectationFailure[] = [];
    const fail = (expectation: keyof AdminApiKeyExpectations, message: string) => failures.push({ expectation, message });
    const ownerFields = [
        ["ownerType", "owner type", key.owner.type],
        ["ownerId", "owner id", key.owner.id],
        ["ownerName", "owner name", key.owner.name],
        ["ownerRole", "owner role", key.owner.role],
    ] as const;
    for (const [expectation, label, actual] of ownerFields) {
        const expected = expectations[expectation];
        if (expected === undefined) {
            continue;
        }
        const accepted: readonly string[] = typeof expected === "string" ? [expected] : expected;
        if (actual === null || !accepted.includes(actual)) {
            const wanted =
                accepted.length === 1 ? JSON.stringify(accepted[0]) : `one of ${accepted.map((value) => JSON.stringify(value)).join(", ")}`;
            fail(expectation, `${label} is ${actual === null ? "unknown" : JSON.stringify(actual)}, expected ${wanted}`);
        }
    }
    if (expectations.notExpired === true && key.expiresAt !== null && key.expiresAt <= nowSeconds) {
        fail(
            "notExpired",
            `expired ${describeDays(nowSeconds - key.expiresAt)} ago (${describeTime(key.expiresAt)}), expected not expired`,
        );
    }
    const minDays = expectations.minDaysToExpiry;
    if (minDays !== undefined && key.expiresAt !== null && key.expiresAt - nowSeconds < minDays * DAY_SECONDS) {
        const left = key.expiresAt - nowSeconds;
        const when = left > 0 ? `expires in ${describeDays(left)}` : `expired ${describeDays(-left)} ago`;
        fail("minDaysToExpiry", `${when} (${describeTime(key.expiresAt)}), expected at least ${minDays} days left`);
    }
    const usedWithin = expectations.usedWithinDays;
    if (usedWithin !== undefined) {
        if (key.lastUsedAt === null) {
            fail("usedWithinDays", `was never used, expected use within the last ${usedWithin} days`);
        } else if (nowSeconds - key.lastUsedAt > usedWithin * DAY_SECONDS) {
            fail(
                "usedWithinDays",
                `last used ${describeDays(nowSeconds - key.lastUsedAt)} ago (${describeTime(key.lastUsedAt)}), expected use within the last ${usedWithin} days`,
            );
        }
    }
    return failures;
}

/** An admin API key failed one or more of the expectations set for it. */
export class ExpectationError extends OpenAIAdminError {
    override readonly name: string = "ExpectationError";
    /** Every expectation the key failed. */
    readonly failures: readonly ExpectationFailure[];

    /**
     * @param keyId the key that failed
     * @param failures what it failed, at least one
     */
    constructor(keyId: string, failures: readonly ExpectationFailure[]) {
        const count = failures.length === 1 ? "1 expectation" : `${failures.length} expectations`;
        const list = failures.map((failure) => `${failure.expectation}: ${failure.message}`).join("; ");
        super({ operation: "check admin API key", target: keyId }, `admin API key "${keyId}" fails ${count}: ${list}`);
        this.failures = failures;
    }
}

/**
 * Throws when a key fails any expectation; returns the key otherwise.
 *
 * @param key the key's metadata
 * @param expectations what it must satisfy
 * @param nowSeconds the current time, Unix seconds (default: now)
 * @returns `key`, unchanged
 * @throws {ExpectationError} naming the key id, each failed expectation and the actual value
 *
 * @example
 * assertExpectations(await getAdminApiKey({ keyId: "key_abc" }), { ownerType: "service_account" });
 */
export function assertExpectations<T extends AdminApiKeyMetadata>(
    key: T,
    expectations: AdminApiKeyExpectations,
    nowSeconds = Date.now() / 1000,
): T {
    const failures = evaluateExpectations(key, expectations, nowSeconds);
    if (failures.length > 0) {
        throw new ExpectationError(key.id, failures);
    }
    return key;
}
