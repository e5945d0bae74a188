// The child process of emulatorProcess.ts: starts an emulator, says where it listens, and
// answers questions about its memory. It is left to crash on anything the emulator does not
// handle: that is what the tests look for.
import type { AdminApiEmulator, EmulatorOptions } from "../../provider/emulator";

type Start = (options?: EmulatorOptions) => Promise<AdminApiEmulator>;

async function main(): Promise<void> {
    const modulePath = process.env["EMULATOR_MODULE"] || "../../provider/emulator";
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startEmulator } = require(modulePath) as { startEmulator: Start };
    const emulator = await startEmulator();
    process.on("message", (message) => {
        if (message === "peakMemory") {
            process.send?.({ peakMemory: process.resourceUsage().maxRSS * 1024 });
        }
    });
    process.send?.({ url: emulator.url, adminKey: emulator.adminKey });
}

void main();
