import { z } from "zod";
import { ReportDeclaration } from "../declaration";
import { camelCase, idsFilter } from "../reports";
import { describeTime } from "../reportTime";

const actorUser = z.looseObject({ id: z.string().nullish(), email: z.string().nullish() }).nullish();

/** An audit log event as the API sends it: common fields, and the details under its `type` as key. */
export interface WireAuditLog {
    readonly id: string;
    readonly type: string;
    readonly effective_at: number;
    readonly project?: { readonly id?: string | null; readonly name?: string | null } | null;
    readonly actor?: {
        readonly type?: string | null;
        readonly session?: {
            readonly user?: { readonly id?: string | null; readonly email?: string | null } | null;
            readonly ip_address?: string | null;
        } | null;
        readonly api_key?: {
            readonly id?: string | null;
            readonly type?: string | null;
            readonly user?: { readonly id?: string | null; readonly email?: string | null } | null;
            readonly service_account?: { readonly id?: string | null } | null;
        } | null;
    } | null;
    readonly [details: string]: unknown;
}

/** Who did it: a person in a session, or an API key (a user's or a service account's). */
export interface AuditLogActor {
    /** `session` or `api_key`. */
    readonly type: string | null;
    /** The user, for a session or a user's key. */
    readonly userId: string | null;
    /** The user's email, for a session or a user's key. */
    readonly email: string | null;
    /** The API key's tracking id, for an `api_key` actor. */
    readonly apiKeyId: string | null;
    /** The service account, for a service account's key. */
    readonly serviceAccountId: string | null;
    /** The session's IP address. */
    readonly ipAddress: string | null;
}

/** The details the OpenAPI document gives for some event types (keys in camelCase). */
export interface AuditLogDetailsByType {
    readonly "api_key.created": { readonly id?: string; readonly data?: { readonly scopes?: readonly string[] } };
    readonly "api_key.updated": { readonly id?: string; readonly changesRequested?: { readonly scopes?: readonly string[] } };
    readonly "api_key.deleted": { readonly id?: string };
    readonly "project.created": { readonly id?: string; readonly data?: { readonly name?: string; readonly title?: string } };
    readonly "project.updated": { readonly id?: string; readonly changesRequested?: { readonly title?: string } };
    readonly "project.archived": { readonly id?: string };
    readonly "service_account.created": { readonly id?: string; readonly data?: { readonly role?: string } };
    readonly "service_account.updated": { readonly id?: string; readonly changesRequested?: { readonly role?: string } };
    readonly "service_account.deleted": { readonly id?: string };
    readonly "user.added": { readonly id?: string; readonly data?: { readonly role?: string } };
    readonly "user.updated": { readonly id?: string; readonly changesRequested?: { readonly role?: string } };
    readonly "user.deleted": { readonly id?: string };
    readonly "invite.sent": { readonly id?: string; readonly data?: { readonly email?: string; readonly role?: string } };
    readonly "rate_limit.updated": { readonly id?: string; readonly changesRequested?: Readonly<Record<string, number>> };
    readonly "login.failed": { readonly errorCode?: string; readonly errorMessage?: string };
}

/** An audit log event; `details` is typed for the event types the API documents. */
export interface AuditLogEvent<T extends string = string> {
    /** The event's id. */
    readonly id: string;
    /** Its type, e.g. `api_key.created`. */
    readonly type: T;
    /** When it took effect, Unix seconds. */
    readonly effectiveAt: number;
    /** The project it happened in, if any. */
    readonly projectId: string | null;
    /** That project's name. */
    readonly projectName: string | null;
    /** Who did it. */
    readonly actor: AuditLogActor | null;
    /** What the API says of this type of event (its object under the type's name), keys in camelCase. */
    readonly details: (T extends keyof AuditLogDetailsByType ? AuditLogDetailsByType[T] : Readonly<Record<string, unknown>>) | null;
}

/** An audit log report: the events of the window, newest first, as the API lists them. */
export interface AuditLogReport {
    /** Every event that passed the filters. */
    readonly events: readonly AuditLogEvent[];
}

/** Gates on audit logs, checked over the `effectiveAt` window. */
export interface AuditLogExpectations {
    /** No event of these types by anyone but these actors (user ids, emails, service account or API key ids). */
    readonly allowedActors?: { readonly eventTypes: readonly string[]; readonly actors: readonly string[] };
}

function camelKeys(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(camelKeys);
    }
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [camelCase(key), camelKeys(inner)]));
    }
    return value;
}

