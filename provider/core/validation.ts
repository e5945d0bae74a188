import { z } from "zod";
import { Attempt, escapeInvisible, InvalidInputError } from "./errors";

/**
 * Builds a zod schema on first use and keeps it for the process. Schemas are not held in
 * module variables: the provider is serialized with everything its methods reach, and a zod
 * schema object would be copied into the state by value. On globalThis they are not captured,
 * and building them once (not per call) keeps a call's overhead small.
 *
 * @param name the schema's name, unique in this package
 * @param build makes the schema
 * @returns the schema, built at most once per process
 */
export function schemaOnce<T>(name: string, build: () => T): T {
    const holder = globalThis as { __pulumiOpenAIAdminSchemas?: Map<string, unknown> };
    holder.__pulumiOpenAIAdminSchemas ??= new Map();
    const schemas = holder.__pulumiOpenAIAdminSchemas;
    if (!schemas.has(name)) {
        schemas.set(name, build());
    }
    return schemas.get(name) as T;
}

/** Longest id accepted as a path segment; OpenAI's ids are far shorter. */
export const MAX_ID_LENGTH = 256;
/** Characters of a refused value shown in a message. */
const SHOWN_CHARS = 60;

// An OpenAI secret key: never an id, and never shown.
function looksLikeSecretKey(value: string): boolean {
    return value.trim().startsWith("sk-");
}

// Ids become one URL path segment; these rules keep a value from naming another path
// (`/`, `.`, `..`), a query (`?`) or a fragment (`#`), and catch copy-paste accidents.
// The secret-key rule comes first: the first failing rule decides the message.
const pathSegmentSchema = () =>
    schemaOnce("pathSegment", () =>
        z
            .string({ error: "must be a string" })
            .refine((value) => !looksLikeSecretKey(value), {
                error: "looks like a secret key (sk-...), not an id; it was not sent, and is not shown",
                abort: true,
            })
            .min(1, { error: "must not be empty", abort: true })
            .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters`, abort: true })
            // encodeURIComponent throws on a lone surrogate.
            .refine((value) => !/\p{Cs}/u.test(value), { error: "is not well-formed Unicode (it holds a lone surrogate)", abort: true })
            .refine((value) => !/\s/.test(value), { error: "must not contain whitespace" })
            .refine((value) => !/\p{Cc}/u.test(value), { error: "must not contain control characters" })
            .refine((value) => !/\p{Cf}/u.test(value), { error: "must not contain invisible or direction-changing characters" })
            .refine((value) => !/[/?#]/.test(value), { error: 'must not contain "/", "?" or "#"' })
            .refine((value) => value !== "." && value !== "..", { error: 'must not be "." or ".."' }),
    );

/**
 * Checks that a value can stand as one segment of an API path and returns it
 * percent-encoded. Throws before anything is sent.
 *
 * @param attempt what the caller is about to do, for the error message (without a target:
 *   the value is not yet known to be printable)
 * @param property the argument's name, e.g. `keyId`
 * @param value the value to check
 * @returns the value, percent-encoded for use in a URL path
 * @throws {InvalidInputError} naming the property and the reason; a value that looks like
 *   a secret key is not shown
 */
export function encodePathSegment(attempt: Attempt, property: string, value: unknown): string {
    const result = pathSegmentSchema().safeParse(value);
    if (!result.success) {
        const reason = result.error.issues[0]?.message ?? "is not valid";
        const shown = typeof value === "string" && looksLikeSecretKey(value) ? "" : ` (got ${describeValue(value)})`;
        throw new InvalidInputError(attempt, property, `${reason}${shown}`);
    }
    return encodeURIComponent(result.data);
}

/**
 * A short, printable rendering of a refused value: at most {@link SHOWN_CHARS} characters;
 * JSON escapes controls, {@link escapeInvisible} the rest.
 */
function describeValue(value: unknown): string {
    if (typeof value !== "string") {
        return value === null ? "null" : typeof value;
    }
    // Cut by code units first (twice as many as shown, so no pair is split within them),
    // so that a megabyte-long value is not spread into an array.
    const chars = [...value.slice(0, 2 * SHOWN_CHARS + 1)];
    if (chars.length <= SHOWN_CHARS) {
        return escapeInvisible(JSON.stringify(value));
    }
    return `${escapeInvisible(JSON.stringify(chars.slice(0, SHOWN_CHARS).join("")).slice(0, -1))}..."`;
}

/** One property a zod schema refused, in the words the engine and the messages use. */
export interface PropertyFailure {
    /** The property's dotted path, e.g. `expect.minDaysToExpiry`. */
    readonly property: string;
    /** Why it was refused, e.g. `must not be empty`, or `is not a known field`. */
    readonly reason: string;
}

/**
 * Turns zod's issues into one failure per property; the one place zod's words are shaped
 * for users. An unknown field (a typo that would otherwise be ignored) is named as such.
 *
 * @param error what zod refused
 * @param prefix the name the fields hang below, e.g. `expect`; empty for none
 * @returns one entry per issue
 */
export function propertyFailures(error: z.ZodError, prefix = ""): PropertyFailure[] {
    return error.issues.map((issue) => {
        const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
        const property = [prefix, ...issue.path.map(String), ...unknownKeys].filter((part) => part !== "").join(".") || "arguments";
        return { property, reason: unknownKeys.length > 0 ? "is not a known field" : issue.message };
    });
}

/**
 * Says in a few words what is wrong with a response body: the first issue, where it is.
 *
 * @param error what zod refused
 * @returns e.g. `data.0.id: Invalid input: expected string, received undefined`
 */
export function describeShapeIssue(error: z.ZodError): string {
    const issue = error.issues[0];
    if (issue === undefined) {
        return "unexpected body";
    }
    const where = issue.path.length === 0 ? "body" : issue.path.join(".");
    return `${where}: ${issue.message}`;
}

/**
 * Parses an arguments object against a strict zod schema and turns the first problem into an
 * {@link InvalidInputError} naming the field: an unknown field (a typo that would otherwise be
 * ignored) or a bad value.
 *
 * @param attempt what the caller is about to do
 * @param schema a strict object schema
 * @param value the arguments
 * @param prefix the name the fields hang below in messages, e.g. `expect`; empty for none
 * @returns the parsed arguments
 * @throws {InvalidInputError} naming the field and the reason
 */
export function parseArguments<T>(attempt: Attempt, schema: z.ZodType<T>, value: unknown, prefix: string): T {
    const result = schema.safeParse(value);
    if (result.success) {
        return result.data;
    }
    const failure = propertyFailures(result.error, prefix)[0] ?? { property: prefix || "arguments", reason: "unexpected value" };
    const reason = failure.reason === "is not a known field" ? failure.reason : `is not valid: ${failure.reason}`;
    throw new InvalidInputError(attempt, failure.property, reason);
}
