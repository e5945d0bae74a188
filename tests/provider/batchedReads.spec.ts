import * as assert from "node:assert/strict";
import { BatchRegistry, readBatched } from "../../provider/api/batchedReads";
import { AnyDeclaration } from "../../provider/api/declaration";
import { declarations } from "../../provider/api/index";
import { projectUsers } from "../../provider/api/organization/projects/users";
import { ClientFactory, Ids, idsOf, retrieveObject } from "../../provider/api/operations";
import { clientFactory } from "../../provider/pulumi/programClient";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { cloneWithId } from "../helpers/seedClones";

/** The requests an emulator received, as `METHOD path` without the query. */
const callsOf = (emulator: AdminApiEmulator) => emulator.requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")}`);

/** Adds clones of the type's first seed below the same parent until it holds `count` siblings; returns their resource ids. */
function fillCollection(emulator: AdminApiEmulator, declaration: AnyDeclaration, count: number): string[] {
    const store = emulator.objects(declaration.type);
    const [seedId, seed] = [...store.entries()][0]!;
    const prefix = seedId.slice(0, seedId.lastIndexOf("/") + 1);
    const siblings = () => [...store.keys()].filter((id) => id.startsWith(prefix) && !id.slice(prefix.length).includes("/"));
    for (let index = 0; siblings().length < count; index += 1) {
        const id = `${seedId.slice(prefix.length)}x${index}`;
        store.set(`${prefix}${id}`, cloneWithId(declaration, seed, id));
    }
    return siblings();
}

