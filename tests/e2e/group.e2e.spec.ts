import * as assert from "node:assert/strict";
import { Group, GroupUser, ProjectGroup } from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const token = (type: string) => `pulumi-nodejs:dynamic/openai:${type}`;

describe("Managed Group, GroupUser and ProjectGroup on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();
    const objects = (type: string) => suite.emulator().objects(type);
    const deletes = () =>
        suite
            .emulator()
            .requests.filter((r) => r.method === "DELETE")
            .map((r) => r.path);

    it("Group: creates, renames in place, refreshes a rename and a deletion made outside, deletes", async () => {
        let name = "Support";
        const t = await suite.stackWith(async () => {
            const support = new Group("support", { name });
            new Group("sales", { name: "Sales" });
            return { id: support.id };
        }, "env");
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const id = String(up.outputs["id"]?.value);
        name = "Escalations";
        const renamed = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(renamed.stdout, /~\s+pulumi-nodejs:dynamic\/openai:Group support updated \([\d.]+s\) \[diff: ~name\]/);
        assert.equal(objects("Group").get(id)?.["name"], "Escalations");

        objects("Group").set(id, { ...objects("Group").get(id)!, name: "Helpdesk" });
        const salesId = [...objects("Group").entries()].find(([, group]) => group["name"] === "Sales")![0];
        objects("Group").delete(salesId);
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        assert.deepEqual(
            (await stateResources(t, token("Group"))).map((r) => [r.id, r.outputs?.["name"]]),
            [[id, "Helpdesk"]],
        );
        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(objects("Group").has(id), false);
        assert.deepEqual(deletes(), [`/v1/organization/groups/${id}`]);
    });

    it("GroupUser and ProjectGroup: add, replace, refresh outside changes and removals, remove", async () => {
        let member = "user_katherine";
        let role = "role_reader";
        const t = await suite.stackWith(async () => {
            const membership = new GroupUser("member", { groupId: "group_research", userId: member });
            const access = new ProjectGroup("access", { projectId: "proj_web", groupId: "group_research", role });
            new GroupUser("ada", { groupId: "group_research", userId: "user_ada" });
            return { membership: membership.id, email: membership.email, access: access.id };
        }, "env");
        const first = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(first.outputs["membership"]?.value, "group_research/user_katherine");
        assert.equal(first.outputs["email"]?.value, "katherine@example.com", "the receipt is read back as the member");
        assert.equal(first.outputs["access"]?.value, "proj_web/group_research");

        member = "user_grace";
        role = "role_owner";
        const replaced = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(replaced.stdout, /\+-\s+pulumi-nodejs:dynamic\/openai:GroupUser member replaced \([\d.]+s\) \[diff: ~userId\]/);
        assert.match(replaced.stdout, /\+-\s+pulumi-nodejs:dynamic\/openai:ProjectGroup access replaced \([\d.]+s\) \[diff: ~role\]/);
        assert.equal(objects("GroupUser").has("group_research/user_katherine"), false);
        assert.equal(objects("GroupUser").has("group_research/user_grace"), true);

        objects("GroupUser").set("group_research/user_grace", {
            ...objects("GroupUser").get("group_research/user_grace")!,
            name: "Rear Admiral Hopper",
        });
        objects("ProjectGroup").set("proj_web/group_research", {
            ...objects("ProjectGroup").get("proj_web/group_research")!,
            group_name: "Research team",
        });
        objects("GroupUser").delete("group_research/user_ada");
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        assert.deepEqual(
            (await stateResources(t, token("GroupUser"))).map((r) => [r.id, r.outputs?.["name"]]),
            [["group_research/user_grace", "Rear Admiral Hopper"]],
        );
        assert.deepEqual(
            (await stateResources(t, token("ProjectGroup"))).map((r) => [r.outputs?.["groupName"], r.outputs?.["role"]]),
            [["Research team", "role_owner"]],
        );

        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(objects("GroupUser").has("group_research/user_grace"), false);
        assert.equal(objects("ProjectGroup").has("proj_web/group_research"), false);
        assert.deepEqual(deletes().sort(), [
            "/v1/organization/groups/group_research/users/user_grace",
            "/v1/organization/groups/group_research/users/user_katherine",
            "/v1/organization/projects/proj_web/groups/group_research",
            "/v1/organization/projects/proj_web/groups/group_research",
        ]);
    });
});
