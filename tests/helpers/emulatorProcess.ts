// Runs an emulator in a process of its own (started by tests/helpers/emulatorChild.ts), so a
// test can send it requests the package never would, see whether it dies, and measure its
// memory without the test's own allocations in the way.
import { ChildProcess, fork } from "node:child_process";
import * as path from "node:path";

/** An emulator running in a child process. */
export interface EmulatorProcess {
    /** `http://127.0.0.1:<port>`. */
    readonly url: string;
    readonly port: number;
    readonly adminKey: string;
    /** True while the child process runs. */
    alive(): boolean;
    /** Its peak resident memory so far, in bytes. */
    peakMemory(): Promise<number>;
    /** Ends the child process. */
    stop(): Promise<void>;
}

/**
 * Starts the emulator in a child process.
 *
 * @param modulePath the emulator module to load; default the package's. `EMULATOR_MODULE`
 *   in the environment overrides it, to run the same tests against another version.
 */
export async function startEmulatorProcess(modulePath?: string): Promise<EmulatorProcess> {
    const child: ChildProcess = fork(path.join(__dirname, "emulatorChild.js"), [], {
        env: { ...process.env, EMULATOR_MODULE: modulePath ?? process.env["EMULATOR_MODULE"] ?? "" },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr?.resume();
    const started = await new Promise<{ url: string; adminKey: string }>((resolve, reject) => {
        child.once("message", (message) => resolve(message as { url: string; adminKey: string }));
        child.once("exit", (code) => reject(new Error(`the emulator process ended before it started (exit ${code})`)));
    });
    let exited = false;
    child.once("exit", () => {
        exited = true;
    });
    return {
        url: started.url,
        port: Number(new URL(started.url).port),
        adminKey: started.adminKey,
        alive: () => !exited && child.exitCode === null && child.signalCode === null,
        peakMemory: () =>
            new Promise((resolve, reject) => {
                child.once("message", (message) => resolve((message as { peakMemory: number }).peakMemory));
                child.send("peakMemory", (error) => error && reject(error));
            }),
        stop: () =>
            new Promise((resolve) => {
                if (exited) {
                    resolve();
                    return;
                }
                child.once("exit", () => resolve());
                child.kill();
            }),
    };
}
