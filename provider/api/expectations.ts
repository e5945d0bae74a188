import { z } from "zod";
import { Attempt, OpenAIAdminError } from "../core/errors";
import { parseArguments, schemaOnce } from "../core/validation";
import { AnyDeclaration, ExpectationSpec } from "./declaration";

/** A value, or a list of accepted values. */
export type OneOrMore<T> = T | readonly T[];

/** One expectation an object failed, with the value it actually had. */
export interface ExpectationFailure {
    /** The expectation's field name, e.g. `ownerType`. */
    readonly expectation: string;
    /** The failure in words, naming what was expected and what the object has. */
    readonly message: string;
    /** The object that failed, when every object of a list was checked (`proj_abc/key_def`). */
    readonly id?: string;
}

const DAY_SECONDS = 24 * 60 * 60;

const oneOrMore = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)]);

function describeTime(unixSeconds: number): string {
    return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function describeDays(seconds: number): string {
    return `${(seconds / DAY_SECONDS).toFixed(1)} days`;
}

/**
 * An expectation that a field has one of the accepted values.
 *
 * @param label the field in words, e.g. `owner type`
 * @param actual reads the field; null when unknown
 * @param value the schema of one accepted value
 */
export function oneOf<O>(
    label: string,
    actual: (object: O) => string | null,
    value: () => z.ZodType<string> = () => z.string().min(1),
): ExpectationSpec<O> {
    return {
        schema: () => oneOrMore(value()),
        check: (object, expected: OneOrMore<string>) => {
            const accepted: readonly string[] = typeof expected === "string" ? [expected] : expected;
            const found = actual(object);
            if (found !== null && accepted.includes(found)) {
                return undefined;
            }
            const wanted =
                accepted.length === 1 ? JSON.stringify(accepted[0]) : `one of ${accepted.map((v) => JSON.stringify(v)).join(", ")}`;
            return `${label} is ${found === null ? "unknown" : JSON.stringify(found)}, expected ${wanted}`;
        },
    };
}

/** An expectation that, when true, an object has not expired (`expiresAt` in Unix seconds, null: never). */
export function notExpired<O>(expiresAt: (object: O) => number | null): ExpectationSpec<O> {
    return {
        schema: () => z.boolean(),
        check: (object, expected: boolean, now) => {
            const at = expiresAt(object);
            return expected === true && at !== null && at <= now
                ? `expired ${describeDays(now - at)} ago (${describeTime(at)}), expected not expired`
                : undefined;
        },
    };
}

/** An expectation that an object does not expire within N days (one that never expires passes). */
export function minDaysToExpiry<O>(expiresAt: (object: O) => number | null): ExpectationSpec<O> {
    return {
        schema: () => z.number().nonnegative(),
        check: (object, minDays: number, now) => {
            const at = expiresAt(object);
            if (at === null || at - now >= minDays * DAY_SECONDS) {
                return undefined;
            }
            const left = at - now;
            const when = left > 0 ? `expires in ${describeDays(left)}` : `expired ${describeDays(-left)} ago`;
            return `${when} (${describeTime(at)}), expected at least ${minDays} days left`;
        },
    };
}

/** An expectation that an object was used within N days (one never used fails). */
export function usedWithinDays<O>(lastUsedAt: (object: O) => number | null): ExpectationSpec<O> {
    return {
        schema: () => z.number().nonnegative(),
        check: (object, days: number, now) => {
            const at = lastUsedAt(object);
            if (at === null) {
                return `was never used, expected use within the last ${days} days`;
            }
            return now - at > days * DAY_SECONDS
                ? `last used ${describeDays(now - at)} ago (${describeTime(at)}), expected use within the last ${days} days`
                : undefined;
        },
    };
}

/** An expectation that an object was not used within N days: idle credentials. */
export function unusedForDays<O>(lastUsedAt: (object: O) => number | null): ExpectationSpec<O> {
    return {
        schema: () => z.number().nonnegative(),
        check: (object, days: number, now) => {
            const at = lastUsedAt(object);
            return at !== null && now - at <= days * DAY_SECONDS
                ? `last used ${describeDays(now - at)} ago (${describeTime(at)}), expected no use for ${days} days`
                : undefined;
        },
    };
}

// Built once per process and declaration: strict, so that a misspelt expectation is refused
// instead of silently never checked.
function expectationsSchema(declaration: AnyDeclaration, forList = false) {
    const specs = { ...declaration.expectations, ...(forList ? declaration.list?.gates : {}) };
    return schemaOnce(`expectations ${declaration.type}${forList ? " list" : ""}`, () =>
        z.strictObject(Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.schema().optional()]))),
    );
}

/**
 * Checks that expectations are well formed for a resource; throws before any request otherwise.
 *
 * @param declaration the resource
 * @param attempt what the caller is about to do, for the error message
 * @param expectations the value to check
 * @returns the expectations
 * @throws {InvalidInputError} naming the field at fault, e.g. `expect.minDaysToExpiry`, or an unknown one
 */
export function validateExpectationsOf(declaration: AnyDeclaration, attempt: Attempt, expectations: unknown): Record<string, unknown> {
    return parseArguments(attempt, expectationsSchema(declaration), expectations ?? {}, "expect");
}

