import * as pulumi from "@pulumi/pulumi";
import { AdminApiKeyMetadata, getAdminApiKeysOutput } from "pulumi-openai-admin";

const DAY_SECONDS = 24 * 60 * 60;

/** One row of the audit: who owns the key and how close it is to expiring. */
export interface KeyAuditRow {
    readonly id: string;
    readonly name: string | null;
    readonly ownerType: string | null;
    readonly ownerName: string | null;
    readonly expiresAt: number | null;
    readonly lastUsedAt: number | null;
    /** `expired`, `expires soon` (within `soonDays`), `ok`, or `never expires`. */
    readonly status: "expired" | "expires soon" | "ok" | "never expires";
}

function auditRow(key: AdminApiKeyMetadata, nowSeconds: number, soonDays: number): KeyAuditRow {
    const status =
        key.expiresAt === null
            ? "never expires"
            : key.expiresAt <= nowSeconds
              ? "expired"
              : key.expiresAt - nowSeconds < soonDays * DAY_SECONDS
                ? "expires soon"
                : "ok";
    return {
        id: key.id,
        name: key.name,
        ownerType: key.owner.type,
        ownerName: key.owner.name,
        expiresAt: key.expiresAt,
        lastUsedAt: key.lastUsedAt,
        status,
    };
}

/**
 * Lists every admin API key of the organization and exports an audit table.
 *
 * @param soonDays keys expiring within this many days are marked `expires soon`
 * @returns the stack outputs: `keys` (one row per key) and `counts` (rows per status)
 */
export function auditAdminApiKeys(soonDays: number) {
    const nowSeconds = Date.now() / 1000;
    const keys = getAdminApiKeysOutput().keys.apply((all) => all.map((key) => auditRow(key, nowSeconds, soonDays)));
    const counts = keys.apply((rows) => {
        const byStatus: Record<string, number> = {};
        for (const row of rows) {
            byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
        }
        return byStatus;
    });
    return { keys, counts: pulumi.output(counts) };
}
