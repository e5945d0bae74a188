import { z } from "zod";
import { Attempt, InvalidInputError } from "../core/errors";

/** A point in time: Unix seconds, a `Date`, or an ISO 8601 string (`2026-11-01`, `2026-11-01T12:00:00Z`). */
export type TimeInput = number | Date | string;

/**
 * A window that ends now: the last N days (from UTC midnight N-1 days ago, so that today is
 * the Nth day) or the last N hours (from the start of the hour N-1 hours ago).
 */
export type RelativeWindow =
    { readonly lastDays: number; readonly lastHours?: never } | { readonly lastHours: number; readonly lastDays?: never };

/** A resolved range, Unix seconds: `start` inclusive, `end` exclusive. */
export interface TimeWindow {
    readonly start: number;
    readonly end: number;
}

const DAY = 86_400;
const HOUR = 3_600;
// Unix seconds past this (year 5138) are milliseconds passed by mistake.
const LARGEST_SECONDS = 100_000_000_000;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The zod schema of a {@link TimeInput}; checked further by {@link toUnixSeconds}. */
export const timeInputSchema = () => z.union([z.number(), z.date(), z.string()]);

/** The zod schema of a {@link RelativeWindow}. */
export const relativeWindowSchema = () =>
    z.union([
        z.strictObject({ lastDays: z.number().int().positive().max(3660) }),
        z.strictObject({
            lastHours: z
                .number()
                .int()
                .positive()
                .max(24 * 3660),
        }),
    ]);

/**
 * Reads a point in time as Unix seconds.
 *
 * @param attempt what is being done, for the message
 * @param property the argument, e.g. `startTime`
 * @param value Unix seconds, a `Date` or an ISO 8601 string
 * @returns whole Unix seconds (a fraction is cut)
 * @throws {InvalidInputError} for anything else: milliseconds, a malformed or impossible date
 */
export function toUnixSeconds(attempt: Attempt, property: string, value: unknown): number {
    if (typeof value === "number") {
        if (!Number.isFinite(value) || value < 0) {
            throw new InvalidInputError(attempt, property, `must be Unix seconds (a non-negative number), got ${value}`);
        }
        if (value >= LARGEST_SECONDS) {
            throw new InvalidInputError(attempt, property, `must be Unix seconds, got ${value}: milliseconds? divide by 1000`);
        }
        return Math.floor(value);
    }
    if (value instanceof Date) {
        const ms = value.getTime();
        if (Number.isNaN(ms)) {
            throw new InvalidInputError(attempt, property, "is an invalid Date");
        }
        return toUnixSeconds(attempt, property, Math.floor(ms / 1000));
    }
    if (typeof value === "string") {
        const ms = ISO.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
        if (Number.isNaN(ms)) {
            throw new InvalidInputError(
                attempt,
                property,
                `must be an ISO 8601 date or time (e.g. "2026-11-01T00:00:00Z"), got ${JSON.stringify(value)}`,
            );
        }
        return toUnixSeconds(attempt, property, Math.floor(ms / 1000));
    }
    throw new InvalidInputError(attempt, property, "must be Unix seconds, a Date or an ISO 8601 string");
}

/**
 * Resolves a report's range: `startTime` (a point or a relative window) and `endTime`
 * (default: now).
 *
 * @param attempt what is being done, for messages
 * @param startTime a point in time, or `{ lastDays }` / `{ lastHours }`
 * @param endTime a point in time, or undefined for now; not with a relative window
 * @param now the current time, Unix seconds
 * @returns the window
 * @throws {InvalidInputError} for a bad time, an end with a relative window, or an empty or inverted range
 */
export function resolveWindow(attempt: Attempt, startTime: unknown, endTime: unknown, now: number): TimeWindow {
    const nowSeconds = Math.floor(now);
    let start: number;
    if (typeof startTime === "object" && startTime !== null && !(startTime instanceof Date)) {
        const relative = relativeWindowSchema().safeParse(startTime);
        if (!relative.success) {
            throw new InvalidInputError(
                attempt,
                "startTime",
                "must be a time, or { lastDays: N } or { lastHours: N } with N a positive whole number",
            );
        }
        if (endTime !== undefined) {
            throw new InvalidInputError(attempt, "endTime", "cannot be given with a relative window, which ends now");
        }
        const window = relative.data as RelativeWindow;
        start =
            window.lastDays !== undefined
                ? nowSeconds - (nowSeconds % DAY) - (window.lastDays - 1) * DAY
                : nowSeconds - (nowSeconds % HOUR) - (window.lastHours - 1) * HOUR;
    } else if (startTime === undefined) {
        throw new InvalidInputError(attempt, "startTime", "must be given (a time, or { lastDays: N })");
    } else {
        start = toUnixSeconds(attempt, "startTime", startTime);
    }
    const end = endTime === undefined ? nowSeconds : toUnixSeconds(attempt, "endTime", endTime);
    if (end <= start) {
        throw new InvalidInputError(
            attempt,
            endTime === undefined ? "startTime" : "endTime",
            `leaves an empty range (${describeWindow({ start, end })})`,
        );
    }
    return { start, end };
}

/** A point in time in words, to the minute: `2026-11-24 17:00 UTC`. */
export function describeTime(unixSeconds: number): string {
    return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A window in words: `2026-10-26 00:00 UTC to 2026-11-24 17:00 UTC`. */
export function describeWindow(window: TimeWindow): string {
    return `${describeTime(window.start)} to ${describeTime(window.end)}`;
}
