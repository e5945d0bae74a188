import { createHash } from "node:crypto";
import { AnyReportDeclaration, BucketWidth } from "../api/declaration";
import { auditLogsReport } from "../api/organization/auditLogs";
import { costsReport } from "../api/organization/costs";
import { usageReports } from "../api/organization/usage";
import { BUCKET_SECONDS } from "../api/reports";

const DAY = 86_400;
const HOUR = 3_600;

/** What the report handler answers: a JSON value, or an OpenAI-shaped refusal. */
export type ReportAnswer =
    { readonly status: 200; readonly value: unknown } | { readonly status: 400; readonly message: string; readonly param: string };

/**
 * How the emulator makes up a bucket report's data: extra grouping values per kind (one is
 * picked per source and bucket), and a day's amount of each measure for a source of weight 1.
 */
export interface ReportEmulation {
    /** The report it serves. */
    readonly declaration: AnyReportDeclaration;
    /** Values of the grouping fields beyond project, user and key (`model`, `size`, `line_item`). */
    readonly dimensions?: Readonly<Record<string, readonly string[]>>;
    /** A day's amount of each measure, for a source of weight 1. */
    readonly perDay: Readonly<Record<string, number>>;
    /** Fields built from the summed measures (costs: `amount`). */
    readonly shape?: (sums: Readonly<Record<string, number>>) => Record<string, unknown>;
}

/** Who uses the seeded organization, and how much: each a project, user and API key. */
interface Source {
    readonly project_id: string;
    readonly user_id: string;
    readonly api_key_id: string;
    /** Days since its last use: no usage in buckets that start later. */
    readonly idleDays: number;
    readonly weight: number;
}

/** The seeded organization's users of the API; `key_web_idle` and `user_alan` have been idle for months. */
export const USAGE_SOURCES: readonly Source[] = [
    { project_id: "proj_default", user_id: "user_ada", api_key_id: "key_default_carol", idleDays: 0, weight: 1 },
    { project_id: "proj_web", user_id: "user_grace", api_key_id: "key_web_checkout", idleDays: 0, weight: 2.5 },
    { project_id: "proj_web", user_id: "user_grace", api_key_id: "key_web_alice", idleDays: 2, weight: 0.6 },
    { project_id: "proj_research", user_id: "user_ada", api_key_id: "key_research_notebook", idleDays: 0, weight: 1.8 },
    { project_id: "proj_web", user_id: "user_grace", api_key_id: "key_web_idle", idleDays: 120, weight: 0.4 },
    { project_id: "proj_web", user_id: "user_alan", api_key_id: "key_web_bob", idleDays: 90, weight: 0.3 },
];

// A deterministic number in [0.5, 1.5) for a name: the same inputs give the same data in every run.
function noise(...parts: readonly (string | number)[]): number {
    const digest = createHash("sha256").update(parts.join("|")).digest();
    return 0.5 + digest.readUInt32BE(0) / 0x1_0000_0000;
}

function pick<T>(values: readonly T[], ...parts: readonly (string | number)[]): T {
    return values[Math.floor((noise(...parts) - 0.5) * values.length)]!;
}

const models = (...names: string[]) => ({ model: names });

/** The ten usage kinds and the costs, as the emulator makes them up: data, one entry each. */
export const reportEmulations: readonly ReportEmulation[] = [
    {
        declaration: usageReports.completions,
        dimensions: {
            ...models("gpt-4o-mini-2024-07-18", "gpt-4.1-2025-04-14"),
            service_tier: ["default"],
            batch: ["false", "false", "true"],
        },
        perDay: { num_model_requests: 1200, input_tokens: 900_000, output_tokens: 210_000, input_cached_tokens: 300_000 },
    },
    {
        declaration: usageReports.embeddings,
        dimensions: models("text-embedding-3-small"),
        perDay: { num_model_requests: 400, input_tokens: 2_000_000 },
    },
    {
        declaration: usageReports.moderations,
        dimensions: models("omni-moderation-latest"),
        perDay: { num_model_requests: 300, input_tokens: 90_000 },
    },
    {
        declaration: usageReports.images,
        dimensions: { ...models("gpt-image-1"), source: ["image.generation", "image.edit"], size: ["1024x1024", "1024x1792"] },
        perDay: { num_model_requests: 40, images: 55 },
    },
    {
        declaration: usageReports.audio_speeches,
        dimensions: models("gpt-4o-mini-tts"),
        perDay: { num_model_requests: 60, characters: 48_000 },
    },
    {
        declaration: usageReports.audio_transcriptions,
        dimensions: models("gpt-4o-transcribe"),
        perDay: { num_model_requests: 35, seconds: 5_400 },
    },
    { declaration: usageReports.vector_stores, perDay: { usage_bytes: 52_428_800 } },
    { declaration: usageReports.code_interpreter_sessions, perDay: { num_sessions: 12 } },
    {
        declaration: usageReports.file_search_calls,
        dimensions: { vector_store_id: ["vs_docs", "vs_support"] },
        perDay: { num_requests: 90 },
    },
    {
        declaration: usageReports.web_search_calls,
        dimensions: { ...models("gpt-4o-mini-search-preview"), context_level: ["low", "medium", "high"] },
        perDay: { num_requests: 70, num_model_requests: 70 },
    },
    {
        declaration: costsReport,
        dimensions: { line_item: ["gpt-4o-mini, input", "gpt-4o-mini, output", "text-embedding-3-small", "web search tool calls"] },
        // Cents, so that each amount has two decimals as the API's do.
        perDay: { cents: 840 },
        shape: (sums) => ({ amount: { value: (sums["cents"] ?? 0) / 100, currency: "usd" } }),
    },
];

