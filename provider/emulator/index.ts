export { startEmulator } from "./server";
export type { AdminApiEmulator, EmulatorOptions, Fault, RecordedRequest } from "./server";
export { seedKeys } from "./seedKeys";
