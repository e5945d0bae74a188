// `npm run bench`: each figure against a baseline measured in the same run, because these
// machines are shared and noisy. Prints a Markdown table. Not part of `npm test`.
import { execFile } from "node:child_process";
import * as os from "node:os";
import { promisify } from "node:util";
import axios from "axios";
import { AdminApiEmulator, startEmulator } from "../provider/emulator";
import { fetchAdminApiKey } from "../provider/pulumi/adminApiKey";
import { fetchAdminApiKeys } from "../provider/pulumi/adminApiKey";
import { fetchCosts } from "../provider/pulumi/costs";
import { fetchUsage } from "../provider/pulumi/usage";
import { createTestStack, TestStack } from "../tests/e2e/harness";
import { manyKeys } from "../tests/helpers/keyFixtures";
import { scaledClock } from "../tests/helpers/scaledClock";
import { organizationRefresh } from "./organization";
import { installedCopy, NoopRead, PackageModule, report, rows, stateSizes, timed } from "./shared";

// How many resources the engine runs declare; 1,000 shows how the cost of state grows.
const ENGINE_COUNTS = [1, 10, 100, 1000] as const;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

function deps(emulator: AdminApiEmulator, env: NodeJS.ProcessEnv = {}) {
    return {
        config: () => undefined,
        env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl, ...env },
        client: { limiters: new Map() },
    };
}

// 1. The package's read against a bare GET of the same URL, interleaved to share the noise.
async function readLatency(): Promise<void> {
    const emulator = await startEmulator();
    const bare = axios.create({ headers: { Authorization: `Bearer ${emulator.adminKey}` } });
    const url = `${emulator.baseUrl}/organization/admin_api_keys/key_user_owned`;
    const ours: number[] = [];
    const theirs: number[] = [];
    const d = deps(emulator);
    for (let round = 0; round < 400; round++) {
        let started = performance.now();
        await fetchAdminApiKey({ keyId: "key_user_owned", cache: false }, d);
        ours.push(performance.now() - started);
        started = performance.now();
        await bare.get(url);
        theirs.push(performance.now() - started);
    }
    await emulator.close();
    const [a, b] = [median(ours.slice(50)), median(theirs.slice(50))];
    report({
        benchmark: "1. getAdminApiKey latency (median of 350)",
        measured: `${a.toFixed(3)} ms`,
        baseline: `bare GET ${b.toFixed(3)} ms`,
        ratio: `${(a / b).toFixed(2)}x`,
        target: "1.2x",
    });
}

