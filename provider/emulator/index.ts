export { startEmulator } from "./server";
export type { AdminApiEmulator, EmulatorOptions, Fault, RecordedRequest } from "./server";
export { seedKeys } from "./seedKeys";
export { seedOrganization } from "./seedOrganization";
export type { SeedObjects } from "./seedOrganization";
