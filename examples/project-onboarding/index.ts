import * as pulumi from "@pulumi/pulumi";
import { onboardProject, RateLimitSetting } from "./program";

const config = new pulumi.Config();

export = onboardProject({
    projectName: config.require("projectName"),
    ownerIds: config.getObject<string[]>("ownerIds") ?? [],
    memberEmails: config.getObject<string[]>("memberEmails") ?? [],
    rateLimits: config.getObject<RateLimitSetting[]>("rateLimits") ?? [],
    keyRotationDays: config.getNumber("keyRotationDays") ?? 90,
});