async function peakRssOfProviders(during: Promise<unknown>): Promise<number> {
    let peak = 0;
    let done = false;
    void during.finally(() => {
        done = true;
    });
    while (!done) {
        try {
            const { stdout } = await promisify(execFile)("ps", ["-eo", "rss,args"]);
            for (const line of stdout.split("\n")) {
                if (line.includes("dynamic-provider")) {
                    peak = Math.max(peak, Number.parseInt(line.trim(), 10) || 0);
                }
            }
        } catch {
            // ps can fail while processes come and go; the next sample counts.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return peak / 1024;
}

type EngineKind = "noop" | "keys" | "projects";

const TYPES: Record<Exclude<EngineKind, "noop">, string> = {
    keys: "pulumi-nodejs:dynamic/openai:AdminApiKey",
    projects: "pulumi-nodejs:dynamic/openai:Project",
};

// 2, 3 and 6: preview and up of N reads (AdminApiKey.get, Project.get) against N no-op reads,
// state size and provider memory.
async function engineRuns(emulator: AdminApiEmulator, pkg: PackageModule): Promise<void> {
    const keyIds = [...emulator.keys.keys()];
    const projectIds = [...emulator.objects("Project").keys()];
    for (const count of ENGINE_COUNTS) {
        const times: Record<string, number> = {};
        const peaks: Record<string, number> = {};
        for (const kind of ["noop", "keys", "projects"] as const) {
            if (kind === "projects" && count < 100) {
                continue;
            }
            const stack: TestStack = await createTestStack({
                program: async () => {
                    for (let i = 0; i < count; i++) {
                        if (kind === "keys") {
                            pkg.AdminApiKey.get(`key-${i}`, keyIds[i % keyIds.length]!);
                        } else if (kind === "projects") {
                            pkg.Project.get(`project-${i}`, projectIds[i % projectIds.length]!);
                        } else {
                            new NoopRead(`noop-${i}`, `noop-${i}`);
                        }
                    }
                    return {};
                },
                env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl, OPENAI_MAX_CONCURRENT_REQUESTS: "16" },
            });
            try {
                if (count < 1000) {
                    // At 1,000 only the update has a target; its preview would add minutes to the run.
                    [, times[`${kind} preview`]] = await timed(() => stack.stack.preview());
                }
                const up = timed(() => stack.stack.up());
                peaks[kind] = await peakRssOfProviders(up);
                [, times[`${kind} up`]] = await up;
                if (kind !== "noop" && count === 100) {
                    const sizes = stateSizes((await stack.cli(["stack", "export"])).stdout, TYPES[kind]);
                    report({
                        benchmark: `3. state per ${kind === "keys" ? "AdminApiKey.get" : "Project.get"} (__provider, installed)`,
                        measured: `${Math.round(sizes.bytesEach)} B (${sizes.providerBytes} B)`,
                        baseline: "-",
                        ratio: "-",
                        target: "3 KB (1 KB)",
                    });
                }
            } finally {
                await stack.dispose();
            }
        }
        for (const kind of ["keys", "projects"] as const) {
            for (const operation of ["preview", "up"]) {
                const [a, b] = [times[`${kind} ${operation}`], times[`noop ${operation}`]];
                if (a === undefined || b === undefined) {
                    continue;
                }
                report({
                    benchmark: `2. pulumi ${operation}, ${count} ${kind === "keys" ? "AdminApiKey.get" : "Project.get"}`,
                    measured: `${(a / 1000).toFixed(2)} s`,
                    baseline: `${count} no-op reads ${(b / 1000).toFixed(2)} s`,
                    ratio: `${(a / b).toFixed(2)}x`,
                    target: operation === "up" && count >= 100 ? "1.3x" : "report",
                });
            }
        }
        if (count === 100) {
            report({
                benchmark: "6. peak RSS of the provider process, 100 keys",
                measured: `${peaks["keys"]!.toFixed(0)} MiB`,
                baseline: `no-op provider ${peaks["noop"]!.toFixed(0)} MiB`,
                ratio: `${(peaks["keys"]! / peaks["noop"]!).toFixed(2)}x`,
                target: "report",
            });
        }
    }
}

// 4. Listing 10,000 keys: requests against the minimum the page size allows, time against bare pages.
async function listing(): Promise<void> {
    const emulator = await startEmulator({ keys: manyKeys(10_000, Math.floor(Date.now() / 1000)) });
    const [result, ms] = await timed(() => fetchAdminApiKeys(undefined, deps(emulator)));
    const requests = emulator.requests.length;
    const bare = axios.create({ headers: { Authorization: `Bearer ${emulator.adminKey}` } });
    const [, bareMs] = await timed(async () => {
        let after: string | undefined;
        for (;;) {
            const page = (
                await bare.get<{ last_id: string; has_more: boolean }>(`${emulator.baseUrl}/organization/admin_api_keys`, {
                    params: { limit: 100, after },
                })
            ).data;
            if (!page.has_more) {
                return;
            }
            after = page.last_id;
        }
    });
    await emulator.close();
    report({
        benchmark: `4. list ${result.keys.length} keys: requests`,
        measured: `${requests}`,
        baseline: "minimum 100",
        ratio: `${(requests / 100).toFixed(2)}x`,
        target: "1.0x",
    });
    report({
        benchmark: "4. list 10,000 keys: time",
        measured: `${ms.toFixed(0)} ms`,
        baseline: `bare paging ${bareMs.toFixed(0)} ms`,
        ratio: `${(ms / bareMs).toFixed(2)}x`,
        target: "report",
    });
}

// 5. 50 reads under 10 a minute at a 60x clock, against the floor the limit sets (4 minutes).
async function underTheLimit(): Promise<void> {
    for (const [label, env] of [
        ["pace configured", { OPENAI_REQUESTS_PER_MINUTE: "10" }],
        ["nothing configured", {}],
    ] as const) {
        const emulator = await startEmulator({ rateLimit: { requestsPerMinute: 10, timeScale: 60 } });
        const clock = scaledClock(60);
        const d = { ...deps(emulator, env), client: { clock, limiters: new Map() } };
        const ids = [...emulator.keys.keys()];
        const started = clock.now();
        const results = await Promise.allSettled(
            Array.from({ length: 50 }, (_, i) => fetchAdminApiKey({ keyId: ids[i % 4]!, cache: false }, d)),
        );
        const minutes = (clock.now() - started) / 60_000;
        const failures = results.filter((r) => r.status === "rejected").length;
        const refused = emulator.requests.filter((r) => r.status === 429).length;
        await emulator.close();
        report({
            benchmark: `5. 50 reads at 10/min (60x clock), ${label}`,
            measured: `${minutes.toFixed(2)} min, ${failures} failed, ${refused} 429s`,
            baseline: "floor 4.00 min",
            ratio: `${(minutes / 4).toFixed(2)}x`,
            target: "1.25x, 0 failed",
        });
    }
}

// 6. Reports: requests for a range against the minimum the page limits allow, time against bare paging.
async function reportPaging(): Promise<void> {
    const emulator = await startEmulator();
    const today = Math.floor(Date.now() / 1000 / 86_400) * 86_400;
    const bare = axios.create({ headers: { Authorization: `Bearer ${emulator.adminKey}` } });
    const cases = [
        { name: "a year of daily costs", path: "/organization/costs", start: today - 365 * 86_400, width: "1d", limit: 180, buckets: 365 },
        {
            name: "a month of hourly usage",
            path: "/organization/usage/completions",
            start: today - 30 * 86_400,
            width: "1h",
            limit: 168,
            buckets: 720,
        },
    ] as const;
    for (const range of cases) {
        const args = { startTime: range.start, endTime: today, bucketWidth: range.width };
        const read = (): Promise<object> =>
            range.path === "/organization/costs"
                ? fetchCosts({ startTime: range.start, endTime: today }, deps(emulator))
                : fetchUsage({ kind: "completions", ...args }, deps(emulator));
        const before = emulator.requests.length;
        await read();
        const requests = emulator.requests.length - before;
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let round = 0; round < 15; round++) {
            ours.push((await timed(read))[1]);
            theirs.push(
                (
                    await timed(async () => {
                        let page: string | undefined;
                        do {
                            const params = {
                                start_time: range.start,
                                end_time: today,
                                bucket_width: range.width,
                                limit: range.limit,
                                page,
                            };
                            page =
                                (await bare.get<{ next_page: string | null }>(`${emulator.baseUrl}${range.path}`, { params })).data
                                    .next_page ?? undefined;
                        } while (page !== undefined);
                    })
                )[1],
            );
        }
        const minimum = Math.ceil(range.buckets / range.limit);
        report({
            benchmark: `6. ${range.name}: requests`,
            measured: `${requests}`,
            baseline: `minimum ${minimum}`,
            ratio: `${(requests / minimum).toFixed(2)}x`,
            target: "1.0x",
        });
        report({
            benchmark: `6. ${range.name}: time`,
            measured: `${median(ours).toFixed(1)} ms`,
            baseline: `bare paging ${median(theirs).toFixed(1)} ms`,
            ratio: `${(median(ours) / median(theirs)).toFixed(2)}x`,
            target: "report",
        });
    }
    await emulator.close();
}

