import * as assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { SpendSeries, spendReport } from "../../examples/spend-report/program";
import { withEmulatorStacks } from "./harness";

describe("Reports on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();
    let folder: string;
    beforeEach(async () => {
        folder = await mkdtemp(path.join(tmpdir(), "spend-report-"));
    });
    afterEach(async () => {
        await rm(folder, { recursive: true, force: true });
    });

    it("spend-report exports cost per project and a chart of daily spend; a budget gate blocks up", async () => {
        let budgets: Record<string, number> = { proj_web: 1_000_000 };
        const chartPath = path.join(folder, "spend-chart.html");
        const t = await suite.stackWith(async () => spendReport({ days: 30, budgets, chartPath }), "env");
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const costPerProject = up.outputs["costPerProject"]?.value as Record<string, number>;
        assert.deepEqual(Object.keys(costPerProject).sort(), ["proj_default", "proj_research", "proj_web"]);
        const total = up.outputs["total"]?.value as { value: number; currency: string };
        assert.equal(total.currency, "usd");
        const summed = Object.values(costPerProject).reduce((sum, value) => sum + value, 0);
        assert.ok(Math.abs(summed - total.value) < 0.05, `${summed} vs ${total.value}`);

        // The chart holds one series per project, a value for each of the 30 days, summing to its cost.
        const html = await readFile(chartPath, "utf8");
        const json = /<script type="application\/json" id="spend-series">(.*?)<\/script>/s.exec(html)?.[1];
        const series = JSON.parse(json ?? "null") as SpendSeries;
        assert.equal(series.days.length, 30);
        assert.deepEqual(Object.keys(series.projects).sort(), Object.keys(costPerProject).sort());
        for (const [project, values] of Object.entries(series.projects)) {
            assert.equal(values.length, 30);
            assert.ok(Math.abs(values.reduce((sum, value) => sum + value, 0) - costPerProject[project]!) < 0.05, project);
            assert.match(html, new RegExp(`<svg[\\s\\S]*${project}[\\s\\S]*</svg>`), `the SVG's legend names ${project}`);
        }
        assert.equal((html.match(/<path d="M/g) ?? []).length >= 3, true, "the SVG draws a line per project");

        budgets = { proj_web: 50 };
        const blocked = await t
            .run((onOutput) => t.stack.up({ onOutput }))
            .then(
                () => assert.fail("the budget gate should block up"),
                (error: unknown) => String(error),
            );
        assert.match(
            blocked,
            /costs report "[^"]+" fails 1 expectation: maxPerProject: cost of project "proj_web" from \d{4}-\d\d-\d\d 00:00 UTC to [^ ]+ [^ ]+ UTC is [\d.]+ usd, above its limit of 50 usd/,
        );
    });
});
