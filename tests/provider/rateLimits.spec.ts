import * as assert from "node:assert/strict";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { fetchAdminApiKey } from "../../provider/pulumi/adminApiKey";
import { scaledClock } from "../helpers/scaledClock";

const SPEED = 60; // a minute lasts a second
const LIMIT = 10; // requests a minute, as the admin API allows

describe("reads under the admin API's rate limit (emulated at 60x speed)", function () {
    this.timeout(60_000);
    let emulator: AdminApiEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ rateLimit: { requestsPerMinute: LIMIT, timeScale: SPEED } });
    });
    afterEach(() => emulator.close());

    async function readFifty(env: NodeJS.ProcessEnv): Promise<{ scaledMinutes: number; waits: string[] }> {
        const clock = scaledClock(SPEED);
        const waits: string[] = [];
        const deps = {
            config: () => undefined,
            env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl, ...env },
            client: { clock, limiters: new Map(), onWait: (ms: number, reason: string) => waits.push(`${ms} ${reason}`) },
        };
        const started = clock.now();
        const ids = [...emulator.keys.keys()];
        const keys = await Promise.all(Array.from({ length: 50 }, (_, i) => fetchAdminApiKey({ keyId: ids[i % ids.length]! }, deps)));
        assert.equal(keys.length, 50);
        const scaledMinutes = (clock.now() - started) / 60_000;
        console.log(`      50 reads took ${scaledMinutes.toFixed(2)} emulated minutes (the limit's floor: 4.00)`);
        return { scaledMinutes, waits };
    }

    it("reads 50 keys without a failure when the pace is configured, hardly ever hitting a 429", async () => {
        const { scaledMinutes, waits } = await readFifty({ OPENAI_REQUESTS_PER_MINUTE: String(LIMIT) });
        // Two clocks (this process's and the emulator's) can disagree by a few milliseconds.
        assert.ok(emulator.requests.filter((r) => r.status === 429).length <= 5);
        assert.equal(emulator.requests.filter((r) => r.status === 200).length, 50);
        // The limit lets 10 through at once and then 10 a minute: 4 minutes for 50 at best.
        assert.ok(scaledMinutes >= 3.9, `${scaledMinutes} minutes`);
        assert.ok(waits.some((w) => w.endsWith(`paced at ${LIMIT} requests a minute`)));
    });

    it("reads 50 keys without a failure when nothing is configured, learning the pace from the first 429s", async () => {
        const { scaledMinutes } = await readFifty({});
        const statuses = emulator.requests.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === 200).length, 50);
        const refused = statuses.filter((s) => s === 429).length;
        assert.ok(refused > 0 && refused <= 15, `${refused} requests refused`);
        assert.ok(scaledMinutes < 8, `${scaledMinutes} minutes; the floor is 4`);
    });
});
