import * as assert from "node:assert/strict";
import { ProjectUser } from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const TYPE = "pulumi-nodejs:dynamic/openai:ProjectUser";

describe("Managed ProjectUser on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("adds a member by email, changes the role in place, refreshes a removal outside, removes the member", async () => {
        let role: "member" | "owner" = "member";
        const t = await suite.stackWith(async () => {
            const katherine = new ProjectUser("katherine", { projectId: "proj_web", email: "katherine@example.com", role });
            return { id: katherine.id, userId: katherine.userId };
        }, "env");
        const members = () => suite.emulator().objects("ProjectUser");

        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(up.outputs["id"]?.value, "proj_web/user_katherine");
        assert.equal(up.outputs["userId"]?.value, "user_katherine");

        role = "owner";
        const promoted = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(promoted.stdout, /~\s+pulumi-nodejs:dynamic\/openai:ProjectUser katherine updated \([\d.]+s\) \[diff: ~role\]/);
        assert.equal(members().get("proj_web/user_katherine")?.["role"], "owner");

        members().delete("proj_web/user_katherine");
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        assert.deepEqual(await stateResources(t, TYPE), [], "refresh forgets the member removed outside");

        await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(
            members().get("proj_web/user_katherine")?.["role"],
            "owner",
            `the next up adds them back; requests: ${suite
                .emulator()
                .requests.map((r) => `${r.method} ${r.path} ${r.status}`)
                .join(", ")}; printed: ${t.printed.slice(-2).join("\n")}`,
        );
        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(members().has("proj_web/user_katherine"), false);
        assert.deepEqual(
            suite
                .emulator()
                .requests.filter((r) => r.method === "DELETE")
                .map((r) => r.path),
            ["/v1/organization/projects/proj_web/users/user_katherine"],
        );
    });
});