function refuse(message: string, param: string): ReportAnswer {
    return { status: 400, message, param };
}

// The values of a list parameter, sent as `name=a&name=b` or `name[]=a`.
function listParam(query: URLSearchParams, param: string): string[] {
    const base = param.replace(/\[\]$/, "");
    return [...query.getAll(base), ...query.getAll(`${base}[]`)];
}

function wholeNumber(query: URLSearchParams, name: string): number | undefined | "bad" {
    const text = query.get(name);
    if (text === null) {
        return undefined;
    }
    return /^\d+$/.test(text) ? Number(text) : "bad";
}

// Whether a record passes the declaration's filters, as the query gives them.
function passes(declaration: AnyReportDeclaration, record: Readonly<Record<string, unknown>>, query: URLSearchParams): boolean {
    return Object.values(declaration.filters).every((filter) => {
        if (filter.type === "boolean") {
            const flag = query.get(filter.param);
            return flag === null || String(record[filter.field]) === flag;
        }
        const wanted = listParam(query, filter.param);
        const have = record[filter.field];
        const values = Array.isArray(have) ? (have as unknown[]) : [have];
        return wanted.length === 0 || values.some((value) => typeof value === "string" && wanted.includes(value));
    });
}

/**
 * One page of a usage or cost report over `start_time`..`end_time`, made up deterministically
 * from {@link USAGE_SOURCES} and the kind's {@link ReportEmulation}, filtered and grouped as
 * the declaration allows, with the endpoint's limits and `page`/`next_page` paging.
 *
 * @param emulation the report's data
 * @param query the request's query
 * @param now the emulator's time, Unix seconds
 * @returns the page, or a refusal
 */
export function bucketPage(emulation: ReportEmulation, query: URLSearchParams, now: number): ReportAnswer {
    const declaration = emulation.declaration;
    if (declaration.paging.style !== "page") {
        return refuse("Not a bucket report.", "page");
    }
    const paging = declaration.paging;
    const width = (query.get("bucket_width") ?? "1d") as BucketWidth;
    if (!paging.widths.includes(width)) {
        return refuse(`bucket_width must be one of ${paging.widths.join(", ")}.`, "bucket_width");
    }
    const start = wholeNumber(query, "start_time");
    const end = wholeNumber(query, "end_time") ?? now;
    if (start === undefined || start === "bad" || end === "bad") {
        return refuse(
            "start_time is required and, like end_time, must be Unix seconds.",
            start === undefined || start === "bad" ? "start_time" : "end_time",
        );
    }
    const max = paging.maxBuckets[width]!;
    const defaults: Record<BucketWidth, number> = { "1d": 7, "1h": 24, "1m": 60 };
    const limit = wholeNumber(query, "limit") ?? Math.min(defaults[width], max);
    if (limit === "bad" || limit < 1 || limit > max) {
        return refuse(`limit must be between 1 and ${max} for bucket_width=${width}.`, "limit");
    }
    const groupBy = listParam(query, "group_by");
    const wrongGroup = groupBy.find((field) => !(declaration.groupBy ?? []).includes(field));
    if (wrongGroup !== undefined) {
        return refuse(`group_by '${wrongGroup}' is not supported here.`, "group_by");
    }
    const seconds = BUCKET_SECONDS[width];
    const first = start - (start % seconds);
    const cursor = query.get("page");
    const pageStart = cursor === null ? first : Number(/^page_(\d+)$/.exec(cursor)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pageStart) || pageStart < first || (pageStart - first) % seconds !== 0) {
        return refuse("page is not a cursor this endpoint gave.", "page");
    }
    const data: object[] = [];
    let bucketStart = pageStart;
    for (; bucketStart < end && data.length < limit; bucketStart += seconds) {
        data.push({
            object: "bucket",
            start_time: bucketStart,
            end_time: bucketStart + seconds,
            results: bucketResults(emulation, bucketStart, seconds, groupBy, query, now),
        });
    }
    const more = bucketStart < end;
    return { status: 200, value: { object: "page", data, has_more: more, next_page: more ? `page_${bucketStart}` : null } };
}