/** Every name an actor goes by: user id, email, service account id, API key id. */
export function actorNames(actor: AuditLogActor | null): string[] {
    return actor === null
        ? []
        : [actor.userId, actor.email, actor.serviceAccountId, actor.apiKeyId].filter((name): name is string => name !== null);
}

function describeActor(actor: AuditLogActor | null): string {
    const names = actorNames(actor);
    return names.length === 0
        ? "an unknown actor"
        : names[0] === actor?.userId && actor?.email !== null
          ? `${actor!.email} (${actor!.userId})`
          : names[0]!;
}

/** The audit logs report: events of the organization, filtered, as `/organization/audit_logs` lists them. */
export const auditLogsReport: ReportDeclaration<WireAuditLog, AuditLogEvent, AuditLogReport> = {
    name: "audit logs",
    noun: "audit logs",
    description: "The organization's audit log events (who did what, when), filtered by time, type, project, actor and resource.",
    path: "/organization/audit_logs",
    object: "organization.audit_log",
    paging: { style: "cursor", pageSize: 100 },
    filters: {
        eventTypes: idsFilter("event_types[]", "type"),
        projectIds: idsFilter("project_ids[]", "project_id"),
        actorIds: idsFilter("actor_ids[]", "actor_id"),
        actorEmails: idsFilter("actor_emails[]", "actor_email"),
        resourceIds: idsFilter("resource_ids[]", "resource_id"),
    },
    wire: () =>
        z.looseObject({
            id: z.string(),
            type: z.string(),
            effective_at: z.number().int(),
            project: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
            actor: z
                .looseObject({
                    type: z.string().nullish(),
                    session: z.looseObject({ user: actorUser, ip_address: z.string().nullish() }).nullish(),
                    api_key: z
                        .looseObject({
                            id: z.string().nullish(),
                            type: z.string().nullish(),
                            user: actorUser,
                            service_account: z.looseObject({ id: z.string().nullish() }).nullish(),
                        })
                        .nullish(),
                })
                .nullish(),
        }),
    outputs: () =>
        z.strictObject({
            id: z.string(),
            type: z.string(),
            effectiveAt: z.number().int(),
            projectId: z.string().nullable(),
            projectName: z.string().nullable(),
            actor: z
                .strictObject({
                    type: z.string().nullable(),
                    userId: z.string().nullable(),
                    email: z.string().nullable(),
                    apiKeyId: z.string().nullable(),
                    serviceAccountId: z.string().nullable(),
                    ipAddress: z.string().nullable(),
                })
                .nullable(),
            details: z.record(z.string(), z.unknown()).nullable(),
        }),
    toPublic: (wire) => {
        const actor = wire.actor;
        const user = actor?.session?.user ?? actor?.api_key?.user;
        const details = wire[wire.type];
        return {
            id: wire.id,
            type: wire.type,
            effectiveAt: wire.effective_at,
            projectId: wire.project?.id ?? null,
            projectName: wire.project?.name ?? null,
            actor:
                actor === null || actor === undefined
                    ? null
                    : {
                          type: actor.type ?? null,
                          userId: user?.id ?? null,
                          email: user?.email ?? null,
                          apiKeyId: actor.api_key?.id ?? null,
                          serviceAccountId: actor.api_key?.service_account?.id ?? null,
                          ipAddress: actor.session?.ip_address ?? null,
                      },
            details: typeof details === "object" && details !== null ? (camelKeys(details) as Record<string, unknown>) : null,
        };
    },
    gates: {
        allowedActors: {
            schema: () => z.strictObject({ eventTypes: z.array(z.string().min(1)).min(1), actors: z.array(z.string().min(1)) }),
            check: (report, allowed: NonNullable<AuditLogExpectations["allowedActors"]>, window) => {
                const offending = report.events.filter(
                    (event) =>
                        allowed.eventTypes.includes(event.type) && !actorNames(event.actor).some((name) => allowed.actors.includes(name)),
                );
                if (offending.length === 0) {
                    return [];
                }
                const shown = offending
                    .slice(0, 5)
                    .map((event) => `${event.type} "${event.id}" by ${describeActor(event.actor)} at ${describeTime(event.effectiveAt)}`);
                const more = offending.length > 5 ? ` and ${offending.length - 5} more` : "";
                return [
                    `${offending.length} ${allowed.eventTypes.join("/")} event${offending.length === 1 ? "" : "s"} from ${window} by actors outside the allowed list (limit 0; allowed: ${allowed.actors.join(", ") || "none"}): ${shown.join(", ")}${more}`,
                ];
            },
        },
    },
};
