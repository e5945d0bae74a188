import * as assert from "node:assert/strict";
import { Invite } from "../../provider";
import { stateResources, withEmulatorStacks } from "./harness";

const TYPE = "pulumi-nodejs:dynamic/openai:Invite";

describe("Managed Invite on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("sends invites, replaces one on a change, refreshes outside changes, and releases an accepted invite with a warning", async () => {
        let role: "reader" | "owner" = "reader";
        const t = await suite.stackWith(async () => {
            const mary = new Invite("mary", { email: "mary@example.com", role, projects: [{ id: "proj_web", role: "member" }] });
            new Invite("joan", { email: "joan@example.com", role: "reader", projects: [] });
            return { maryId: mary.id };
        }, "env");
        const invites = () => suite.emulator().objects("Invite");

        const first = await t.run((onOutput) => t.stack.up({ onOutput }));
        const firstId = String(first.outputs["maryId"]?.value);
        assert.equal(invites().get(firstId)?.["status"], "pending");

        role = "owner";
        const replaced = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.match(replaced.stdout, /\+-\s+pulumi-nodejs:dynamic\/openai:Invite mary replaced \([\d.]+s\) \[diff: ~role\]/);
        const maryId = String(replaced.outputs["maryId"]?.value);
        assert.notEqual(maryId, firstId);
        assert.equal(invites().has(firstId), false, "the pending invite it replaced is deleted");
        assert.equal(invites().get(maryId)?.["role"], "owner");

        invites().set(maryId, { ...invites().get(maryId)!, status: "accepted", accepted_at: 1_700_000_000 });
        const joanId = [...invites().entries()].find(([, invite]) => invite["email"] === "joan@example.com")![0];
        invites().delete(joanId);
        await t.run((onOutput) => t.stack.refresh({ onOutput }));
        const state = await stateResources(t, TYPE);
        assert.deepEqual(
            state.map((r) => [r.id, r.outputs?.["status"]]),
            [[maryId, "accepted"]],
            "refresh sees the acceptance and forgets the invite deleted outside",
        );

        const destroyed = await t.run((onOutput) => t.stack.destroy({ onOutput }));
        assert.match(
            destroyed.stdout + destroyed.stderr,
            new RegExp(
                `warning: invite "${maryId}" released, not deleted: mary@example.com accepted it, and the API cannot delete an accepted invite`,
            ),
        );
        assert.equal(invites().has(maryId), true);
        assert.deepEqual(await stateResources(t, TYPE), []);
        assert.deepEqual(
            suite
                .emulator()
                .requests.filter((r) => r.method === "DELETE")
                .map((r) => r.path),
            [`/v1/organization/invites/${firstId}`],
            "the only delete is the replaced pending invite's",
        );
    });
});
