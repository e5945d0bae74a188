import * as sinon from "sinon";
import { RetryClock } from "../../provider/retryPolicy";

/** A retry clock that never waits: `sleep` is a sinon stub that records each requested delay. */
export interface FakeClock extends RetryClock {
    readonly sleep: sinon.SinonStub<[number], Promise<void>>;
}

/**
 * @param nowMs the fixed current time, milliseconds since the epoch
 * @param random the fixed jitter draw, in [0, 1)
 */
export function fakeClock(nowMs = Date.UTC(2026, 10, 23), random = 0): FakeClock {
    return {
        sleep: sinon.stub<[number], Promise<void>>().resolves(),
        now: () => nowMs,
        random: () => random,
    };
}
