import { projects, WireProject } from "../../api/organization/projects";
import { projectRateLimits } from "../../api/organization/projects/rateLimits";
import { EmulatedResource, newId } from "../emulatedResources";
import { projectLimits } from "./projectRateLimits";

const DAY = 24 * 60 * 60;

/** Projects: archived, never deleted; archived ones listed only with `include_archived`; new ones come with every model's rate limit. */
export const projectEmulation: EmulatedResource = {
    declaration: projects,
    idPrefix: "proj_",
    create: (body, { now, objects }) => {
        if (typeof body["name"] !== "string" || body["name"] === "") {
            return { refuse: { status: 400, message: "Missing required parameter: 'name'.", param: "name" } };
        }
        const id = newId("proj_");
        // As in the API, a new project has a rate limit for every model from the start: they
        // can be changed, never created.
        const rateLimits = objects(projectRateLimits.type);
        for (const limit of projectLimits()) {
            rateLimits.set(`${id}/${limit.id}`, limit as unknown as Record<string, unknown>);
        }
        return {
            object: "organization.project",
            id,
            name: body["name"],
            created_at: now,
            archived_at: null,
            status: "active",
            external_key_id: body["external_key_id"] ?? null,
            residency: body["residency"] ?? "GLOBAL",
        };
    },
    update: (existing, body) =>
        existing["status"] === "archived"
            ? { refuse: { status: 400, message: "Archived projects cannot be updated." } }
            : {
                  ...existing,
                  ...(body["name"] === undefined ? {} : { name: body["name"] }),
                  ...("external_key_id" in body ? { external_key_id: body["external_key_id"] } : {}),
              },
    // A default project, a web storefront with service accounts, members, keys and rate
    // limits (seeded by those resources), a research project in the EU, and an archived one.
    seed: (now) => {
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
        return new Map(projects.map((project) => [project.id, project]));
    },
    listFilter: (project, query) => query.get("include_archived") === "true" || project["status"] !== "archived",
    actions: {
        "/archive": (existing, { now }) => ({ ...existing, status: "archived", archived_at: existing["archived_at"] ?? now }),
    },
};
