import { emulatedResources } from "./emulatedResources";

/** Seed objects by type name and resource id, as {@link startEmulator} takes them. */
export type SeedObjects = Record<string, Map<string, object>>;

/**
 * The small, believable organization a new emulator holds besides its admin keys (see
 * `seedKeys`): each emulated resource's seeds, dated relative to `now` (Unix seconds).
 *
 * @param now the emulator's current time, Unix seconds
 * @returns fresh objects by type name and resource id
 */
export function seedOrganization(now: number): SeedObjects {
    const seeds: SeedObjects = {};
    for (const resource of emulatedResources) {
        const objects = resource.seed?.(now);
        if (objects !== undefined) {
            seeds[resource.declaration.type] = objects;
        }
    }
    return seeds;
}
