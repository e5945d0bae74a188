// Tests start emulators through here, so that the wire check (wireCheck.ts) sees every
// request the package sends in any test.
import { AdminApiEmulator, EmulatorOptions, startEmulator as startPackageEmulator } from "../../provider/emulator";

export * from "../../provider/emulator";

/** Emulators started since the wire check last looked. */
export const startedEmulators: AdminApiEmulator[] = [];

/** The package's `startEmulator`, remembered for the wire check. */
export async function startEmulator(options?: EmulatorOptions): Promise<AdminApiEmulator> {
    const emulator = await startPackageEmulator(options);
    startedEmulators.push(emulator);
    return emulator;
}
