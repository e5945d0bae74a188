import { RetryClock } from "../../provider/core/retryPolicy";

/**
 * A real clock that runs `factor` times faster: a minute of its time passes in 60/factor
 * seconds. Pair it with an emulator whose rate limit has the same `timeScale`.
 */
export function scaledClock(factor: number): RetryClock {
    const startedAt = Date.now();
    return {
        now: () => startedAt + (Date.now() - startedAt) * factor,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / factor)),
        random: () => Math.random(),
    };
}
