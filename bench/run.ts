// `npm run bench`: each figure against a baseline measured in the same run, because these
// machines are shared and noisy. Prints a Markdown table. Not part of `npm test`.
import { execFile } from "node:child_process";
import { cp, mkdir, rm } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import axios from "axios";
import type { AdminApiKey } from "../provider";
import { AdminApiEmulator, startEmulator } from "../provider/emulator";
import { fetchAdminApiKey } from "../provider/pulumi/adminApiKey";
import { fetchAdminApiKeys } from "../provider/pulumi/adminApiKey";
import { fetchCosts } from "../provider/pulumi/costs";
import { fetchUsage } from "../provider/pulumi/usage";
import { createTestStack, TestStack } from "../tests/e2e/harness";
import { manyKeys } from "../tests/helpers/keyFixtures";
import { scaledClock } from "../tests/helpers/scaledClock";

interface Row {
    readonly benchmark: string;
    readonly measured: string;
    readonly baseline: string;
    readonly ratio: string;
    readonly target: string;
}

const rows: Row[] = [];

function report(row: Row): void {
    rows.push(row);
    console.log(`  ${row.benchmark}: ${row.measured} vs ${row.baseline} = ${row.ratio} (target ${row.target})`);
}

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

/** A resource read like AdminApiKey.get whose provider answers at once: the engine's floor. */
class NoopRead extends pulumi.dynamic.Resource {
    constructor(name: string, id: string) {
        super(
            {
                async create() {
                    return { id: "noop" };
                },
                async read(readId: string) {
                    return { id: readId, props: { name: readId } };
                },
            },
            name,
            { name: undefined },
            { id },
            "bench",
            "NoopRead",
        );
    }
}

async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
    const started = performance.now();
    const result = await action();
    return [result, performance.now() - started];
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

const REPO_ROOT = path.resolve(__dirname, "../..");

/**
 * The package as a user has it: a copy under node_modules, so that the provider serializes
 * to require() calls into it rather than to a copy of its code (as it does from this repo).
 * The provider process resolves those from its working folder, which is inside this repo.
 */
async function installedCopy(): Promise<{ AdminApiKey: typeof AdminApiKey; remove: () => Promise<void> }> {
    const installed = path.join(REPO_ROOT, "node_modules", "pulumi-openai-admin");
    await rm(installed, { recursive: true, force: true });
    await mkdir(installed, { recursive: true });
    await cp(path.join(REPO_ROOT, "package.json"), path.join(installed, "package.json"));
    await cp(path.join(REPO_ROOT, "dist", "provider"), path.join(installed, "dist", "provider"), { recursive: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(installed) as { AdminApiKey: typeof AdminApiKey };
    return { AdminApiKey: module.AdminApiKey, remove: () => rm(installed, { recursive: true, force: true }) };
}

// 2, 3 and 6: preview and up of N reads against N no-op reads, state size and provider memory.
async function engine(emulator: AdminApiEmulator): Promise<void> {
    const installed = await installedCopy();
    try {
        await engineRuns(emulator, installed.AdminApiKey);
    } finally {
        await installed.remove();
    }
}

async function engineRuns(emulator: AdminApiEmulator, InstalledAdminApiKey: typeof AdminApiKey): Promise<void> {
    const ids = [...emulator.keys.keys()];
    for (const count of [1, 10, 100]) {
        const times: Record<string, number> = {};
        let statePerKey = 0;
        let providerBytes = 0;
        const peaks: Record<string, number> = {};
        for (const kind of ["noop", "keys"] as const) {
            const stack: TestStack = await createTestStack({
                program: async () => {
                    for (let i = 0; i < count; i++) {
                        if (kind === "keys") {
                            InstalledAdminApiKey.get(`key-${i}`, ids[i % ids.length]!);
                        } else {
                            new NoopRead(`noop-${i}`, `noop-${i}`);
                        }
                    }
                    return {};
                },
                env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl, OPENAI_MAX_CONCURRENT_REQUESTS: "16" },
            });
            try {
                [, times[`${kind} preview`]] = await timed(() => stack.stack.preview());
                const up = timed(() => stack.stack.up());
                peaks[kind] = await peakRssOfProviders(up);
                [, times[`${kind} up`]] = await up;
                if (kind === "keys" && count === 100) {
                    const exported = await stack.cli(["stack", "export"]);
                    const resources = (
                        JSON.parse(exported.stdout) as {
                            deployment: { resources: Array<{ type: string; outputs?: Record<string, unknown> }> };
                        }
                    ).deployment.resources.filter((r) => r.type === "pulumi-nodejs:dynamic/openai:AdminApiKey");
                    statePerKey = Buffer.byteLength(exported.stdout) / resources.length;
                    const provider = resources[0]?.outputs?.["__provider"];
                    providerBytes = typeof provider === "string" ? provider.length : 0;
                }
            } finally {
                await stack.dispose();
            }
        }
        for (const operation of ["preview", "up"]) {
            const [a, b] = [times[`keys ${operation}`]!, times[`noop ${operation}`]!];
            report({
                benchmark: `2. pulumi ${operation}, ${count} AdminApiKey.get`,
                measured: `${(a / 1000).toFixed(2)} s`,
                baseline: `${count} no-op reads ${(b / 1000).toFixed(2)} s`,
                ratio: `${(a / b).toFixed(2)}x`,
                target: count === 100 ? "1.3x" : "report",
            });
        }
        if (count === 100) {
            report({
                benchmark: "3. __provider per resource (installed package)",
                measured: `${providerBytes} B`,
                baseline: "-",
                ratio: "-",
                target: "smaller",
            });
            report({
                benchmark: "3. state per key (stack export / keys)",
                measured: `${Math.round(statePerKey)} B`,
                baseline: "-",
                ratio: "-",
                target: "smaller",
            });
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

async function main(): Promise<void> {
    console.log(
        `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    await readLatency();
    await listing();
    await underTheLimit();
    await reportPaging();
    const emulator = await startEmulator();
    try {
        await engine(emulator);
    } finally {
        await emulator.close();
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
