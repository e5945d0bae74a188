import { projectApiKeys, WireProjectApiKey } from "../../api/organization/projects/apiKeys";
import { EmulatedResource } from "../emulatedResources";

const DAY = 24 * 60 * 60;

function userKey(id: string, name: string, created: number, lastUsed: number | null, user: string, access = "active"): WireProjectApiKey {
    return {
        object: "organization.project.api_key",
        id,
        name,
        redacted_value: `sk-proj-...${id.slice(-3)}`,
        created_at: created,
        last_used_at: lastUsed,
        owner_project_access: access,
        owner: {
            type: "user",
            user: {
                id: `user_${user}`,
                name: user[0]!.toUpperCase() + user.slice(1),
                email: `${user}@example.com`,
                role: "owner",
                created_at: created - 30 * DAY,
            },
        },
    };
}

function serviceAccountKey(id: string, name: string, created: number, lastUsed: number | null, account: string): WireProjectApiKey {
    return {
        object: "organization.project.api_key",
        id,
        name,
        redacted_value: `sk-svcacct-...${id.slice(-3)}`,
        created_at: created,
        last_used_at: lastUsed,
        owner_project_access: "active",
        owner: {
            type: "service_account",
            service_account: { id: `svc_acct_${account}`, name: account, role: "member", created_at: created },
        },
    };
}

/**
 * Project API keys, read only here. Without `owner_project_access` the list hides keys whose
 * owner has lost access to the project, as the API's membership rules may.
 */
export const projectApiKeyEmulation: EmulatedResource = {
    declaration: projectApiKeys,
    idPrefix: "key_",
    // The web storefront runs on service-account keys but still holds a developer's key, an
    // idle one, and one of someone who left; the default project holds one user key.
    seed: (now) => {
        const keys: Array<[string, WireProjectApiKey]> = [
            ["proj_web", serviceAccountKey("key_web_checkout", "checkout service", now - 120 * DAY, now - 3600, "checkout")],
            ["proj_web", serviceAccountKey("key_web_idle", "old importer", now - 190 * DAY, now - 120 * DAY, "importer")],
            ["proj_web", userKey("key_web_alice", "alice laptop", now - 60 * DAY, now - 2 * DAY, "alice")],
            ["proj_web", userKey("key_web_bob", "bob (left)", now - 150 * DAY, now - 90 * DAY, "bob", "inactive")],
            ["proj_default", userKey("key_default_carol", "carol notebook", now - 10 * DAY, null, "carol")],
        ];
        return new Map(keys.map(([project, key]) => [`${project}/${key.id}`, key]));
    },
    listFilter: (key, query) => {
        const access = query.get("owner_project_access");
        return access === "any" || key["owner_project_access"] === (access ?? "active");
    },
};
