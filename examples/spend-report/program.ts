import { writeFileSync } from "node:fs";
import * as echarts from "echarts";
import { getCosts, GetCostsResult } from "pulumi-openai-admin";

/** What the report covers and the budgets it enforces. */
export interface SpendReportOptions {
    /** Days covered, today included. */
    readonly days: number;
    /** The most each project may cost over the window, by project id: a project over it stops the deploy. */
    readonly budgets: Readonly<Record<string, number>>;
    /** Where the chart (a self-contained HTML page) is written. */
    readonly chartPath: string;
}

/** Daily spend per project, as the chart draws it. */
export interface SpendSeries {
    /** The days, `YYYY-MM-DD`, oldest first. */
    readonly days: readonly string[];
    /** Per project id: its cost on each day, in `currency`. */
    readonly projects: Readonly<Record<string, readonly number[]>>;
    /** The currency of every amount, e.g. `usd`. */
    readonly currency: string;
}

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Daily spend per project from a cost report grouped by `project_id`.
 *
 * @param report the cost report
 * @returns one series per project, a value for every day
 */
export function dailySpend(report: GetCostsResult): SpendSeries {
    const days = report.buckets.map((bucket) => new Date(bucket.startTime * 1000).toISOString().slice(0, 10));
    const projects: Record<string, number[]> = {};
    report.buckets.forEach((bucket, day) => {
        for (const result of bucket.results) {
            const id = result.projectId ?? "(no project)";
            projects[id] ??= days.map(() => 0);
            projects[id][day] = cents(projects[id][day]! + result.amount.value);
        }
    });
    return { days, projects, currency: report.total.currency };
}

/**
 * A self-contained HTML page with the chart of daily spend per project (an SVG drawn by
 * Apache ECharts without a browser) and the series it draws, as JSON, for tools.
 *
 * @param series the daily spend per project
 * @returns the page
 */
export function spendChart(series: SpendSeries): string {
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 960, height: 480 });
    chart.setOption({
        animation: false,
        title: { text: `Daily spend per project (${series.currency.toUpperCase()})` },
        legend: { top: 30 },
        tooltip: { trigger: "axis" },
        grid: { top: 80, left: 60, right: 30, bottom: 40 },
        xAxis: { type: "category", data: [...series.days] },
        yAxis: { type: "value" },
        series: Object.entries(series.projects).map(([project, values]) => ({ name: project, type: "line", data: [...values] })),
    });
    const svg = chart.renderToSVGString();
    chart.dispose();
    // `<` is escaped so that the data can never close the script element.
    const data = JSON.stringify(series).replace(/</g, "\\u003c");
    return [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Daily spend per project</title></head><body>',
        svg,
        `<script type="application/json" id="spend-series">${data}</script>`,
        "</body></html>",
    ].join("\n");
}

/**
 * Reads the last `days` of costs per project, checks the budgets (a project over its budget
 * fails the preview), writes the chart, and returns the stack outputs.
 *
 * @param options the window, the budgets and the chart's path
 * @returns the stack outputs: `costPerProject`, `total`, `chartPath`
 */
export async function spendReport(options: SpendReportOptions) {
    const report = await getCosts({
        startTime: { lastDays: options.days },
        groupBy: ["project_id"],
        expect: Object.keys(options.budgets).length === 0 ? undefined : { maxPerProject: options.budgets },
    });
    const series = dailySpend(report);
    writeFileSync(options.chartPath, spendChart(series));
    const costPerProject = Object.fromEntries(
        Object.entries(series.projects).map(([project, values]) => [project, cents(values.reduce((sum, value) => sum + value, 0))]),
    );
    return { costPerProject, total: report.total, chartPath: options.chartPath };
}