/** The parts of the run, in order; `BENCH_ONLY=engine,refresh npm run bench` runs some of them. */
const PARTS: Record<string, () => Promise<void>> = {
    latency: readLatency,
    listing,
    limit: underTheLimit,
    reports: reportPaging,
    engine: async () => {
        const emulator = await startEmulator();
        const installed = await installedCopy();
        try {
            await engineRuns(emulator, installed.module);
        } finally {
            await installed.remove();
            await emulator.close();
        }
    },
    refresh: async () => {
        const installed = await installedCopy();
        try {
            await organizationRefresh(installed.module);
        } finally {
            await installed.remove();
        }
    },
};

async function main(): Promise<void> {
    console.log(
        `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    const only = process.env["BENCH_ONLY"]?.split(",");
    for (const [name, part] of Object.entries(PARTS)) {
        if (only === undefined || only.includes(name)) {
            const [, ms] = await timed(part);
            console.log(`  (${name}: ${(ms / 1000).toFixed(0)} s)`);
        }
    }
    console.log("\n| benchmark | measured | baseline (same run) | ratio | target |\n| --- | --- | --- | --- | --- |");
    for (const row of rows) {
        console.log(`| ${row.benchmark} | ${row.measured} | ${row.baseline} | ${row.ratio} | ${row.target} |`);
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
