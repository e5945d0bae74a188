import * as pulumi from "@pulumi/pulumi";
import { AuditLogExpectations, AuditLogReport, auditLogsReport } from "../api/organization/auditLogs";
import { RelativeWindow, TimeInput } from "../api/reportTime";
import { FetchDependencies } from "./programClient";
import { fetchReport, reportFunctions } from "./reports";
import { InputArgs } from "./dataSources";

/** Bounds on when an event took effect, each a time; or a relative window ending now. */
export type EffectiveAt =
    RelativeWindow | { readonly gt?: TimeInput; readonly gte?: TimeInput; readonly lt?: TimeInput; readonly lte?: TimeInput };

/** Arguments of {@link getAuditLogs}: filters, combined with "and". */
export interface GetAuditLogsArgs {
    /** Only events in this window, e.g. `{ lastDays: 7 }` or `{ gte: "2026-11-01" }`; default all the API keeps. */
    readonly effectiveAt?: EffectiveAt;
    /** Only events of these types, e.g. `api_key.created`. */
    readonly eventTypes?: readonly string[];
    /** Only events in these projects. */
    readonly projectIds?: readonly string[];
    /** Only events by these actors: user ids, service account ids or API key tracking ids. */
    readonly actorIds?: readonly string[];
    /** Only events by users with these emails. */
    readonly actorEmails?: readonly string[];
    /** Only events on these targets (e.g. a project id). */
    readonly resourceIds?: readonly string[];
    /** Gates: `allowedActors`; a failure fails the call (and so the preview) with an `ExpectationError`. */
    readonly expect?: AuditLogExpectations;
}

/** The result of {@link getAuditLogs}: events newest first. */
export type GetAuditLogsResult = AuditLogReport;

/**
 * Reads audit logs with the given dependencies: the body of {@link getAuditLogs}, for tests and tools.
 *
 * @param args the window, filters and gates
 * @param deps where settings come from
 * @returns the events
 */
export function fetchAuditLogs(args: GetAuditLogsArgs, deps: FetchDependencies): Promise<GetAuditLogsResult> {
    return fetchReport<GetAuditLogsResult>(auditLogsReport, args, deps);
}

const auditLogs = reportFunctions<GetAuditLogsArgs, GetAuditLogsResult>((args, deps) => fetchAuditLogs(args as GetAuditLogsArgs, deps));

/**
 * Reads the organization's audit log events (every page, 100 a page), filtered, and checks
 * gates such as "no admin key created by anyone outside the platform team this week".
 *
 * @example
 * ```typescript
 * await getAuditLogs({
 *     effectiveAt: { lastDays: 7 },
 *     eventTypes: ["api_key.created"],
 *     expect: { allowedActors: { eventTypes: ["api_key.created"], actors: ["ada@example.com"] } },
 * });
 * ```
 */
export const getAuditLogs: (args?: GetAuditLogsArgs) => Promise<GetAuditLogsResult> = (args) => auditLogs.read(args ?? {});

/**
 * {@link getAuditLogs} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const keyEvents = getAuditLogsOutput({ eventTypes: ["api_key.created"] }).events;
 * ```
 */
export const getAuditLogsOutput: (args?: InputArgs<GetAuditLogsArgs>) => pulumi.Output<GetAuditLogsResult> = (args) =>
    auditLogs.readOutput(args ?? {});
