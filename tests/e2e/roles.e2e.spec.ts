import * as assert from "node:assert/strict";
import {
    getProjectUsers,
    GroupRoleAssignment,
    ProjectGroupRoleAssignment,
    ProjectRole,
    ProjectUserRoleAssignment,
    Role,
    UserRoleAssignment,
} from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const type = (name: string) => `pulumi-nodejs:dynamic/openai:${name}`;

describe("Roles and role assignments on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("creates roles and all four assignments, updates roles in place and replaces assignments, refreshes outside changes, destroys", async () => {
        let second = false;
        const t = await suite.stackWith(async () => {
            const auditor = new Role("auditor", {
                name: second ? "Usage Auditor" : "Auditor",
                permissions: ["api.usage.read"],
                description: "Reads usage",
            });
            const reviewer = new ProjectRole("reviewer", {
                projectId: "proj_web",
                name: "Reviewer",
                permissions: second ? ["api.project.read", "api.deployments.read"] : ["api.project.read"],
            });
            const alan = new UserRoleAssignment("alan", { userId: "user_alan", roleId: second ? "role_reader" : auditor.id });
            const data = new GroupRoleAssignment("data", { groupId: "group_data", roleId: auditor.id });
            const person = new ProjectUserRoleAssignment("person", {
                projectId: "proj_web",
                userId: second ? "user_katherine" : "user_grace",
                roleId: reviewer.roleId,
            });
            const platform = new ProjectGroupRoleAssignment("platform", {
                projectId: "proj_web",
                groupId: "group_platform",
                roleId: reviewer.roleId,
            });
            return { role: auditor.id, ids: [alan.id, data.id, person.id, platform.id] };
        }, "env");
        const objects = (name: string) => suite.emulator().objects(name);

        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const roleId = String(up.outputs["role"]?.value);
        const reviewerId = [...objects("ProjectRole").keys()].find((key) => objects("ProjectRole").get(key)?.["name"] === "Reviewer")!;
        const reviewerRoleId = reviewerId.split("/")[1]!;
        assert.deepEqual(up.outputs["ids"]?.value, [
            `user_alan/${roleId}`,
            `group_data/${roleId}`,
            `proj_web/user_grace/${reviewerRoleId}`,
            `proj_web/group_platform/${reviewerRoleId}`,
        ]);

        second = true;
        const changed = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(changed.stdout, /~\s+pulumi-nodejs:dynamic\/openai:Role auditor updated \([\d.]+s\) \[diff: ~name\]/);
        assert.match(changed.stdout, /~\s+pulumi-nodejs:dynamic\/openai:ProjectRole reviewer updated \([\d.]+s\) \[diff: ~permissions\]/);
        assert.match(changed.stdout, /\+-\s+pulumi-nodejs:dynamic\/openai:UserRoleAssignment alan replaced \([\d.]+s\) \[diff: ~roleId\]/);
        assert.match(
            changed.stdout,
            /\+-\s+pulumi-nodejs:dynamic\/openai:ProjectUserRoleAssignment person replaced \([\d.]+s\) \[diff: ~userId\]/,
        );
        assert.equal(objects("Role").get(roleId)?.["name"], "Usage Auditor");
        assert.deepEqual(objects("ProjectRole").get(reviewerId)?.["permissions"], ["api.project.read", "api.deployments.read"]);
        assert.ok(objects("UserRoleAssignment").has("user_alan/role_reader"));
        assert.ok(!objects("UserRoleAssignment").has(`user_alan/${roleId}`), "the old assignment was removed");
        assert.ok(objects("ProjectUserRoleAssignment").has(`proj_web/user_katherine/${reviewerRoleId}`));
        assert.ok(!objects("ProjectUserRoleAssignment").has(`proj_web/user_grace/${reviewerRoleId}`));

        objects("Role").set(roleId, { ...objects("Role").get(roleId)!, description: "Changed outside" });
        objects("GroupRoleAssignment").delete(`group_data/${roleId}`);
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        assert.deepEqual(await stateResources(t, type("GroupRoleAssignment")), [], "refresh forgets the assignment removed outside");
        const [auditor] = await stateResources(t, type("Role"));
        assert.equal(auditor?.outputs?.["description"], "Changed outside");

        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(objects("Role").has(roleId), false);
        assert.equal(objects("ProjectRole").has(reviewerId), false);
        assert.equal(objects("UserRoleAssignment").has("user_alan/role_reader"), false);
        assert.equal(objects("ProjectGroupRoleAssignment").has(`proj_web/group_platform/${reviewerRoleId}`), false);
        assert.equal(objects("UserRoleAssignment").has("user_ada/role_owner"), true, "assignments outside the stack stay");
    });

    it("stops preview and up when an access gate fails, naming each offender, before anything is created", async () => {
        const t = await suite.stackWith(async () => {
            // Access to the web project must come through groups only.
            await getProjectUsers({ projectId: "proj_web", expect: { none: true } });
            const role = new Role("auditor", { name: "Auditor", permissions: ["api.usage.read"], description: "Reads usage" });
            return { role: role.id };
        }, "env");
        for (const operation of ["preview", "up"] as const) {
            const error = await t
                .run<{ stdout: string; stderr: string }>((onOutput) =>
                    operation === "preview" ? t.stack.preview({ onOutput }) : t.stack.up({ onOutput }),
                )
                .then(
                    () => assert.fail(`${operation} should fail`),
                    (e: unknown) => String(e),
                );
            assert.match(
                error,
                new RegExp(
                    '3 of the project users of proj_web fail their expectations: "ada@example.com" \\(none: is a direct member of the project \\(role "owner"\\), expected none\\), ' +
                        '"grace@example.com" \\(none: is a direct member of the project \\(role "member"\\), expected none\\), "alan@example.com" \\(',
                ),
                operation,
            );
        }
        assert.deepEqual(await stateResources(t, type("Role")), []);
        assert.equal(
            suite.emulator().requests.some((r) => r.method === "POST"),
            false,
            "nothing was created",
        );
    });
});
