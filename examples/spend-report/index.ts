import * as pulumi from "@pulumi/pulumi";
import { spendReport } from "./program";

const config = new pulumi.Config();

export = spendReport({
    days: config.getNumber("days") ?? 30,
    budgets: config.getObject<Record<string, number>>("budgets") ?? {},
    chartPath: config.get("chartPath") ?? "spend-chart.html",
});
