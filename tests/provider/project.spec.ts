import * as assert from "node:assert/strict";
import { AdminApiEmulator } from "../helpers/emulator";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { projects } from "../../provider/api/organization/projects";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource } from "../helpers/providers";
import { providerAgainstEmulator } from "../helpers/providerSuite";

describe("Project", () => {
    const current = providerAgainstEmulator("Project");
    let emulator: AdminApiEmulator;
    let provider: ReturnType<typeof asResource>;
    beforeEach(() => {
        ({ emulator, provider } = current());
    });

    const stored = (id: string) => emulator.objects("Project").get(id);

    it("creates a project, renames it in place, and archives it on delete", async () => {
        const created = await provider.create({ name: "Checkout", externalKeyId: "ekm_1" });
        assert.match(created.id, /^proj_/);
        assert.equal(created.outs?.["name"], "Checkout");
        assert.equal(created.outs?.["status"], "active");
        assert.equal(stored(created.id)?.["external_key_id"], "ekm_1");

        const diff = await provider.diff(created.id, created.outs, { name: "Checkout v2", externalKeyId: "ekm_1" });
        assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
        const updated = await provider.update(created.id, created.outs, { name: "Checkout v2", externalKeyId: "ekm_1" });
        assert.equal(updated.outs?.["name"], "Checkout v2");
        assert.equal(stored(created.id)?.["name"], "Checkout v2");

        await provider.delete(created.id, updated.outs);
        assert.equal(stored(created.id)?.["status"], "archived", "the API cannot delete a project: it is archived");
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.path}`),
            [
                "POST /v1/organization/projects",
                `POST /v1/organization/projects/${created.id}`,
                `POST /v1/organization/projects/${created.id}/archive`,
            ],
        );
    });

    it("replaces the project when its residency changes, new before old", async () => {
        const olds = { name: "EU", residency: "GLOBAL", status: "active" };
        assert.deepEqual(await provider.diff("proj_1", olds, { name: "EU", residency: "EU_STORAGE_PROCESSING" }), {
            changes: true,
            replaces: ["residency"],
            deleteBeforeReplace: false,
        });
        assert.deepEqual(await provider.diff("proj_1", olds, { name: "EU" }), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("counts a project archived outside Pulumi as gone on refresh, and picks up a rename", async () => {
        const created = await provider.create({ name: "Batch" });
        stored(created.id)!["name"] = "Batch (renamed by hand)";
        const read = await provider.read(created.id, created.outs);
        assert.equal(read.props?.["name"], "Batch (renamed by hand)");
        stored(created.id)!["status"] = "archived";
        assert.deepEqual(await provider.read(created.id, created.outs), { id: "" });
    });

    it("adopts an existing project by name and by id, applying its inputs", async () => {
        const byName = await provider.create({ name: "Web storefront", externalKeyId: "ekm_web", adopt: { byName: true } });
        assert.equal(byName.id, "proj_web");
        assert.equal(stored("proj_web")?.["external_key_id"], "ekm_web");
        const byId = await provider.create({ name: "Research lab", adopt: { id: "proj_research" } });
        assert.equal(byId.id, "proj_research");
        assert.equal(stored("proj_research")?.["name"], "Research lab");
        assert.equal(
            emulator.requests.filter((r) => r.method === "POST" && r.path === "/v1/organization/projects").length,
            0,
            "nothing was created",
        );
    });

    it("shows no change after adopting and refreshing when nothing changed", async () => {
        const inputs = { name: "Web storefront", adopt: { byName: true } };
        const adopted = await provider.create(inputs);
        const read = await provider.read(adopted.id, adopted.outs);
        assert.deepEqual(read.props, adopted.outs);
        assert.deepEqual(await provider.diff(adopted.id, read.props, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("refuses to adopt a project whose residency differs, before changing anything", async () => {
        const error = await rejectionOf(() => provider.create({ name: "Research", residency: "GLOBAL", adopt: { byName: true } }));
        assert.match(
            error.message,
            /^adopt project refused before sending: residency differs from the existing project "proj_research" and cannot be changed in place/,
        );
        assert.equal(emulator.requests.filter((r) => r.method === "POST").length, 0);
    });

    it("refuses bad inputs against their property before anything is sent", async () => {
        const cases: Array<[Record<string, unknown>, string, string]> = [
            [{ name: " " }, "name", "must not be empty"],
            [{ name: "x", residency: "MARS" }, "residency", "must be one of GLOBAL"],
            [{ name: "x", colour: "red" }, "colour", "is not a known argument"],
            [{ name: "x", adopt: { byName: false } }, "adopt", 'must be { id: "<existing id>" } or { byName: true }'],
            [{ name: "x", rotateAfterDays: 30 }, "rotateAfterDays", "does not apply"],
        ];
        for (const [inputs, property, reason] of cases) {
            const { failures } = await provider.check({}, inputs);
            assert.equal(failures?.[0]?.property, property, JSON.stringify(inputs));
            assert.ok(String(failures?.[0]?.reason).startsWith(reason), `${String(failures?.[0]?.reason)} for ${JSON.stringify(inputs)}`);
        }
        assert.equal(emulator.requests.length, 0);
    });

    describe("getProject and getProjects", () => {
        const deps = () => emulatorDependencies(emulator, fakeClock());

        it("finds a project by id and by name, archived ones included, and checks expectations", async () => {
            assert.equal((await fetchOne(projects, { projectId: "proj_web" }, deps())).name, "Web storefront");
            assert.equal((await fetchOne(projects, { name: "Legacy batch jobs" }, deps())).id, "proj_legacy");
            const error = await rejectionOf(() => fetchOne(projects, { projectId: "proj_legacy", expect: { status: "active" } }, deps()));
            assert.equal(error.message, 'project "proj_legacy" fails 1 expectation: status: status is "archived", expected "active"');
        });

        it("lists active projects by default and archived ones on request", async () => {
            const active = await fetchMany(projects, {}, deps());
            assert.deepEqual(
                active["projects"]?.map((p) => p.id),
                ["proj_default", "proj_web", "proj_research"],
            );
            const all = await fetchMany(projects, { includeArchived: true, status: "archived" }, deps());
            assert.deepEqual(
                all["projects"]?.map((p) => p.id),
                ["proj_legacy"],
            );
            assert.match(emulator.requests.at(-1)!.path, /include_archived=true/);
        });

        it("refuses a misspelt filter before sending", async () => {
            const error = await rejectionOf(() => fetchMany(projects, { includeArchive: true }, deps()));
            assert.match(error.message, /^list projects refused before sending: includeArchive is not a known field/);
            assert.equal(emulator.requests.length, 0);
        });
    });
});
