import * as pulumi from "@pulumi/pulumi";
import { lookupAdminApiKeys } from "./program";

const config = new pulumi.Config();

export = lookupAdminApiKeys(config.requireObject<string[]>("keyIds"));
