import { WireAdminApiKey } from "../api/organization/adminApiKeys";

const DAY = 24 * 60 * 60;

/**
 * The keys a new emulator holds, dated relative to `now` (Unix seconds): a user-owned key in
 * daily use, a service-account key that was never used and expires in 30 days, an expired
 * key, and a sparse key whose optional fields are all absent.
 *
 * @param now the emulator's current time, Unix seconds
 * @returns fresh key objects, in creation order
 */
export function seedKeys(now: number): WireAdminApiKey[] {
    return [
        {
            object: "organization.admin_api_key",
            id: "key_user_owned",
            name: "Platform admin key",
            redacted_value: "sk-admin...a1b",
            created_at: now - 120 * DAY,
            expires_at: null,
            last_used_at: now - 2 * 60 * 60,
            owner: {
                type: "user",
                object: "organization.user",
                id: "user_ada",
                name: "Ada Lovelace",
                created_at: now - 400 * DAY,
                role: "owner",
            },
        },
        {
            object: "organization.admin_api_key",
            id: "key_service_account",
            name: "CI deploy key",
            redacted_value: "sk-admin...c2d",
            created_at: now - 60 * DAY,
            expires_at: now + 30 * DAY,
            last_used_at: null,
            owner: {
                type: "service_account",
                object: "organization.service_account",
                id: "sa_ci_bot",
                name: "ci-bot",
                created_at: now - 60 * DAY,
                role: "member",
            },
        },
        {
            object: "organization.admin_api_key",
            id: "key_expired",
            name: "Old audit key",
            redacted_value: "sk-admin...e3f",
            created_at: now - 400 * DAY,
            expires_at: now - 35 * DAY,
            last_used_at: now - 40 * DAY,
            owner: {
                type: "user",
                object: "organization.user",
                id: "user_grace",
                name: "Grace Hopper",
                created_at: now - 500 * DAY,
                role: "member",
            },
        },
        {
            object: "organization.admin_api_key",
            id: "key_sparse",
            redacted_value: "sk-admin...g4h",
            created_at: now - 10 * DAY,
            owner: {},
        },
    ];
}
