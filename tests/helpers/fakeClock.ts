import * as sinon from "sinon";
import { RetryClock } from "../../provider/core/retryPolicy";

/** A retry clock that never waits: `sleep` records each requested delay and moves `now` on by it. */
export interface FakeClock extends RetryClock {
    readonly sleep: sinon.SinonStub<[number], Promise<void>>;
}

/**
 * @param startMs the starting time, milliseconds since the epoch
 * @param random the fixed jitter draw, in [0, 1)
 */
export function fakeClock(startMs = Date.UTC(2026, 10, 23), random = 0): FakeClock {
    let nowMs = startMs;
    return {
        sleep: sinon.stub<[number], Promise<void>>().callsFake(async (ms) => {
            nowMs += ms;
        }),
        now: () => nowMs,
        random: () => random,
    };
}
