import * as assert from "node:assert/strict";
import { groupUsers } from "../../provider/api/organization/groups/users";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { withCheckedEmulator } from "../helpers/checkedEmulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const GROUPS = "/v1/organization/groups";

describe("GroupUser against the emulator", () => {
    const suite = withCheckedEmulator("GroupUser");
    const provider = () => suite.managed();
    const stored = () => suite.emulator().objects("GroupUser");

    it("reports a missing group or user against its property", async () => {
        assert.deepEqual((await provider().check({}, { groupId: "", userId: "user_ada" })).failures, [
            { property: "groupId", reason: "must not be empty" },
        ]);
    });

    it("adds a member by user id, reading the member back after the receipt; the id is <group id>/<user id>", async () => {
        const created = await provider().create({ groupId: "group_research", userId: "user_katherine" });
        assert.equal(created.id, "group_research/user_katherine");
        assert.deepEqual(suite.emulator().requests[1]?.body, { user_id: "user_katherine" });
        assert.deepEqual(suite.emulator().requests[1]?.answer, {
            object: "group.user",
            user_id: "user_katherine",
            group_id: "group_research",
        });
        assert.deepEqual(created.outs, {
            groupId: "group_research",
            userId: "user_katherine",
            name: "Katherine Johnson",
            email: "katherine@example.com",
        });
        assertEngineEncodable(created.outs);
        assert.deepEqual(suite.calls(), [
            `GET ${GROUPS}/group_research 200`,
            `POST ${GROUPS}/group_research/users 200`,
            `GET ${GROUPS}/group_research/users/user_katherine 200`,
        ]);
    });

    it("replaces on a change of group or user", async () => {
        const olds = { groupId: "group_research", userId: "user_alan", name: "Alan Turing", email: "alan@example.com" };
        assert.deepEqual(
            (await provider().diff("group_research/user_alan", olds, { groupId: "group_research", userId: "user_ada" })).replaces,
            ["userId"],
        );
    });

    it("fails to add a person who is not in the organization", async () => {
        const error = await rejectionOf(() => provider().create({ groupId: "group_research", userId: "user_nobody" }));
        assert.match(String(error), /HTTP 404: No user found with id 'user_nobody'/);
    });

    it("removes a member from the group only; one already gone counts as removed", async () => {
        await provider().delete("group_platform/user_grace", { groupId: "group_platform", userId: "user_grace" });
        await provider().delete("group_platform/user_grace", { groupId: "group_platform", userId: "user_grace" });
        assert.equal(stored().has("group_platform/user_grace"), false);
        assert.equal(suite.emulator().objects("OrganizationUser").has("user_grace"), true);
        assert.deepEqual(suite.calls(), [
            `GET ${GROUPS}/group_platform 200`,
            `DELETE ${GROUPS}/group_platform/users/user_grace 200`,
            `GET ${GROUPS}/group_platform 200`,
            `DELETE ${GROUPS}/group_platform/users/user_grace 404`,
        ]);
    });

    it("refuses to change the members of a group provisioned by SCIM before sending, saying why", async () => {
        const add = await rejectionOf(() => provider().create({ groupId: "group_finance", userId: "user_ada" }));
        assert.match(
            String(add),
            /create group user "group_finance\/user_ada" refused before sending: its group "group_finance" is managed by SCIM: its members are set by your identity provider/,
        );
        const remove = await rejectionOf(() =>
            provider().delete("group_finance/user_lin", { groupId: "group_finance", userId: "user_lin" }),
        );
        assert.match(
            String(remove),
            /delete group user "group_finance\/user_lin" refused before sending: its group "group_finance" is managed by SCIM/,
        );
        assert.deepEqual(suite.calls(), [`GET ${GROUPS}/group_finance 200`, `GET ${GROUPS}/group_finance 200`]);
        assert.equal(stored().has("group_finance/user_lin"), true);
    });

    it("refuses bad inputs before sending anything", async () => {
        const error = await rejectionOf(() => provider().create({ groupId: "group_research", userId: "" }));
        assert.match(String(error), /refused before sending: userId must not be empty/);
        assert.deepEqual(suite.emulator().requests, []);
    });

    it("refreshes a member removed outside as gone (empty id); a deleted group takes its members with it", async () => {
        const created = await provider().create({ groupId: "group_research", userId: "user_grace" });
        assert.equal((await provider().read(created.id, created.outs)).id, created.id);
        stored().delete(created.id);
        assert.deepEqual(await provider().read(created.id, created.outs), { id: "" });
        suite.emulator().objects("Group").delete("group_platform");
        await provider().delete("group_platform/user_ada", { groupId: "group_platform", userId: "user_ada" });
        assert.equal(suite.calls().at(-1), `GET ${GROUPS}/group_platform 404`, "nothing left to remove");
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(suite.emulator(), fakeClock());

        it("reads a member and lists a group's members 1,000 a page", async () => {
            const ada = await fetchOne(groupUsers, { groupId: "group_platform", userId: "user_ada" }, deps());
            assert.deepEqual(ada, { id: "user_ada", name: "Ada Lovelace", email: "ada@example.com", groupId: "group_platform" });
            const members = await fetchMany(groupUsers, { groupId: "group_platform" }, deps());
            assert.deepEqual(
                members["users"]?.map((u) => u.id),
                ["user_ada", "user_grace"],
            );
            assert.match(suite.emulator().requests.at(-1)!.path, /limit=1000/);
        });
    });
});
