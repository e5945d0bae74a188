import { WireAdminApiKey } from "../../provider/api/organization/adminApiKeys";

/**
 * `count` admin keys with ids `key_0000`, `key_0001`, ..., created one second apart; every
 * third is a service account's, every fifth has expired (at `nowSeconds`).
 */
export function manyKeys(count: number, nowSeconds: number): WireAdminApiKey[] {
    return Array.from({ length: count }, (_, index) => {
        const serviceAccount = index % 3 === 0;
        return {
            object: "organization.admin_api_key" as const,
            id: `key_${String(index).padStart(4, "0")}`,
            name: `key number ${index}`,
            redacted_value: `sk-admin...${index}`,
            created_at: nowSeconds - 1_000_000 + index,
            expires_at: index % 5 === 0 ? nowSeconds - 60 : null,
            last_used_at: null,
            owner: serviceAccount
                ? { type: "service_account", object: "organization.service_account", id: `sa_${index % 4}`, name: "bot", role: "member" }
                : { type: "user", object: "organization.user", id: `user_${index % 4}`, name: "someone", role: "owner" },
        };
    });
}
