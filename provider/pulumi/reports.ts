import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AnyReportDeclaration, BucketWidth } from "../api/declaration";
import { ExpectationError } from "../api/expectations";
import { wireBucketSchema, WireBucket } from "../api/reports";
import { describeWindow, resolveWindow, TimeWindow, toUnixSeconds } from "../api/reportTime";
import { Attempt, InvalidInputError, InvalidResponseError } from "../core/errors";
import { listAll } from "../core/pagination";
import { parseArguments, schemaOnce } from "../core/validation";
import { clientFactory, FetchDependencies, nowSeconds, programDependencies } from "./programClient";
import { InputArgs } from "./dataSources";

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

const BUCKET_ARGUMENTS = ["startTime", "endTime", "bucketWidth", "groupBy", "expect"];
const EVENT_ARGUMENTS = ["effectiveAt", "expect"];
const BOUNDS = ["gt", "gte", "lt", "lte"] as const;

/** A report's arguments after checking: the window, the query to send, and the parsed filters. */
export interface ReportRequest {
    /** The range read; undefined for audit logs without `effectiveAt` (all the API keeps). */
    readonly window?: TimeWindow;
    /** The window in words, for gate messages. */
    readonly windowText: string;
    /** Query parameters besides `limit` and the cursor; lists without their `[]`. */
    readonly query: Query;
    /** Bucket width, for bucket reports. */
    readonly bucketWidth?: BucketWidth;
    /** Parsed filters and groupings by argument name. */
    readonly filters: Readonly<Record<string, unknown>>;
    /** Gates by name, validated. */
    readonly expect: Readonly<Record<string, unknown>>;
}

function gatesSchema(declaration: AnyReportDeclaration) {
    return schemaOnce(`report gates ${declaration.name}`, () =>
        z.strictObject(Object.fromEntries(Object.entries(declaration.gates ?? {}).map(([name, gate]) => [name, gate.schema().optional()]))),
    );
}

function listOf(attempt: Attempt, property: string, value: unknown, accepted?: readonly string[], noun?: string): string[] {
    if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== "string" || item.trim() === "")) {
        throw new InvalidInputError(attempt, property, "must be a non-empty list of non-empty strings");
    }
    const strings = value as string[];
    const wrong = accepted === undefined ? undefined : strings.find((item) => !accepted.includes(item));
    if (wrong !== undefined) {
        throw new InvalidInputError(
            attempt,
            property,
            `value ${JSON.stringify(wrong)} is not accepted by the ${noun} report (accepted: ${accepted!.join(", ") || "none"})`,
        );
    }
    return strings;
}

/**
 * Checks a report's arguments and builds its query, before anything is sent: filters the
 * endpoint does not accept are refused by name, times are read, gates are validated.
 *
 * @param declaration the report
 * @param args the caller's arguments
 * @param now the current time, Unix seconds
 * @returns the request
 * @throws {InvalidInputError} naming the argument at fault and the report
 */
