import { AdminApiEmulator } from "../../provider/emulator";
import { FetchDependencies } from "../../provider/pulumi/programClient";
import { FakeClock } from "./fakeClock";

/**
 * Settings sources that point at `emulator`, as a user would set them in the environment.
 *
 * @param emulator the running emulator
 * @param clock the retry clock to use
 * @param env extra environment variables, e.g. `OPENAI_MAX_RETRIES`
 */
export function emulatorDependencies(emulator: AdminApiEmulator, clock: FakeClock, env: NodeJS.ProcessEnv = {}): FetchDependencies {
    return {
        config: () => undefined,
        env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl, ...env },
        // A registry of its own, so that no limiter outlives the test that made it.
        client: { clock, limiters: new Map() },
    };
}

/** Runs `action` and returns the error it throws; fails when it does not throw. */
export async function rejectionOf(action: () => Promise<unknown>): Promise<Error> {
    try {
        await action();
    } catch (error) {
        if (error instanceof Error) {
            return error;
        }
        throw new Error(`threw a non-Error: ${String(error)}`, { cause: error });
    }
    throw new Error("expected a rejection, but the call succeeded");
}
