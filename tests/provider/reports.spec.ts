import * as assert from "node:assert/strict";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { reportDeclarations } from "../../provider/api";
import { AnyReportDeclaration } from "../../provider/api/declaration";
import { usageReports, USAGE_KINDS } from "../../provider/api/organization/usage";
import { resolveWindow, toUnixSeconds } from "../../provider/api/reportTime";
import { ExpectationError } from "../../provider/api/expectations";
import { InvalidInputError } from "../../provider/core/errors";
import { fetchAuditLogs } from "../../provider/pulumi/auditLogs";
import { fetchCosts, getCostsOutput, GetCostsResult } from "../../provider/pulumi/costs";
import { fetchReport } from "../../provider/pulumi/reports";
import { fetchUsage } from "../../provider/pulumi/usage";
import { FetchDependencies } from "../../provider/pulumi/programClient";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { checkRequest, checkResponse, loadSpec, Parameter } from "../helpers/openApi";

// A fixed clock: 2026-11-24 17:30 UTC.
const NOW = Date.UTC(2026, 10, 24, 17, 30) / 1000;
const DAY = 86_400;
const HOUR_START = NOW - (NOW % 3600);

describe("Reports: usage, costs and audit logs", () => {
    let emulator: AdminApiEmulator;
    let deps: FetchDependencies;

    beforeEach(async () => {
        emulator = await startEmulator({ now: () => NOW });
        deps = { ...emulatorDependencies(emulator, fakeClock(NOW * 1000)), nowSeconds: () => NOW };
    });
    afterEach(async () => {
        // Every request is one the official OpenAPI document describes, and so is every answer.
        for (const request of emulator.requests) {
            assert.deepEqual(checkRequest(request), [], `${request.method} ${request.path}`);
            if (request.status === 200) {
                assert.deepEqual(checkResponse(request, request.status, request.answer), [], `answer to ${request.path}`);
            }
        }
        await emulator.close();
    });

    const queryOf = (index: number) => new URL(emulator.requests[index]!.path, "http://x").searchParams;

    describe("each declaration matches the OpenAPI document and its results match their schema", () => {
        const spec = loadSpec();
        for (const declaration of reportDeclarations) {
            it(`${declaration.noun}: filters, groupings and paging are the endpoint's, and results are typed`, async () => {
                const operation = spec.paths[declaration.path]?.get;
                assert.ok(operation, `${declaration.path} is in the document`);
                const params = (operation.parameters ?? []) as Parameter[];
                const names = params.map((parameter) => parameter.name);
                for (const filter of Object.values(declaration.filters)) {
                    assert.ok(names.includes(filter.param), `${filter.param} is a parameter of ${declaration.path}`);
                }
                const groupBy = params.find((parameter) => parameter.name === "group_by");
                const groups = (groupBy?.schema as { items?: { enum?: string[] } } | undefined)?.items?.enum ?? [];
                assert.deepEqual([...(declaration.groupBy ?? [])].sort(), [...groups].sort());
                const limit = params.find((parameter) => parameter.name === "limit") as Parameter & { description?: string };
                if (declaration.paging.style === "cursor") {
                    assert.match(limit.description ?? "", new RegExp(`between 1 and ${declaration.paging.pageSize}`));
                    const report = await fetchReport<{ events: object[] }>(declaration, { effectiveAt: { lastDays: 30 } }, deps);
                    assert.ok(report.events.length > 0);
                    report.events.forEach((event) => void declaration.outputs().parse(event));
                } else {
                    for (const [width, max] of Object.entries(declaration.paging.maxBuckets)) {
                        assert.match(limit.description ?? "", new RegExp(`${max}`), `${width}: ${max} buckets a page`);
                    }
                    const report = await fetchReport<{ buckets: Array<{ results: object[] }> }>(
                        declaration,
                        { startTime: { lastDays: 3 }, groupBy: declaration.groupBy },
                        deps,
                    );
                    assert.equal(report.buckets.length, 3);
                    const results = report.buckets.flatMap((bucket) => bucket.results);
                    assert.ok(results.length > 0, "the emulator made up some data");
                    results.forEach((result) => void declaration.outputs().parse(result));
                }
            });
        }
        it("declares all ten usage kinds the API has", () => {
            const usagePaths = Object.keys(spec.paths).filter((path) => path.startsWith("/organization/usage/"));
            assert.deepEqual(usagePaths.map((path) => path.slice("/organization/usage/".length)).sort(), [...USAGE_KINDS].sort());
        });
    });

    describe("paging across a range", () => {
        it("reads a month of hourly usage in the fewest pages 168 buckets allow", async () => {
            const { buckets } = await fetchUsage(
                { kind: "completions", startTime: HOUR_START - 30 * DAY, endTime: HOUR_START, bucketWidth: "1h" },
                deps,
            );
            assert.equal(buckets.length, 30 * 24);
            assert.equal(emulator.requests.length, Math.ceil((30 * 24) / 168));
            assert.ok(emulator.requests.every((_request, index) => queryOf(index).get("limit") === "168"));
            assert.deepEqual(
                buckets.map((bucket) => bucket.endTime - bucket.startTime),
                buckets.map(() => 3600),
            );
        });

        it("reads a year of daily costs in three pages of 180 days, with the total of every day", async () => {
            const { buckets, total } = await fetchCosts({ startTime: NOW - 365 * DAY, endTime: NOW - (NOW % DAY) }, deps);
            assert.equal(buckets.length, 365);
            assert.equal(emulator.requests.length, 3);
            assert.deepEqual(
                [0, 1, 2].map((index) => queryOf(index).get("limit")),
                ["180", "180", "180"],
            );
            const sum = buckets.flatMap((bucket) => bucket.results).reduce((all, result) => all + result.amount.value, 0);
            assert.equal(total.currency, "usd");
            assert.ok(Math.abs(total.value - sum) < 1e-6);
        });

        it("reads every audit event in pages of 100 following last_id, newest first", async () => {
            const { events } = await fetchAuditLogs({}, deps);
            assert.ok(events.length > 100 && events.length <= 200, `${events.length} events`);
            assert.equal(emulator.requests.length, 2);
            assert.equal(queryOf(1).get("after"), events[99]!.id);
            assert.ok(events.every((event, index) => index === 0 || events[index - 1]!.effectiveAt >= event.effectiveAt));
        });

        it("gives the same report for the same clock (deterministic data)", async () => {
            const first = await fetchCosts({ startTime: { lastDays: 7 }, groupBy: ["project_id", "line_item"] }, deps);
            const again = await fetchCosts({ startTime: { lastDays: 7 }, groupBy: ["project_id", "line_item"] }, deps);
            assert.deepEqual(again, first);
        });
    });

    describe("filters", () => {
        it("sends each list filter as name[] and the emulator applies it", async () => {
            const { buckets } = await fetchUsage(
                {
                    kind: "completions",
                    startTime: { lastDays: 7 },
                    groupBy: ["project_id", "model"],
                    projectIds: ["proj_web"],
                    batch: false,
                },
                deps,
            );
            const results = buckets.flatMap((bucket) => bucket.results);
            assert.ok(results.length > 0);
            assert.ok(results.every((result) => result.projectId === "proj_web" && result.model !== null && result.batch === null));
            assert.deepEqual(queryOf(0).getAll("project_ids[]"), ["proj_web"]);
            assert.equal(queryOf(0).get("batch"), "false");
        });

        it("filters audit events by type, actor and time", async () => {
            const { events } = await fetchAuditLogs(
                {
                    effectiveAt: { gte: new Date((NOW - 10 * DAY) * 1000) },
                    eventTypes: ["api_key.created"],
                    actorEmails: ["alan@example.com"],
                },
                deps,
            );
            assert.deepEqual(
                events.map((event) => [event.type, event.actor?.userId, event.details]),
                [["api_key.created", "user_alan", { id: "key_web_alice", data: { scopes: ["api.model.read"] } }]],
            );
            assert.equal(queryOf(0).get("effective_at[gte]"), String(NOW - 10 * DAY));
        });

        it("refuses a filter the kind's endpoint does not take, naming the filter and the kind, and sends nothing", async () => {
            const error = await rejectionOf(() =>
                fetchUsage({ kind: "vector_stores", startTime: { lastDays: 7 }, models: ["gpt-4o"] }, deps),
            );
            assert.ok(error instanceof InvalidInputError);
            assert.match(error.message, /models is not accepted by the vector stores usage report \(its filters: projectIds/);
            const group = await rejectionOf(() => fetchUsage({ kind: "embeddings", startTime: { lastDays: 7 }, groupBy: ["size"] }, deps));
            assert.match(
                group.message,
                /groupBy value "size" is not accepted by the embeddings usage report \(accepted: project_id, user_id/,
            );
            const width = await rejectionOf(() => fetchCosts({ startTime: { lastDays: 7 }, bucketWidth: "1h" as "1d" }, deps));
            assert.match(width.message, /bucketWidth "1h" is not accepted by the costs report \(accepted: 1d\)/);
            const size = await rejectionOf(() => fetchUsage({ kind: "images", startTime: { lastDays: 7 }, sizes: ["800x600"] }, deps));
            assert.match(size.message, /sizes value "800x600" is not accepted/);
            const kind = await rejectionOf(() => fetchUsage({ kind: "chat" as "completions", startTime: { lastDays: 7 } }, deps));
            assert.match(kind.message, /kind must be one of completions, embeddings/);
            assert.equal(emulator.requests.length, 0);
        });

        it("serves each of the ten kinds", async () => {
            for (const kind of USAGE_KINDS) {
                const { buckets } = await fetchUsage({ kind, startTime: { lastDays: 2 } }, deps);
                assert.equal(buckets.length, 2, kind);
                assert.equal(usageReports[kind].path, `/organization/usage/${kind}`);
            }
            assert.equal(emulator.requests.length, 10);
        });
    });

    describe("time parsing", () => {
        const attempt = { operation: "read costs" };
        it("reads Unix seconds, Dates and ISO strings as the same instant", () => {
            const instant = Date.UTC(2026, 10, 1) / 1000;
            assert.equal(toUnixSeconds(attempt, "startTime", instant), instant);
            assert.equal(toUnixSeconds(attempt, "startTime", new Date(instant * 1000)), instant);
            assert.equal(toUnixSeconds(attempt, "startTime", "2026-11-01"), instant);
            assert.equal(toUnixSeconds(attempt, "startTime", "2026-11-01T01:00:00+01:00"), instant);
        });

        it("refuses milliseconds, malformed strings and invalid Dates", () => {
            assert.throws(() => toUnixSeconds(attempt, "startTime", Date.now()), /startTime must be Unix seconds, got \d+: milliseconds\?/);
            assert.throws(() => toUnixSeconds(attempt, "endTime", "last tuesday"), /endTime must be an ISO 8601 date/);
            assert.throws(() => toUnixSeconds(attempt, "startTime", new Date("nope")), /startTime is an invalid Date/);
        });

        it("starts { lastDays: N } at UTC midnight N-1 days ago and ends it now", () => {
            assert.deepEqual(resolveWindow(attempt, { lastDays: 30 }, undefined, NOW), {
                start: NOW - (NOW % DAY) - 29 * DAY,
                end: NOW,
            });
            assert.deepEqual(resolveWindow(attempt, { lastHours: 2 }, undefined, NOW), { start: NOW - (NOW % 3600) - 3600, end: NOW });
        });

        it("refuses an end with a relative window and an empty range, before sending", async () => {
            assert.throws(() => resolveWindow(attempt, { lastDays: 3 }, NOW, NOW), /endTime cannot be given with a relative window/);
            const error = await rejectionOf(() => fetchCosts({ startTime: "2026-11-10", endTime: "2026-11-01" }, deps));
            assert.match(error.message, /endTime leaves an empty range \(2026-11-10 00:00 UTC to 2026-11-01 00:00 UTC\)/);
            const missing = await rejectionOf(() => fetchCosts({} as never, deps));
            assert.match(missing.message, /startTime must be given/);
            assert.equal(emulator.requests.length, 0);
        });
    });

    it("getCostsOutput passes Date times through Pulumi inputs as the same instant", async () => {
        const saved = { ...process.env };
        process.env["OPENAI_ADMIN_KEY"] = emulator.adminKey;
        process.env["OPENAI_BASE_URL"] = emulator.baseUrl;
        try {
            const start = Date.UTC(2026, 10, 1) / 1000;
            const output = getCostsOutput({ startTime: new Date(start * 1000), endTime: new Date((start + 3 * DAY) * 1000) });
            const report = await new Promise<GetCostsResult>((resolve) => output.apply(resolve));
            assert.equal(report.buckets.length, 3);
            assert.equal(queryOf(0).get("start_time"), String(start));
        } finally {
            process.env = saved;
        }
    });

    describe("gates, on a fixed clock", () => {
        it("a project's cost over a window at most an amount: fails naming the figure, the limit and the window", async () => {
            const error = await rejectionOf(() =>
                fetchCosts({ startTime: { lastDays: 30 }, groupBy: ["project_id"], expect: { maxPerProject: { proj_web: 100 } } }, deps),
            );
            assert.ok(error instanceof ExpectationError);
            assert.match(
                error.message,
                /maxPerProject: cost of project "proj_web" from 2026-10-26 00:00 UTC to 2026-11-24 17:30 UTC is [\d.]+ usd, above its limit of 100 usd/,
            );
            const passing = await fetchCosts(
                { startTime: { lastDays: 30 }, groupBy: ["project_id"], expect: { maxPerProject: { proj_web: 100_000 } } },
                deps,
            );
            assert.equal(passing.buckets.length, 30);
            const total = await rejectionOf(() =>
                fetchCosts({ startTime: { lastDays: 30 }, projectIds: ["proj_research"], expect: { maxTotal: 1 } }, deps),
            );
            assert.match(
                total.message,
                /maxTotal: cost of "proj_research" from 2026-10-26 00:00 UTC to 2026-11-24 17:30 UTC is [\d.]+ usd, above the limit of 1 usd/,
            );
        });

        it("idle credentials: passes for keys and users unused in the window, fails naming the use", async () => {
            await fetchUsage(
                {
                    kind: "completions",
                    startTime: { lastDays: 30 },
                    groupBy: ["api_key_id", "user_id"],
                    expect: { idle: { apiKeyIds: ["key_web_idle", "key_web_bob"], userIds: ["user_alan"] } },
                },
                deps,
            );
            const error = await rejectionOf(() =>
                fetchUsage(
                    {
                        kind: "completions",
                        startTime: { lastDays: 30 },
                        groupBy: ["api_key_id"],
                        expect: { idle: { apiKeyIds: ["key_web_checkout"] } },
                    },
                    deps,
                ),
            );
            assert.match(
                error.message,
                /idle: API key "key_web_checkout" was used \d+ times from 2026-10-26 00:00 UTC to 2026-11-24 17:30 UTC \(last on 2026-11-2\d\), expected no use \(limit 0\)/,
            );
        });

        it("refuses a gate that cannot be checked with the grouping asked, before sending", async () => {
            const error = await rejectionOf(() =>
                fetchUsage({ kind: "completions", startTime: { lastDays: 30 }, expect: { idle: { userIds: ["user_alan"] } } }, deps),
            );
            assert.match(error.message, /expect\.idle needs groupBy to include user_id/);
            const costs = await rejectionOf(() =>
                fetchCosts({ startTime: { lastDays: 30 }, expect: { maxPerProject: { proj_web: 1 } } }, deps),
            );
            assert.match(costs.message, /expect\.maxPerProject needs groupBy to include project_id/);
            const unknown = await rejectionOf(() => fetchCosts({ startTime: { lastDays: 30 }, expect: { maxSpend: 1 } as never }, deps));
            assert.ok(unknown instanceof InvalidInputError);
            assert.equal(emulator.requests.length, 0);
        });

        it("no audit event of given types by actors outside an allowed list in a window", async () => {
            const gate = (actors: string[]) => ({
                effectiveAt: { lastDays: 7 },
                expect: { allowedActors: { eventTypes: ["api_key.created"], actors } },
            });
            await fetchAuditLogs(gate(["ada@example.com", "user_alan"]), deps);
            const error = await rejectionOf(() => fetchAuditLogs(gate(["ada@example.com", "user_grace"]), deps));
            assert.match(
                error.message,
                /allowedActors: 1 api_key.created event from 2026-11-18 00:00 UTC to 2026-11-24 17:30 UTC by actors outside the allowed list \(limit 0; allowed: ada@example.com, user_grace\): api_key.created "audit_log-[0-9a-f]+" by alan@example.com \(user_alan\)/,
            );
        });
    });

    it("every report the package declares is served by the emulator", () => {
        const served = (declaration: AnyReportDeclaration) => declaration.path.startsWith("/organization/");
        assert.equal(reportDeclarations.filter(served).length, 12);
    });
});