export function reportRequest(declaration: AnyReportDeclaration, args: unknown, now: number): ReportRequest {
    const attempt: Attempt = { operation: `read ${declaration.noun}` };
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
        throw new InvalidInputError(attempt, "arguments", "must be an object");
    }
    const given: Record<string, unknown> = Object.fromEntries(
        Object.entries(args as Record<string, unknown>).filter(([, value]) => value !== undefined),
    );
    const buckets = declaration.paging.style === "page";
    const known = [...(buckets ? BUCKET_ARGUMENTS : EVENT_ARGUMENTS), ...Object.keys(declaration.filters)];
    for (const name of Object.keys(given)) {
        if (!known.includes(name)) {
            const filters = Object.keys(declaration.filters);
            throw new InvalidInputError(
                attempt,
                name,
                `is not accepted by the ${declaration.noun} report (its filters: ${filters.join(", ") || "none"}; see the API's /organization endpoints)`,
            );
        }
    }
    const query: Query = {};
    const filters: Record<string, unknown> = {};
    for (const [name, filter] of Object.entries(declaration.filters)) {
        const value = given[name];
        if (value === undefined) {
            continue;
        }
        if (filter.type === "boolean") {
            if (typeof value !== "boolean") {
                throw new InvalidInputError(attempt, name, "must be true or false");
            }
            query[filter.param] = value;
            filters[name] = value;
        } else {
            const values = listOf(attempt, name, value, filter.values, declaration.noun);
            query[filter.param.replace(/\[\]$/, "")] = values;
            filters[name] = values;
        }
    }
    let window: TimeWindow | undefined;
    let bucketWidth: BucketWidth | undefined;
    if (declaration.paging.style === "page") {
        const paging = declaration.paging;
        window = resolveWindow(attempt, given["startTime"], given["endTime"], now);
        const width = given["bucketWidth"] ?? "1d";
        if (typeof width !== "string" || !paging.widths.includes(width as BucketWidth)) {
            throw new InvalidInputError(
                attempt,
                "bucketWidth",
                `${JSON.stringify(width)} is not accepted by the ${declaration.noun} report (accepted: ${paging.widths.join(", ")})`,
            );
        }
        bucketWidth = width as BucketWidth;
        query["start_time"] = window.start;
        query["end_time"] = window.end;
        query["bucket_width"] = bucketWidth;
        if (given["groupBy"] !== undefined) {
            const groups = declaration.groupBy ?? [];
            if (groups.length === 0) {
                throw new InvalidInputError(attempt, "groupBy", `is not accepted by the ${declaration.noun} report`);
            }
            const groupBy = listOf(attempt, "groupBy", given["groupBy"], groups, declaration.noun);
            query["group_by"] = groupBy;
            filters["groupBy"] = groupBy;
        }
    } else if (given["effectiveAt"] !== undefined) {
        window = eventWindow(attempt, given["effectiveAt"], now, query);
    }
    const expect = parseArguments(attempt, gatesSchema(declaration), given["expect"] ?? {}, "expect") as Record<string, unknown>;
    for (const [name, expected] of Object.entries(expect)) {
        const refusal = expected === undefined ? undefined : declaration.gates?.[name]?.requires?.(expected as never, filters);
        if (refusal !== undefined) {
            throw new InvalidInputError(attempt, `expect.${name}`, refusal);
        }
    }
    const windowText = window === undefined ? "all the history the API keeps" : describeWindow(window);
    return { window, windowText, query, bucketWidth, filters, expect };
}

// `effectiveAt`: a relative window, or bounds (gt, gte, lt, lte), each a time; sent as `effective_at[gte]=...`.
function eventWindow(attempt: Attempt, effectiveAt: unknown, now: number, query: Query): TimeWindow {
    if (typeof effectiveAt !== "object" || effectiveAt === null || Array.isArray(effectiveAt) || effectiveAt instanceof Date) {
        throw new InvalidInputError(attempt, "effectiveAt", "must be { lastDays: N }, { lastHours: N } or bounds { gte, gt, lt, lte }");
    }
    const fields = effectiveAt as Record<string, unknown>;
    if ("lastDays" in fields || "lastHours" in fields) {
        const window = resolveWindow(attempt, effectiveAt, undefined, now);
        query["effective_at[gte]"] = window.start;
        query["effective_at[lt]"] = window.end;
        return window;
    }
    const unknown = Object.keys(fields).find((name) => !(BOUNDS as readonly string[]).includes(name));
    if (unknown !== undefined || Object.keys(fields).length === 0) {
        throw new InvalidInputError(
            attempt,
            `effectiveAt${unknown === undefined ? "" : `.${unknown}`}`,
            "must be one of lastDays, lastHours, gt, gte, lt, lte",
        );
    }
    const bounds: Partial<Record<(typeof BOUNDS)[number], number>> = {};
    for (const bound of BOUNDS) {
        if (fields[bound] !== undefined) {
            bounds[bound] = toUnixSeconds(attempt, `effectiveAt.${bound}`, fields[bound]);
            query[`effective_at[${bound}]`] = bounds[bound];
        }
    }
    const start = bounds.gte ?? (bounds.gt === undefined ? 0 : bounds.gt + 1);
    const end = bounds.lt ?? (bounds.lte === undefined ? Math.floor(now) : bounds.lte + 1);
    if (end <= start) {
        throw new InvalidInputError(attempt, "effectiveAt", `leaves an empty range (${describeWindow({ start, end })})`);
    }
    return { start, end };
}

