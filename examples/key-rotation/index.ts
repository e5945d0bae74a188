import * as pulumi from "@pulumi/pulumi";
import { rotatingDeployKey } from "./program";

const config = new pulumi.Config();

export = rotatingDeployKey(config.require("generation"), config.getNumber("lifetimeDays") ?? 90);
