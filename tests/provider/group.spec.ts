import * as assert from "node:assert/strict";
import { groups } from "../../provider/api/organization/groups";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { withCheckedEmulator } from "../helpers/checkedEmulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const GROUPS = "/v1/organization/groups";

describe("Group against the emulator", () => {
    const suite = withCheckedEmulator("Group");
    const provider = () => suite.managed();
    const stored = () => suite.emulator().objects("Group");

    it("reports an empty or too long name against its property", async () => {
        assert.deepEqual((await provider().check({}, { name: " " })).failures, [{ property: "name", reason: "must not be empty" }]);
        assert.deepEqual((await provider().check({}, { name: "x".repeat(256) })).failures, [
            { property: "name", reason: "must be at most 255 characters" },
        ]);
    });

    it("creates a group and renames it in place", async () => {
        const created = await provider().create({ name: "Support" });
        assert.match(created.id, /^group_/);
        assert.deepEqual(created.outs, {
            name: "Support",
            createdAt: created.outs?.["createdAt"],
            isScimManaged: false,
            groupType: "group",
        });
        assertEngineEncodable(created.outs);
        const renamed = { name: "Escalations" };
        assert.deepEqual(await provider().diff(created.id, created.outs, renamed), {
            changes: true,
            replaces: [],
            deleteBeforeReplace: false,
        });
        const updated = await provider().update(created.id, created.outs, renamed);
        assert.equal(updated.outs?.["name"], "Escalations");
        assert.deepEqual(suite.calls(), [`POST ${GROUPS} 200`, `GET ${GROUPS}/${created.id} 200`, `POST ${GROUPS}/${created.id} 200`]);
        assert.deepEqual(suite.emulator().requests.at(-1)?.body, { name: "Escalations" });
    });

    it("deletes a group; one already gone counts as deleted", async () => {
        await provider().delete("group_research", { name: "Research" });
        await provider().delete("group_research", { name: "Research" });
        assert.equal(stored().has("group_research"), false);
        assert.deepEqual(suite.calls(), [
            `GET ${GROUPS}/group_research 200`,
            `DELETE ${GROUPS}/group_research 200`,
            `GET ${GROUPS}/group_research 404`,
        ]);
    });

    it("refuses to rename or delete a group provisioned by SCIM before sending, saying why", async () => {
        const olds = { name: "Finance", isScimManaged: true };
        const rename = await rejectionOf(() => provider().update("group_finance", olds, { name: "Money" }));
        assert.match(
            String(rename),
            /update group "group_finance" refused before sending: it is managed by SCIM: your identity provider owns it, so change it there/,
        );
        const removal = await rejectionOf(() => provider().delete("group_finance", olds));
        assert.match(String(removal), /delete group "group_finance" refused before sending: it is managed by SCIM/);
        assert.deepEqual(suite.calls(), [`GET ${GROUPS}/group_finance 200`, `GET ${GROUPS}/group_finance 200`]);
        assert.equal(stored().get("group_finance")?.["name"], "Finance");
    });

    it("refreshes a rename made outside; a group deleted outside is gone (empty id)", async () => {
        const created = await provider().create({ name: "Support" });
        stored().set(created.id, { ...stored().get(created.id)!, name: "Helpdesk" });
        assert.equal((await provider().read(created.id, created.outs)).props?.["name"], "Helpdesk");
        stored().delete(created.id);
        assert.deepEqual(await provider().read(created.id, created.outs), { id: "" });
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(suite.emulator(), fakeClock());

        it("finds a group by name or id, and lists them 1,000 a page by `next`", async () => {
            const platform = await fetchOne(groups, { name: "Platform" }, deps());
            assert.equal(platform.id, "group_platform");
            assert.deepEqual(await fetchOne(groups, { groupId: "group_platform" }, deps()), platform);
            const scim = await fetchMany(groups, { isScimManaged: true }, deps());
            assert.deepEqual(
                scim["groups"]?.map((g) => g.id),
                ["group_finance"],
            );
            assert.match(suite.emulator().requests.at(-1)!.path, /limit=1000/);
        });

        it("follows `next` across pages", async () => {
            const seeded = stored().size;
            for (let index = 0; index < 1000; index++) {
                stored().set(`group_bulk${index}`, {
                    id: `group_bulk${index}`,
                    name: `Bulk ${index}`,
                    created_at: 1,
                    is_scim_managed: false,
                    group_type: "group",
                });
            }
            const all = await fetchMany(groups, {}, deps());
            assert.equal(all["groups"]?.length, seeded + 1000);
            // The first page of 1,000 ends with the bulk group that makes it full.
            const pages = suite.emulator().requests.map((r) => new URLSearchParams(r.path.split("?")[1]).get("after"));
            assert.deepEqual(pages, [null, `group_bulk${999 - seeded}`]);
        });
    });
});
