import * as pulumi from "@pulumi/pulumi";
import { CostExpectations, CostReport, costsReport } from "../api/organization/costs";
import { RelativeWindow, TimeInput } from "../api/reportTime";
import { FetchDependencies } from "./programClient";
import { fetchReport, reportFunctions } from "./reports";
import { InputArgs } from "./dataSources";

/** Arguments of {@link getCosts}. */
export interface GetCostsArgs {
    /** Start of the range (inclusive): Unix seconds, a `Date`, an ISO string, or `{ lastDays: N }` (ending now). */
    readonly startTime: TimeInput | RelativeWindow;
    /** End of the range (exclusive); default now. Not with a relative window. */
    readonly endTime?: TimeInput;
    /** Always `1d`: the only width the costs endpoint has. */
    readonly bucketWidth?: "1d";
    /** Group results by `project_id`, `line_item` and/or `api_key_id`. */
    readonly groupBy?: ReadonlyArray<"project_id" | "line_item" | "api_key_id">;
    /** Only these projects. */
    readonly projectIds?: readonly string[];
    /** Only these API keys. */
    readonly apiKeyIds?: readonly string[];
    /** Gates: `maxTotal`, `maxPerProject`; a failure fails the call (and so the preview) with an `ExpectationError`. */
    readonly expect?: CostExpectations;
}

/** The result of {@link getCosts}: daily buckets and their total, amounts and currency as the API gives them. */
export type GetCostsResult = CostReport;

/**
 * Reads costs with the given dependencies: the body of {@link getCosts}, for tests and tools.
 *
 * @param args the range, groupings, filters and gates
 * @param deps where settings come from
 * @returns the buckets and their total
 */
export function fetchCosts(args: GetCostsArgs, deps: FetchDependencies): Promise<GetCostsResult> {
    return fetchReport<GetCostsResult>(costsReport, args, deps);
}

const costs = reportFunctions<GetCostsArgs, GetCostsResult>((args, deps) => fetchCosts(args as GetCostsArgs, deps));

/**
 * Reads what the organization spent per day over a range (every page, 180 days a page),
 * optionally grouped by project, line item or API key, and checks budget gates.
 *
 * @example
 * ```typescript
 * const { buckets, total } = await getCosts({
 *     startTime: { lastDays: 30 },
 *     groupBy: ["project_id"],
 *     expect: { maxPerProject: { proj_web: 500 } },
 * });
 * ```
 */
export const getCosts: (args: GetCostsArgs) => Promise<GetCostsResult> = costs.read;

/**
 * {@link getCosts} for Pulumi inputs.
 *
 * @example
 * ```typescript
 * export const spentThisMonth = getCostsOutput({ startTime: "2026-11-01T00:00:00Z" }).total;
 * ```
 */
export const getCostsOutput: (args: InputArgs<GetCostsArgs>) => pulumi.Output<GetCostsResult> = costs.readOutput;
