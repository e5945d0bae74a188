import * as pulumi from "@pulumi/pulumi";
import { gateDeployKey } from "./program";

const config = new pulumi.Config();

export = gateDeployKey({
    keyId: config.require("keyId"),
    ownerType: config.get<"user" | "service_account">("ownerType", { allowedValues: ["user", "service_account"] }) ?? "service_account",
    minDaysToExpiry: config.getNumber("minDaysToExpiry") ?? 14,
});