function bucketResults(
    emulation: ReportEmulation,
    bucketStart: number,
    seconds: number,
    groupBy: readonly string[],
    query: URLSearchParams,
    now: number,
): object[] {
    const declaration = emulation.declaration;
    const fields = declaration.fields ?? {};
    const groups = new Map<string, { record: Record<string, unknown>; sums: Record<string, number> }>();
    for (const source of USAGE_SOURCES) {
        if (bucketStart >= now - source.idleDays * DAY || bucketStart >= now) {
            continue;
        }
        const record: Record<string, unknown> = { ...source };
        for (const [field, values] of Object.entries(emulation.dimensions ?? {})) {
            const value = pick(values, declaration.name, field, source.api_key_id, bucketStart);
            record[field] = fields[field] === "flag" ? value === "true" : value;
        }
        if (!passes(declaration, record, query)) {
            continue;
        }
        const key = groupBy.map((field) => String(record[field])).join("|");
        const group = groups.get(key) ?? { record, sums: {} };
        groups.set(key, group);
        for (const [measure, perDay] of Object.entries(emulation.perDay)) {
            const amount = Math.round(
                (perDay * source.weight * seconds * noise(declaration.name, measure, source.api_key_id, bucketStart)) / DAY,
            );
            group.sums[measure] = (group.sums[measure] ?? 0) + amount;
        }
    }
    return [...groups.values()].map(({ record, sums }) => ({
        object: declaration.object,
        ...Object.fromEntries(
            Object.entries(fields).flatMap(([field, kind]) => {
                if (kind === "dimension" || kind === "flag") {
                    return [[field, groupBy.includes(field) ? record[field] : null]];
                }
                return sums[field] === undefined ? [] : [[field, sums[field]]];
            }),
        ),
        ...emulation.shape?.(sums),
    }));
}

/** An audit event with the values its filters match on. */
interface SeededEvent {
    readonly wire: Record<string, unknown> & { readonly id: string; readonly effective_at: number };
    readonly index: Readonly<Record<string, readonly string[]>>;
}

const PEOPLE = {
    ada: { id: "user_ada", email: "ada@example.com" },
    grace: { id: "user_grace", email: "grace@example.com" },
    alan: { id: "user_alan", email: "alan@example.com" },
} as const;
const PROJECT_NAMES: Readonly<Record<string, string>> = {
    proj_default: "Default project",
    proj_web: "Web storefront",
    proj_research: "Research",
};

/**
 * The seeded organization's audit log, newest first, dated relative to `now`: logins every
 * day or two for four months, and keys, service accounts and users created and changed;
 * Alan (outside the platform team of Ada and Grace) created an API key two days ago.
 *
 * @param now the emulator's time, Unix seconds
 * @returns the events with their filter values
 */
