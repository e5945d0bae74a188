import * as pulumi from "@pulumi/pulumi";
import { auditAdminApiKeys } from "./program";

const config = new pulumi.Config();

export = auditAdminApiKeys(config.getNumber("soonDays") ?? 30);
