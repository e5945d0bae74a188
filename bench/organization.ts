// Organization scale: one stack that manages 40 projects with 10 children each, refreshed
// under the API's rate limit, and the state each of those resources takes.
import { RecordedRequest, startEmulator } from "../provider/emulator";
import type { WireProject } from "../provider/api/organization/projects";
import type { WireProjectServiceAccount } from "../provider/api/organization/projects/serviceAccounts";
import type { WireProjectUser } from "../provider/api/organization/projects/users";
import { createTestStack, TestStack } from "../tests/e2e/harness";
import { PackageModule, report, stateSizes, timed } from "./shared";

const PROJECTS = 40;
const ACCOUNTS_PER_PROJECT = 5;
const USERS_PER_PROJECT = 5;
const PER_MINUTE = 10;
/**
 * The emulator's minute lasts a real minute. The provider process runs on the real clock and
 * paces with a token bucket of one minute's worth of requests: at a faster emulated clock its
 * bucket would hold `timeScale` times the emulator's, its first burst would be answered with
 * 429s, and the figures would measure that mismatch rather than the package. So the refresh
 * takes at least the floor in real time (4 minutes).
 */
const TIME_SCALE = 1;
const DAY = 24 * 60 * 60;

const PROJECT_TYPE = "pulumi-nodejs:dynamic/openai:Project";
const ACCOUNT_TYPE = "pulumi-nodejs:dynamic/openai:ProjectServiceAccount";
const USER_TYPE = "pulumi-nodejs:dynamic/openai:ProjectUser";

const pad = (n: number) => String(n).padStart(2, "0");

/** The 40 projects, their service accounts and members, as the emulator stores them. */
function organization(now: number): Record<string, Map<string, object>> {
    const projects = new Map<string, WireProject>();
    const accounts = new Map<string, WireProjectServiceAccount>();
    const users = new Map<string, WireProjectUser>();
    for (let p = 0; p < PROJECTS; p++) {
        const projectId = `proj_team${pad(p)}`;
        projects.set(projectId, {
            object: "organization.project",
            id: projectId,
            name: `Team ${pad(p)}`,
            created_at: now - 100 * DAY,
            archived_at: null,
            status: "active",
            external_key_id: null,
            residency: "GLOBAL",
        });
        for (let a = 0; a < ACCOUNTS_PER_PROJECT; a++) {
            const id = `svc_acct_team${pad(p)}_${a}`;
            accounts.set(`${projectId}/${id}`, {
                object: "organization.project.service_account",
                id,
                name: `bot-${a}`,
                role: "member",
                created_at: now - 50 * DAY,
            });
        }
        for (let u = 0; u < USERS_PER_PROJECT; u++) {
            const id = `user_member${u}`;
            users.set(`${projectId}/${id}`, {
                object: "organization.project.user",
                id,
                name: `Member ${u}`,
                email: `member${u}@example.com`,
                role: u === 0 ? "owner" : "member",
                added_at: now - 40 * DAY,
            });
        }
    }
    return { Project: projects, ProjectServiceAccount: accounts, ProjectUser: users };
}

/**
 * The program: every project and child adopted by id, declared project by project (each
 * project, then its accounts, then its members), as a team-by-team program would.
 */
function adoptingProgram(pkg: PackageModule) {
    return async () => {
        for (let p = 0; p < PROJECTS; p++) {
            const projectId = `proj_team${pad(p)}`;
            new pkg.Project(`team${pad(p)}`, { name: `Team ${pad(p)}`, adopt: { id: projectId } });
            for (let a = 0; a < ACCOUNTS_PER_PROJECT; a++) {
                new pkg.ProjectServiceAccount(`team${pad(p)}-bot${a}`, {
                    projectId,
                    name: `bot-${a}`,
                    role: "member",
                    adopt: { id: `svc_acct_team${pad(p)}_${a}` },
                });
            }
            for (let u = 0; u < USERS_PER_PROJECT; u++) {
                new pkg.ProjectUser(`team${pad(p)}-member${u}`, {
                    projectId,
                    userId: `user_member${u}`,
                    role: u === 0 ? "owner" : "member",
                    adopt: { id: `user_member${u}` },
                });
            }
        }
        return {};
    };
}

function endpointOf(path: string): string {
    return path
        .replace(/\?.*$/, "")
        .replace(/proj_team\d+/, "{project_id}")
        .replace(/\/(svc_acct|user)_[a-z0-9_]+$/, "/{id}");
}

/**
 * A. `pulumi refresh` of one stack holding 40 projects with 5 service accounts and 5 members
 * each (adopted by an `up` against an unthrottled emulator), against an emulator that allows
 * 10 requests a minute per endpoint, the provider paced at the same rate. Requests against
 * the list floor (one list of projects, one list per project and child type, pages of 100),
 * time against the time those lists take at that rate. Then B: the state these resources take.
 *
 * @param pkg the package, installed under node_modules
 */
