import * as assert from "node:assert/strict";
import { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { privilegedRolesViaGroupsPolicy, roleDescriptionPolicy } from "../../policy-pack/accessPolicy";

const type = (name: string) => `pulumi-nodejs:dynamic/openai:${name}`;

function resource(name: string, resourceType: string, props: Record<string, unknown>): PolicyResource {
    return { name, type: resourceType, props, urn: `urn:pulumi:dev::app::${resourceType}::${name}` } as unknown as PolicyResource;
}

async function resourceViolations(resourceType: string, props: Record<string, unknown>): Promise<string[]> {
    const reported: string[] = [];
    const args = { type: resourceType, name: "r", props, getConfig: () => ({}) } as unknown as ResourceValidationArgs;
    const validate = roleDescriptionPolicy().validateResource;
    assert.ok(validate, "a resource policy");
    for (const check of Array.isArray(validate) ? validate : [validate]) {
        await check(args, (message) => reported.push(message));
    }
    return reported;
}

async function stackViolations(
    resources: PolicyResource[],
    config: Record<string, unknown> = {},
): Promise<Array<{ message: string; urn?: string }>> {
    const reported: Array<{ message: string; urn?: string }> = [];
    const args = { resources, getConfig: () => config } as unknown as StackValidationArgs;
    await privilegedRolesViaGroupsPolicy().validateStack(args, (message, urn) => reported.push({ message, urn }));
    return reported;
}

describe("the access policies", () => {
    it("refuses a custom role or project role without a description, and passes one with", async () => {
        assert.deepEqual(await resourceViolations(type("Role"), { name: "Auditor", permissions: [] }), [
            'Role "r" has no description; say what the role is for',
        ]);
        assert.deepEqual(
            await resourceViolations(type("ProjectRole"), { projectId: "proj_web", name: "Reviewer", permissions: [], description: " " }),
            ['ProjectRole "r" has no description; say what the role is for'],
        );
        assert.deepEqual(await resourceViolations(type("Role"), { name: "Auditor", permissions: [], description: "Reads usage" }), []);
    });

    it("ignores roles read with get and other resource types", async () => {
        assert.deepEqual(await resourceViolations(type("Role"), { __get: true }), []);
        assert.deepEqual(await resourceViolations(type("Project"), { name: "web" }), []);
    });

    it("names each user assignment of a privileged role or of owner; groups may hold them", async () => {
        const reported = await stackViolations([
            resource("ada", type("UserRoleAssignment"), {
                userId: "user_ada",
                name: "owner",
                predefinedRole: true,
                permissions: ["api.organization.read"],
            }),
            resource("alan", type("ProjectUserRoleAssignment"), {
                projectId: "proj_web",
                userId: "user_alan",
                name: "Ops",
                permissions: ["api.project.admin", "api.project.read"],
            }),
            resource("grace", type("UserRoleAssignment"), {
                userId: "user_grace",
                name: "reader",
                predefinedRole: true,
                permissions: ["api.organization.read"],
            }),
            resource("platform", type("GroupRoleAssignment"), {
                groupId: "group_platform",
                name: "owner",
                predefinedRole: true,
                permissions: ["api.organization.admin"],
            }),
        ]);
        assert.deepEqual(reported, [
            {
                message:
                    'UserRoleAssignment "ada": role "owner" is the owner role and is assigned to user user_ada directly; assign it to a group instead',
                urn: `urn:pulumi:dev::app::${type("UserRoleAssignment")}::ada`,
            },
            {
                message:
                    'ProjectUserRoleAssignment "alan": role "Ops" grants "api.project.admin" and is assigned to user user_alan directly; assign it to a group instead',
                urn: `urn:pulumi:dev::app::${type("ProjectUserRoleAssignment")}::alan`,
            },
        ]);
    });

    it("takes the privileged words from its config", async () => {
        const grace = resource("grace", type("UserRoleAssignment"), {
            userId: "user_grace",
            name: "Writer",
            permissions: ["api.groups.write"],
        });
        assert.deepEqual(await stackViolations([grace]), []);
        assert.equal((await stackViolations([grace], { privilegedWords: ["write"] })).length, 1);
    });
});