export function seedAuditEvents(now: number): SeededEvent[] {
    const events: SeededEvent[] = [];
    const add = (
        hoursAgo: number,
        type: string,
        person: keyof typeof PEOPLE,
        projectId: string | null,
        resourceId: string | null,
        details: object,
    ) => {
        const user = PEOPLE[person];
        const effectiveAt = Math.floor(now) - Math.round(hoursAgo * HOUR);
        const wire = {
            id: `audit_log-${createHash("sha256").update(`${type}|${hoursAgo}|${person}`).digest("hex").slice(0, 20)}`,
            type,
            effective_at: effectiveAt,
            ...(projectId === null ? {} : { project: { id: projectId, name: PROJECT_NAMES[projectId] ?? projectId } }),
            actor: { type: "session", session: { user, ip_address: "203.0.113.7" } },
            [type]: details,
        };
        events.push({
            wire,
            index: {
                type: [type],
                project_id: projectId === null ? [] : [projectId],
                actor_id: [user.id],
                actor_email: [user.email],
                resource_id: resourceId === null ? [] : [resourceId],
            },
        });
    };
    const people = ["ada", "grace", "alan"] as const;
    for (let day = 1; day <= 120; day++) {
        const person = people[day % 3]!;
        add(day * 24 - 9, "login.succeeded", person, null, null, {});
        if (day % 2 === 0) {
            add(day * 24 - 3, "login.succeeded", people[(day + 1) % 3]!, null, null, {});
        }
    }
    add(50, "api_key.created", "alan", "proj_web", "key_web_alice", { id: "key_web_alice", data: { scopes: ["api.model.read"] } });
    add(5 * 24, "api_key.created", "ada", "proj_default", "key_default_carol", { id: "key_default_carol", data: { scopes: [] } });
    add(9 * 24, "service_account.created", "grace", "proj_web", "svc_acct_checkout", { id: "svc_acct_checkout", data: { role: "member" } });
    add(12 * 24, "user.added", "ada", "proj_research", "user_grace", { id: "user_grace", data: { role: "owner" } });
    add(20 * 24, "rate_limit.updated", "grace", "proj_web", "rl-gpt-4o-mini", {
        id: "rl-gpt-4o-mini",
        changes_requested: { max_requests_per_1_minute: 500 },
    });
    add(45 * 24, "api_key.created", "grace", "proj_web", "key_web_checkout", { id: "key_web_checkout", data: { scopes: [] } });
    add(60 * 24, "project.created", "ada", "proj_research", "proj_research", {
        id: "proj_research",
        data: { name: "Research", title: "Research" },
    });
    add(100 * 24, "api_key.deleted", "alan", "proj_web", "key_web_old", { id: "key_web_old" });
    return events.filter((event) => event.wire.effective_at <= now).sort((a, b) => b.wire.effective_at - a.wire.effective_at);
}

/**
 * One page of the audit log: filtered by the declaration's filters and `effective_at`
 * bounds, newest first, `after`/`last_id` paging, limit 1..100 (default 20).
 *
 * @param query the request's query
 * @param now the emulator's time, Unix seconds
 * @returns the page, or a refusal
 */
export function eventPage(query: URLSearchParams, now: number): ReportAnswer {
    const declaration = auditLogsReport;
    const pageSize = declaration.paging.style === "cursor" ? declaration.paging.pageSize : 100;
    const limit = wholeNumber(query, "limit") ?? 20;
    if (limit === "bad" || limit < 1 || limit > pageSize) {
        return refuse(`limit must be between 1 and ${pageSize}.`, "limit");
    }
    const bounds: Array<[string, (at: number, bound: number) => boolean]> = [
        ["gt", (at, bound) => at > bound],
        ["gte", (at, bound) => at >= bound],
        ["lt", (at, bound) => at < bound],
        ["lte", (at, bound) => at <= bound],
    ];
    const checks: Array<(at: number) => boolean> = [];
    for (const [name, test] of bounds) {
        const bound = wholeNumber(query, `effective_at[${name}]`);
        if (bound === "bad") {
            return refuse(`effective_at[${name}] must be Unix seconds.`, "effective_at");
        }
        if (bound !== undefined) {
            checks.push((at) => test(at, bound));
        }
    }
    const kept = seedAuditEvents(now).filter(
        (event) => checks.every((check) => check(event.wire.effective_at)) && passes(declaration, event.index, query),
    );
    const after = query.get("after");
    const from = after === null ? 0 : kept.findIndex((event) => event.wire.id === after) + 1;
    if (after !== null && from === 0) {
        return refuse("after is not an event of this list.", "after");
    }
    const page = kept.slice(from, from + limit).map((event) => event.wire);
    return {
        status: 200,
        value: {
            object: "list",
            data: page,
            first_id: page[0]?.id ?? null,
            last_id: page.at(-1)?.id ?? null,
            has_more: from + limit < kept.length,
        },
    };
}

/**
 * Serves `GET` of a report path (`/organization/usage/completions`, `/organization/costs`,
 * `/organization/audit_logs`), or undefined for any other path.
 *
 * @param path the path below `/v1`
 * @param query the query
 * @param now the emulator's time, Unix seconds
 */
export function serveReport(path: string, query: URLSearchParams, now: number): ReportAnswer | undefined {
    if (path === auditLogsReport.path) {
        return eventPage(query, now);
    }
    const emulation = reportEmulations.find((candidate) => candidate.declaration.path === path);
    return emulation === undefined ? undefined : bucketPage(emulation, query, now);
}