/**
 * Checks that the expectations of a list (`getXs({ expect })`) are well formed: each
 * object's expectations plus the list's gates; throws before any request otherwise.
 *
 * @param declaration the resource
 * @param attempt what the caller is about to do, for the error message
 * @param expectations the value to check
 * @returns the expectations
 * @throws {InvalidInputError} naming the field at fault, or an unknown one
 */
export function validateListExpectationsOf(declaration: AnyDeclaration, attempt: Attempt, expectations: unknown): Record<string, unknown> {
    return parseArguments(attempt, expectationsSchema(declaration, true), expectations ?? {}, "expect");
}

/**
 * Lists the expectations an object fails. Pure: the time is passed in.
 *
 * @param declaration the resource
 * @param object the public object
 * @param expectations what it must satisfy (validated)
 * @param nowSeconds the current time, Unix seconds
 * @returns one entry per failed expectation, in declaration order; empty when all hold
 */
export function evaluateExpectationsOf<O>(
    declaration: AnyDeclaration,
    object: O,
    expectations: object,
    nowSeconds: number,
): ExpectationFailure[] {
    const failures: ExpectationFailure[] = [];
    for (const [name, spec] of Object.entries(declaration.expectations ?? {})) {
        const expected = (expectations as Record<string, unknown>)[name];
        const message = expected === undefined ? undefined : spec.check(object, expected as never, nowSeconds);
        if (message !== undefined) {
            failures.push({ expectation: name, message });
        }
    }
    return failures;
}

/** An object failed one or more of the expectations set for it; or, for a list, some of its objects did. */
export class ExpectationError extends OpenAIAdminError {
    override readonly name: string = "ExpectationError";
    /** Every expectation that failed; for a list, each names its object in `id`. */
    readonly failures: readonly ExpectationFailure[];
    /** The objects that failed: the one checked, or each offending object of a list. */
    readonly ids: readonly string[];

    /**
     * @param id the object that failed, e.g. `key_abc` or `proj_abc/key_def`; for a list, where it is (`proj_abc`)
     * @param failures what failed, at least one; for a list, each with the `id` of its object
     * @param noun what the object is, e.g. `project API key`; for a list, what it holds (`project API keys`)
     */
    constructor(id: string, failures: readonly ExpectationFailure[], noun = "admin API key") {
        const describe = (some: readonly ExpectationFailure[]) =>
            some.map((failure) => `${failure.expectation}: ${failure.message}`).join("; ");
        const ids = [...new Set(failures.flatMap((failure) => (failure.id === undefined ? [] : [failure.id])))];
        const count = failures.length === 1 ? "1 expectation" : `${failures.length} expectations`;
        const message =
            ids.length === 0
                ? `${noun} "${id}" fails ${count}: ${describe(failures)}`
                : `${ids.length} of the ${noun} of ${id} ${ids.length === 1 ? "fails" : "fail"} their expectations: ` +
                  ids.map((one) => `"${one}" (${describe(failures.filter((failure) => failure.id === one))})`).join(", ");
        super({ operation: `check ${noun}`, target: id }, message);
        this.failures = failures;
        this.ids = ids.length === 0 ? [id] : ids;
    }
}

/**
 * Throws when an object fails any expectation; returns it otherwise.
 *
 * @param declaration the resource
 * @param id the id to name in the message
 * @param object the public object
 * @param expectations what it must satisfy (validated)
 * @param nowSeconds the current time, Unix seconds
 * @returns `object`, unchanged
 * @throws {ExpectationError} naming the id, each failed expectation and the actual value
 */
export function assertExpectationsOf<O>(declaration: AnyDeclaration, id: string, object: O, expectations: object, nowSeconds: number): O {
    const failures = evaluateExpectationsOf(declaration, object, expectations, nowSeconds);
    if (failures.length > 0) {
        throw new ExpectationError(id, failures, declaration.noun);
    }
    return object;
}

/**
 * Throws when any object of a list fails any expectation, or the list fails one of its
 * declaration's gates, naming every offending object (or principal) and what it failed in
 * one error; returns the objects otherwise. Pure: the time is passed in.
 *
 * @param declaration the resource
 * @param where the list, for the message: its parents' ids (`proj_abc`) or `the organization`
 * @param objects each object with the id to name it by
 * @param expectations what every object must satisfy (validated)
 * @param nowSeconds the current time, Unix seconds
 * @throws {ExpectationError} whose `ids` are the offending objects and whose failures carry them
 */
export function assertEveryExpectationOf<O>(
    declaration: AnyDeclaration,
    where: string,
    objects: ReadonlyArray<{ readonly id: string; readonly object: O }>,
    expectations: object,
    nowSeconds: number,
): void {
    const failures = objects.flatMap(({ id, object }) =>
        evaluateExpectationsOf(declaration, object, expectations, nowSeconds).map((failure) => ({ ...failure, id })),
    );
    // The list's gates look at all of it at once: each offender they name is one failure.
    for (const [name, gate] of Object.entries(declaration.list?.gates ?? {})) {
        const expected = (expectations as Record<string, unknown>)[name];
        if (expected !== undefined) {
            const found = gate.check(
                objects.map(({ object }) => object),
                expected as never,
            );
            failures.push(...found.map((offender) => ({ expectation: name, message: offender.message, id: offender.id })));
        }
    }
    if (failures.length > 0) {
        throw new ExpectationError(where, failures, declaration.plural);
    }
}
