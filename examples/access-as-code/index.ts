import * as pulumi from "@pulumi/pulumi";
import { accessAsCode } from "./program";

const config = new pulumi.Config();

export = accessAsCode({
    projectId: config.require("projectId"),
    platformGroupId: config.require("platformGroupId"),
    dataGroupId: config.require("dataGroupId"),
    ownersProjectId: config.require("ownersProjectId"),
    owners: config.requireObject<string[]>("owners"),
});