export async function organizationRefresh(pkg: PackageModule): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    const open = await startEmulator({ objects: organization(now) });
    const adminKey = open.adminKey;
    const port = Number(new URL(open.url).port);
    const stack = await createTestStack({
        program: adoptingProgram(pkg),
        env: {
            OPENAI_ADMIN_KEY: adminKey,
            OPENAI_BASE_URL: open.baseUrl,
        },
    });
    try {
        const [, upMs] = await timed(() => stack.stack.up());
        const writes = open.requests.filter((r) => r.method !== "GET").length;
        const adoptRequests = open.requests.length;
        // The engine's own time for this refresh: the same stack, no rate limit.
        const [, freeMs] = await timed(() => stack.stack.refresh());
        const freeRequests = open.requests.length - adoptRequests;
        console.log(
            `  (up adopting ${PROJECTS * (1 + ACCOUNTS_PER_PROJECT + USERS_PER_PROJECT)} resources: ${(upMs / 1000).toFixed(1)} s, ${adoptRequests} requests, ${writes} writes; refresh without a limit: ${(freeMs / 1000).toFixed(1)} s, ${freeRequests} requests)`,
        );
        await open.close();
        // The provider paces each endpoint at the emulator's rate (on the real clock).
        stack.stack.workspace.envVars["OPENAI_REQUESTS_PER_MINUTE"] = String(PER_MINUTE * TIME_SCALE);
        for (const parallel of [undefined, PROJECTS * (1 + ACCOUNTS_PER_PROJECT + USERS_PER_PROJECT)]) {
            await limitedRefresh(stack, { adminKey, port, now, parallel });
        }
        const exported = (await stack.cli(["stack", "export"])).stdout;
        for (const [label, type] of [
            ["Project", PROJECT_TYPE],
            ["ProjectServiceAccount", ACCOUNT_TYPE],
            ["ProjectUser", USER_TYPE],
        ] as const) {
            const sizes = stateSizes(exported, type);
            report({
                benchmark: `B. state per managed ${label} (${sizes.count}; __provider)`,
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

/**
 * One `pulumi refresh` of the stack against the same organization behind the same URL, now
 * rate limited (a new emulator, so each refresh starts with full buckets).
 */
async function limitedRefresh(
    stack: TestStack,
    { adminKey, port, now, parallel }: { adminKey: string; port: number; now: number; parallel: number | undefined },
): Promise<void> {
    const limited = await startEmulator({
        objects: organization(now),
        adminKey,
        port,
        rateLimit: { requestsPerMinute: PER_MINUTE, timeScale: TIME_SCALE },
    });
    const startedAt = Date.now();
    const answeredAt: number[] = [];
    const requestLog = limited.requests as RecordedRequest[];
    const push = requestLog.push.bind(requestLog);
    // When each request was answered, for the timeline printed below.
    requestLog.push = (...items: RecordedRequest[]) => {
        answeredAt.push(...items.map(() => Date.now() - startedAt));
        return push(...items);
    };
    try {
        const [result, refreshMs] = await timed(() => stack.stack.refresh(parallel === undefined ? {} : { parallel }));
        const requests = limited.requests;
        const refused = requests.filter((r) => r.status === 429).length;
        const byEndpoint = new Map<string, number[]>();
        requests.forEach((request, index) => {
            const endpoint = `${request.method} ${endpointOf(request.path)}`;
            const counts = byEndpoint.get(endpoint) ?? [];
            const slot = Math.floor(answeredAt[index]! / 30_000);
            counts[slot] = (counts[slot] ?? 0) + 1;
            byEndpoint.set(endpoint, counts);
        });
        console.log(
            `  (refresh, --parallel ${parallel ?? "default"}: ${JSON.stringify(result.summary.resourceChanges)}; requests per 30 s:`,
        );
        for (const [endpoint, counts] of byEndpoint) {
            console.log(`    ${endpoint}: ${[...counts].map((n) => n ?? 0).join(" ")}`);
        }
        const floorRequests = 1 + PROJECTS * 2;
        // The floor's busiest endpoints: one list per project for each child type.
        const floorMinutes = PROJECTS / PER_MINUTE;
        const minutes = (refreshMs / 60_000) * TIME_SCALE;
        const naive = PROJECTS * (1 + ACCOUNTS_PER_PROJECT + USERS_PER_PROJECT);
        const label = `A. refresh ${PROJECTS} projects x ${ACCOUNTS_PER_PROJECT + USERS_PER_PROJECT} children at ${PER_MINUTE}/min, --parallel ${parallel ?? "8 (default)"}`;
        report({
            benchmark: `${label}: requests`,
            measured: `${requests.length} (${refused} 429s)`,
            baseline: `list floor ${floorRequests} (naive: ${naive} GETs)`,
            ratio: `${(requests.length / floorRequests).toFixed(2)}x`,
            target: "1.1x",
        });
        report({
            benchmark: `${label}: time`,
            measured: `${minutes.toFixed(2)} min`,
            baseline: `floor ${floorMinutes.toFixed(2)} min (naive: ${((PROJECTS * ACCOUNTS_PER_PROJECT) / PER_MINUTE).toFixed(0)} min)`,
            ratio: `${(minutes / floorMinutes).toFixed(2)}x`,
            target: "1.25x",
        });
    } finally {
        await limited.close();
    }
}
