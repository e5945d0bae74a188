import * as assert from "node:assert/strict";
import { OrganizationUser } from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const TYPE = "pulumi-nodejs:dynamic/openai:OrganizationUser";

describe("Managed OrganizationUser on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("takes over people, changes a role in place, refreshes outside changes, releases by default and removes only when asked", async () => {
        let role: "owner" | "reader" = "owner";
        const t = await suite.stackWith(async () => {
            const grace = new OrganizationUser("grace", { email: "grace@example.com", role });
            new OrganizationUser("alan", { userId: "user_alan", role: "reader" });
            new OrganizationUser("katherine", { email: "katherine@example.com", role: "reader", removeOnDelete: true });
            return { graceId: grace.id, graceRole: grace.role };
        }, "env");
        const people = () => suite.emulator().objects("OrganizationUser");

        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(up.outputs["graceId"]?.value, "user_grace");
        assert.equal(people().get("user_grace")?.["role"], "owner", "adopted, then given the role");
        assert.deepEqual(
            suite
                .emulator()
                .requests.filter((r) => r.method !== "GET")
                .map((r) => `${r.method} ${r.path}`),
            ["POST /v1/organization/users/user_grace"],
            "nothing is created: only Grace's role changed",
        );

        role = "reader";
        const demoted = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(demoted.stdout, /~\s+pulumi-nodejs:dynamic\/openai:OrganizationUser grace updated \([\d.]+s\) \[diff: ~role\]/);
        assert.equal(people().get("user_grace")?.["role"], "reader");

        people().set("user_grace", { ...people().get("user_grace")!, role: "owner" });
        people().delete("user_alan");
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        const state = await stateResources(t, TYPE);
        assert.deepEqual(
            state.map((r) => [r.id, r.outputs?.["role"]]).sort(),
            [
                ["user_grace", "owner"],
                ["user_katherine", "reader"],
            ],
            "refresh sees Grace's new role and forgets Alan, removed outside",
        );

        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.equal(people().has("user_grace"), true, "released: Grace stays in the organization");
        assert.equal(people().has("user_katherine"), false, "removeOnDelete: Katherine is removed");
        assert.deepEqual(
            suite
                .emulator()
                .requests.filter((r) => r.method === "DELETE")
                .map((r) => r.path),
            ["/v1/organization/users/user_katherine"],
        );
    });
});
