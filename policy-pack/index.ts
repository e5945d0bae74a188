import { PolicyPack } from "@pulumi/policy";
import { adminApiKeyLifetimePolicy, adminApiKeyPolicy } from "./adminApiKeyPolicy";

new PolicyPack("openai-admin-keys", { policies: [adminApiKeyLifetimePolicy(), adminApiKeyPolicy()] });
