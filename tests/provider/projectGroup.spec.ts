import * as assert from "node:assert/strict";
import { projectGroups } from "../../provider/api/organization/projects/groups";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { withCheckedEmulator } from "../helpers/checkedEmulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const WEB_GROUPS = "/v1/organization/projects/proj_web/groups";

describe("ProjectGroup against the emulator", () => {
    const suite = withCheckedEmulator("ProjectGroup");
    const provider = () => suite.managed();
    const stored = () => suite.emulator().objects("ProjectGroup");

    it("reports a missing role against its property", async () => {
        assert.deepEqual((await provider().check({}, { projectId: "proj_web", groupId: "group_research" })).failures, [
            { property: "role", reason: "must be a string" },
        ]);
    });

    it("gives a group access with a role; the id is <project id>/<group id> and the role is kept as given", async () => {
        const created = await provider().create({ projectId: "proj_web", groupId: "group_research", role: "role_reader" });
        assert.equal(created.id, "proj_web/group_research");
        assert.deepEqual(suite.emulator().requests[0]?.body, { group_id: "group_research", role: "role_reader" });
        assert.deepEqual(created.outs, {
            projectId: "proj_web",
            groupId: "group_research",
            groupName: "Research",
            groupType: "group",
            createdAt: created.outs?.["createdAt"],
            role: "role_reader",
        });
        assertEngineEncodable(created.outs);
        assert.deepEqual(suite.calls(), [`POST ${WEB_GROUPS} 200`]);
        const refreshed = await provider().read(created.id, created.outs);
        assert.equal(refreshed.props?.["role"], "role_reader", "the API never returns the role: refresh keeps it");
    });

    it("replaces on any change, the role included, removing the old access first (the API refuses a second)", async () => {
        const created = await provider().create({ projectId: "proj_web", groupId: "group_research", role: "role_reader" });
        const news = { projectId: "proj_web", groupId: "group_research", role: "role_owner" };
        assert.deepEqual(await provider().diff(created.id, created.outs, news), {
            changes: true,
            replaces: ["role"],
            deleteBeforeReplace: true,
        });
    });

    it("fails for a group that does not exist, and for a group that already has access", async () => {
        const missing = await rejectionOf(() => provider().create({ projectId: "proj_web", groupId: "group_nope", role: "role_reader" }));
        assert.match(String(missing), /HTTP 404: No group found with id 'group_nope'/);
        const twice = await rejectionOf(() => provider().create({ projectId: "proj_web", groupId: "group_platform", role: "role_reader" }));
        assert.match(String(twice), /HTTP 400: Group 'group_platform' already has access to project 'proj_web'/);
    });

    it("revokes the access; one already gone counts as revoked; the group stays", async () => {
        await provider().delete("proj_web/group_platform", { projectId: "proj_web", groupId: "group_platform", role: "role_reader" });
        await provider().delete("proj_web/group_platform", { projectId: "proj_web", groupId: "group_platform", role: "role_reader" });
        assert.deepEqual(suite.calls(), [`DELETE ${WEB_GROUPS}/group_platform 200`, `DELETE ${WEB_GROUPS}/group_platform 404`]);
        assert.equal(stored().has("proj_web/group_platform"), false);
        assert.equal(suite.emulator().objects("Group").has("group_platform"), true);
    });

    it("refreshes a rename of the group made outside; access revoked outside is gone (empty id)", async () => {
        const created = await provider().create({ projectId: "proj_research", groupId: "group_platform", role: "role_reader" });
        stored().set(created.id, { ...stored().get(created.id)!, group_name: "Platform team" });
        assert.equal((await provider().read(created.id, created.outs)).props?.["groupName"], "Platform team");
        stored().delete(created.id);
        assert.deepEqual(await provider().read(created.id, created.outs), { id: "" });
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(suite.emulator(), fakeClock());

        it("reads a project's group and lists them 100 a page by `next`", async () => {
            const platform = await fetchOne(projectGroups, { projectId: "proj_web", groupId: "group_platform" }, deps());
            assert.deepEqual(platform, {
                id: "group_platform",
                groupName: "Platform",
                groupType: "group",
                createdAt: platform.createdAt,
                projectId: "proj_web",
            });
            for (let index = 0; index < 100; index++) {
                const groupId = `group_bulk${index}`;
                stored().set(`proj_web/${groupId}`, {
                    object: "project.group",
                    project_id: "proj_web",
                    group_id: groupId,
                    group_name: `Bulk ${index}`,
                    group_type: "group",
                    created_at: 1,
                });
            }
            const all = await fetchMany(projectGroups, { projectId: "proj_web" }, deps());
            assert.equal(all["groups"]?.length, 101);
            const lists = suite.emulator().requests.filter((r) => r.path.startsWith(`${WEB_GROUPS}?`));
            assert.deepEqual(
                lists.map((r) => new URLSearchParams(r.path.split("?")[1]).get("after")),
                [null, "group_bulk98"],
            );
            assert.match(lists[0]!.path, /limit=100(&|$)/);
        });
    });
});
