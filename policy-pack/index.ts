import { PolicyPack } from "@pulumi/policy";
import { adminApiKeyLifetimePolicy, adminApiKeyPolicy } from "./adminApiKeyPolicy";
import { privilegedRolesViaGroupsPolicy, roleDescriptionPolicy } from "./accessPolicy";

new PolicyPack("openai-admin-keys", {
    policies: [adminApiKeyLifetimePolicy(), adminApiKeyPolicy(), roleDescriptionPolicy(), privilegedRolesViaGroupsPolicy()],
});