describe("Batched reads (readBatched)", () => {
    let emulator: AdminApiEmulator;
    let registry: BatchRegistry;
    let connect: ClientFactory;
    const SCOPE = "account A";

    beforeEach(async () => {
        emulator = await startEmulator();
        // A registry of its own, so that no batch is shared with another test.
        registry = new Map();
        connect = clientFactory(emulatorDependencies(emulator, fakeClock()));
    });
    afterEach(() => emulator.close());

    const read = (declaration: AnyDeclaration, ids: Ids, scope = SCOPE, via = connect) =>
        readBatched(via, declaration, ids, scope, registry);

    for (const declaration of Object.values(declarations).filter((d) => d.list !== undefined)) {
        it(`serves 40 concurrent reads of ${declaration.plural} with one list, as single reads would`, async () => {
            const resourceIds = fillCollection(emulator, declaration, 60).slice(0, 40);
            const batched = await Promise.all(resourceIds.map((id) => read(declaration, idsOf(declaration, id))));
            assert.equal(emulator.requests.length, 1, callsOf(emulator).join("\n"));
            const [list] = emulator.requests;
            assert.equal(list?.method, "GET");
            assert.match(list?.path ?? "", new RegExp(`[?&]limit=${declaration.list!.paging.pageSize}(&|$)`));

            const single: unknown[] = [];
            for (const id of resourceIds) {
                single.push(await retrieveObject(connect, declaration, idsOf(declaration, id)));
            }
            assert.deepEqual(batched, single);
        });
    }

    it("sends one GET for a lone read", async () => {
        const user = await read(projectUsers, { projectId: "proj_web", userId: "user_ada" });
        assert.equal(user.id, "user_ada");
        assert.deepEqual(callsOf(emulator), ["GET /v1/organization/projects/proj_web/users/user_ada"]);
    });

    it("sends one GET for reads of one id made together", async () => {
        const users = await Promise.all([1, 2, 3].map(() => read(projectUsers, { projectId: "proj_web", userId: "user_ada" })));
        assert.deepEqual(
            users.map((u) => u.id),
            ["user_ada", "user_ada", "user_ada"],
        );
        assert.deepEqual(callsOf(emulator), ["GET /v1/organization/projects/proj_web/users/user_ada"]);
    });

    it("retrieves an id the list lacks on its own, and it fails as a single read would", async () => {
        const reads = ["user_ada", "user_nobody", "user_grace"].map((userId) =>
            read(projectUsers, { projectId: "proj_web", userId }).then(
                (user) => user.id,
                (error: Error) => error,
            ),
        );
        const [ada, nobody, grace] = await Promise.all(reads);
        assert.equal(ada, "user_ada");
        assert.equal(grace, "user_grace");
        assert.ok(nobody instanceof Error);
        assert.equal(nobody.name, "NotFoundError");
        const alone = await rejectionOf(() => retrieveObject(connect, projectUsers, { projectId: "proj_web", userId: "user_nobody" }));
        assert.equal(nobody.message.replace(/req_\w+/, "req"), alone.message.replace(/req_\w+/, "req"));
        assert.deepEqual(callsOf(emulator).slice(0, 2), [
            "GET /v1/organization/projects/proj_web/users",
            "GET /v1/organization/projects/proj_web/users/user_nobody",
        ]);
    });

    it("batches per parent: one list per project", async () => {
        const users = await Promise.all(
            ["proj_web", "proj_default"].flatMap((projectId) =>
                ["user_ada", "user_grace", "user_alan"].map((userId) => read(projectUsers, { projectId, userId })),
            ),
        );
        assert.deepEqual(
            users.map((u) => `${String(u["projectId"])}/${u.id}`),
            [
                "proj_web/user_ada",
                "proj_web/user_grace",
                "proj_web/user_alan",
                "proj_default/user_ada",
                "proj_default/user_grace",
                "proj_default/user_alan",
            ],
        );
        assert.deepEqual(callsOf(emulator).sort(), [
            "GET /v1/organization/projects/proj_default/users",
            "GET /v1/organization/projects/proj_web/users",
        ]);
    });

    it("never shares a batch between accounts", async () => {
        const other = await startEmulator();
        try {
            const renamed = other.objects("ProjectUser").get("proj_web/user_ada")!;
            other.objects("ProjectUser").set("proj_web/user_ada", { ...renamed, name: "Ada in account B" });
            const otherConnect = clientFactory(emulatorDependencies(other, fakeClock()));
            const ids = ["user_ada", "user_grace"].map((userId) => ({ projectId: "proj_web", userId }));
            const [a, b] = await Promise.all([
                Promise.all(ids.map((i) => read(projectUsers, i, SCOPE))),
                Promise.all(ids.map((i) => read(projectUsers, i, "account B", otherConnect))),
            ]);
            assert.notEqual(a[0]?.["name"], "Ada in account B");
            assert.equal(b[0]?.["name"], "Ada in account B");
            assert.deepEqual(callsOf(emulator), ["GET /v1/organization/projects/proj_web/users"]);
            assert.deepEqual(callsOf(other), ["GET /v1/organization/projects/proj_web/users"]);
        } finally {
            await other.close();
        }
    });

    it("falls back to single reads when the list fails", async () => {
        emulator.injectFaults({ kind: "status", status: 403, message: "You may not list the users of this project." });
        const userIds = ["user_ada", "user_grace", "user_alan"];
        const users = await Promise.all(userIds.map((userId) => read(projectUsers, { projectId: "proj_web", userId })));
        assert.deepEqual(
            users.map((u) => u.id),
            userIds,
        );
        const [list, ...singles] = callsOf(emulator);
        assert.equal(list, "GET /v1/organization/projects/proj_web/users");
        assert.deepEqual(singles.sort(), userIds.map((id) => `GET /v1/organization/projects/proj_web/users/${id}`).sort());
    });

    it("refuses a bad id before it joins a batch, so the other read stays a lone GET", async () => {
        const [good, bad] = await Promise.all([
            read(projectUsers, { projectId: "proj_web", userId: "user_ada" }),
            read(projectUsers, { projectId: "proj_web", userId: "a/b" }).catch((error: Error) => error),
        ]);
        assert.equal(good.id, "user_ada");
        assert.ok(bad instanceof Error);
        assert.equal(bad.name, "InvalidInputError");
        assert.match(bad.message, /userId/);
        assert.deepEqual(callsOf(emulator), ["GET /v1/organization/projects/proj_web/users/user_ada"]);
    });
});
