import { WireProject } from "../api/organization/projects";

const DAY = 24 * 60 * 60;

/** Seed objects by type name and resource id, as {@link startEmulator} takes them. */
export type SeedObjects = Record<string, Map<string, object>>;

function byResourceId<T extends { id: string }>(objects: readonly T[], parent?: (object: T) => string): Map<string, object> {
    return new Map(objects.map((object) => [parent === undefined ? object.id : `${parent(object)}/${object.id}`, object]));
}

/**
 * The small, believable organization a new emulator holds besides its admin keys (see
 * `seedKeys`), dated relative to `now` (Unix seconds): a default project, a web storefront
 * project with service accounts, members, keys and rate limits, a data-science project, and
 * an archived one.
 *
 * @param now the emulator's current time, Unix seconds
 * @returns fresh objects by type name and resource id
 */
export function seedOrganization(now: number): SeedObjects {
    const projects: WireProject[] = [
        {
            object: "organization.project",
            id: "proj_default",
            name: "Default project",
            created_at: now - 500 * DAY,
            archived_at: null,
            status: "active",
            external_key_id: null,
            residency: "GLOBAL",
        },
        {
            object: "organization.project",
            id: "proj_web",
            name: "Web storefront",
            created_at: now - 200 * DAY,
            archived_at: null,
            status: "active",
            external_key_id: null,
            residency: "GLOBAL",
        },
        {
            object: "organization.project",
            id: "proj_research",
            name: "Research",
            created_at: now - 90 * DAY,
            archived_at: null,
            status: "active",
            external_key_id: "ekm_research",
            residency: "EU_STORAGE_PROCESSING",
        },
        {
            object: "organization.project",
            id: "proj_legacy",
            name: "Legacy batch jobs",
            created_at: now - 700 * DAY,
            archived_at: now - 100 * DAY,
            status: "archived",
            external_key_id: null,
            residency: "GLOBAL",
        },
    ];
    return {
        Project: byResourceId(projects),
    };
}
