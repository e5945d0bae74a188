import { z } from "zod";
import { ReportDeclaration } from "../declaration";
import { Bucket, camelCase, idsFilter } from "../reports";

/** A cost result as the API sends it. */
export interface WireCostResult {
    readonly object: "organization.costs.result";
    readonly amount?: { readonly value?: number; readonly currency?: string } | null;
    readonly line_item?: string | null;
    readonly project_id?: string | null;
    readonly api_key_id?: string | null;
    readonly quantity?: number | null;
    readonly quantity_unit?: string | null;
}

/** An amount of money, as the API gives it. */
export interface Amount {
    /** The amount, e.g. `12.5`. */
    readonly value: number;
    /** Its currency, lower case, e.g. `usd`. */
    readonly currency: string;
}

/** One cost result: an amount, per project, line item or API key when grouped. */
export interface CostResult {
    /** What was spent, in the API's currency. */
    readonly amount: Amount;
    /** The line item (`gpt-4o-mini, input`) when grouped by `line_item`, else null. */
    readonly lineItem: string | null;
    /** The project when grouped by `project_id`, else null. */
    readonly projectId: string | null;
    /** The API key when grouped by `api_key_id`, else null. */
    readonly apiKeyId: string | null;
    /** How much was used, where the API says. */
    readonly quantity: number | null;
    /** The unit of `quantity`, e.g. `1000_tokens`. */
    readonly quantityUnit: string | null;
}

/** A cost report: daily buckets across the range, and their total. */
export interface CostReport {
    /** Every day of the range, oldest first. */
    readonly buckets: ReadonlyArray<Bucket<CostResult>>;
    /** The sum of every result's amount, in their currency (`usd` when there are none). */
    readonly total: Amount;
}

/** Gates on a cost report, checked over its window. */
export interface CostExpectations {
    /** The total over the window (of the projects filtered, if any) is at most this, in the report's currency. */
    readonly maxTotal?: number;
    /** Each named project's cost over the window is at most its amount. Needs `groupBy` to include `project_id`. */
    readonly maxPerProject?: Readonly<Record<string, number>>;
}

const money = (value: number, currency: string) => `${Number(value.toFixed(2))} ${currency}`;

/**
 * Sums amounts, refusing to add different currencies.
 *
 * @param amounts the amounts
 * @returns their sum; `0 usd` for none
 */
export function sumAmounts(amounts: readonly Amount[]): Amount {
    const currencies = [...new Set(amounts.map((amount) => amount.currency))];
    if (currencies.length > 1) {
        throw new Error(`the costs are in several currencies (${currencies.join(", ")}): they cannot be added up`);
    }
    // Rounded to 1e-10 so that adding many decimal amounts does not show float noise.
    const value = Math.round(amounts.reduce((sum, amount) => sum + amount.value, 0) * 1e10) / 1e10;
    return { value, currency: currencies[0] ?? "usd" };
}

/** The costs of every result of a report for which `keep` holds. */
export function costOf(report: Pick<CostReport, "buckets">, keep: (result: CostResult) => boolean = () => true): Amount {
    return sumAmounts(report.buckets.flatMap((bucket) => bucket.results.filter(keep).map((result) => result.amount)));
}

const fields = { line_item: "dimension", project_id: "dimension", api_key_id: "dimension" } as const;

/** The costs report: what the organization spent, per day, as `/organization/costs` gives it. */
export const costsReport: ReportDeclaration<WireCostResult, CostResult, CostReport> = {
    name: "costs",
    noun: "costs",
    description: "What the organization spent, in daily buckets, with amounts and currency as the API gives them.",
    path: "/organization/costs",
    object: "organization.costs.result",
    fields: { ...fields, quantity: "optionalCount", quantity_unit: "dimension" },
    paging: { style: "page", widths: ["1d"], maxBuckets: { "1d": 180 } },
    filters: { projectIds: idsFilter("project_ids", "project_id"), apiKeyIds: idsFilter("api_key_ids", "api_key_id") },
    groupBy: ["project_id", "line_item", "api_key_id"],
    wire: () =>
        z.looseObject({
            object: z.literal("organization.costs.result", { error: 'is not "organization.costs.result"' }),
            amount: z.looseObject({ value: z.number().optional(), currency: z.string().optional() }).nullish(),
            line_item: z.string().nullish(),
            project_id: z.string().nullish(),
            api_key_id: z.string().nullish(),
            quantity: z.number().nullish(),
            quantity_unit: z.string().nullish(),
        }),
    outputs: () =>
        z.strictObject({
            amount: z.strictObject({ value: z.number(), currency: z.string() }),
            lineItem: z.string().nullable(),
            projectId: z.string().nullable(),
            apiKeyId: z.string().nullable(),
            quantity: z.number().nullable(),
            quantityUnit: z.string().nullable(),
        }),
    toPublic: (wire) => ({
        amount: { value: wire.amount?.value ?? 0, currency: (wire.amount?.currency ?? "usd").toLowerCase() },
        ...(Object.fromEntries(Object.keys(fields).map((name) => [camelCase(name), wire[name as keyof typeof fields] ?? null])) as Pick<
            CostResult,
            "lineItem" | "projectId" | "apiKeyId"
        >),
        quantity: wire.quantity ?? null,
        quantityUnit: wire.quantity_unit ?? null,
    }),
    summarize: (report) => ({ total: costOf(report as Pick<CostReport, "buckets">) }),
    gates: {
        maxTotal: {
            schema: () => z.number().nonnegative(),
            check: (report, limit: number, window, filters) => {
                const total = report.total;
                const projects = filters["projectIds"] as readonly string[] | undefined;
                const what = projects === undefined ? "total cost" : `cost of ${projects.map((id) => `"${id}"`).join(", ")}`;
                return total.value > limit
                    ? [
                          `${what} from ${window} is ${money(total.value, total.currency)}, above the limit of ${money(limit, total.currency)}`,
                      ]
                    : [];
            },
        },
        maxPerProject: {
            schema: () => z.record(z.string().min(1), z.number().nonnegative()),
            requires: (_limits: Record<string, number>, filters) =>
                ((filters["groupBy"] as readonly string[] | undefined) ?? []).includes("project_id")
                    ? undefined
                    : "needs groupBy to include project_id, so that each project's cost is known",
            check: (report, limits: Record<string, number>, window) =>
                Object.entries(limits).flatMap(([projectId, limit]) => {
                    const cost = costOf(report, (result) => result.projectId === projectId);
                    return cost.value > limit
                        ? [
                              `cost of project "${projectId}" from ${window} is ${money(cost.value, cost.currency)}, above its limit of ${money(limit, cost.currency)}`,
                          ]
                        : [];
                }),
        },
    },
};