/**
 * Reads a whole report: every page of its range with the largest page the endpoint accepts
 * (bounded like every list), mapped to its public form, with its summary, and checked
 * against its gates. The generic body of `getUsage`, `getCosts` and `getAuditLogs`.
 *
 * @param declaration the report
 * @param args the window, filters, groupings and `expect`
 * @param deps where settings come from
 * @returns `{ buckets, ...summary }` or `{ events }`
 * @throws {InvalidInputError} before any request for arguments the endpoint does not accept
 * @throws {ExpectationError} when the report fails a gate, naming the figure, the limit and the window
 */
export async function fetchReport<R>(declaration: AnyReportDeclaration, args: unknown, deps: FetchDependencies): Promise<R> {
    const now = nowSeconds(deps);
    const request = reportRequest(declaration, args ?? {}, now);
    const attempt: Attempt = { operation: `read ${declaration.noun}`, target: request.windowText };
    const client = clientFactory(deps)(attempt);
    let report: Record<string, unknown>;
    if (declaration.paging.style === "page") {
        const wire = await listAll<WireBucket<object>>(client, attempt, {
            path: declaration.path,
            route: declaration.path,
            query: request.query,
            paging: { style: "page", pageSize: declaration.paging.maxBuckets[request.bucketWidth!]! },
            schemaName: `report ${declaration.name}`,
            item: wireBucketSchema(declaration.wire()),
            itemId: () => undefined,
            plural: "buckets",
        });
        const buckets = wire.map((bucket) => ({
            startTime: bucket.start_time,
            endTime: bucket.end_time,
            results: bucket.results.map((result) => declaration.toPublic(result) as object),
        }));
        let summary: Readonly<Record<string, unknown>>;
        try {
            summary = declaration.summarize?.({ buckets }) ?? {};
        } catch (error) {
            throw new InvalidResponseError(attempt, (error as Error).message);
        }
        report = { buckets, ...summary };
    } else {
        const events = await listAll<object>(client, attempt, {
            path: declaration.path,
            route: declaration.path,
            query: request.query,
            paging: { style: "cursor", pageSize: declaration.paging.pageSize },
            schemaName: `report ${declaration.name}`,
            item: declaration.wire() as z.ZodType<object>,
            itemId: (item) => (item as { id?: string }).id,
            plural: "events",
        });
        report = { events: events.map((event) => declaration.toPublic(event) as object) };
    }
    assertGates(declaration, report as R, request);
    return report as R;
}

/**
 * Throws when a report fails any of its gates. Pure.
 *
 * @param declaration the report
 * @param report the public report
 * @param request the checked arguments (gates, window, filters)
 * @throws {ExpectationError} naming each failed gate, with the figure, the limit and the window
 */
export function assertGates<R>(declaration: AnyReportDeclaration, report: R, request: ReportRequest): void {
    const failures = Object.entries(request.expect).flatMap(([name, expected]) =>
        expected === undefined
            ? []
            : (declaration.gates?.[name]?.check(report, expected as never, request.windowText, request.filters) ?? []).map((message) => ({
                  expectation: name,
                  message,
              })),
    );
    if (failures.length > 0) {
        throw new ExpectationError(request.windowText, failures, `${declaration.noun} report`);
    }
}

// `pulumi.output` turns a Date into `{}` (it has no own fields): times given as Dates are
// passed on as ISO strings, which read as the same instant.
function datesAsText(value: unknown): unknown {
    if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    }
    if (Array.isArray(value)) {
        return value.map(datesAsText);
    }
    if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, datesAsText(inner)]));
    }
    return value;
}

/**
 * The function and its `...Output` form for a report.
 *
 * @param fetch reads the report with the given dependencies (e.g. `fetchReport` bound to a declaration)
 * @returns the pair; the per-report files give them their public names and docs
 */
export function reportFunctions<Args, Result>(fetch: (args: unknown, deps: FetchDependencies) => Promise<Result>) {
    const read = (args: Args): Promise<Result> => fetch(args, programDependencies());
    const readOutput = (args: InputArgs<Args>): pulumi.Output<Result> =>
        pulumi.output(datesAsText(args) as InputArgs<Args>).apply((resolved) => read(resolved as Args));
    return { read, readOutput };
}
