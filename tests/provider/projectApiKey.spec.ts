import * as assert from "node:assert/strict";
import { ExpectationError } from "../../provider/api/expectations";
import { projectApiKeys } from "../../provider/api/organization/projects/apiKeys";
import { AdminApiEmulator } from "../helpers/emulator";
import { ProjectApiKey } from "../../provider";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource } from "../helpers/providers";
import { providerAgainstEmulator } from "../helpers/providerSuite";

describe("ProjectApiKey", () => {
    const current = providerAgainstEmulator("ProjectApiKey");
    let emulator: AdminApiEmulator;
    let provider: ReturnType<typeof asResource>;
    beforeEach(() => {
        ({ emulator, reader: provider } = current());
    });

    const deps = () => emulatorDependencies(emulator, fakeClock());

    it("maps every seeded wire object to the outputs it declares", () => {
        const seeded = [...emulator.objects("ProjectApiKey").values()];
        assert.ok(seeded.length >= 4);
        for (const wire of seeded) {
            const parsed = projectApiKeys.wire().parse(wire);
            assert.deepEqual(projectApiKeys.outputs().parse(projectApiKeys.toPublic(parsed)), projectApiKeys.toPublic(parsed));
        }
    });

    describe("ProjectApiKey.get", () => {
        it("reads a key with its owner flattened, whether a user or a service account owns it", async () => {
            const account = await provider.read("proj_web/key_web_checkout", {});
            assert.equal(account.id, "proj_web/key_web_checkout");
            assert.deepEqual(account.props?.["owner"], {
                type: "service_account",
                id: "svc_acct_checkout",
                name: "checkout",
                email: null,
                role: "member",
            });
            assert.equal(account.props?.["projectId"], "proj_web");
            assert.equal(account.props?.["keyId"], "key_web_checkout");
            const user = await provider.read("proj_web/key_web_alice", {});
            assert.deepEqual(user.props?.["owner"], {
                type: "user",
                id: "user_alice",
                name: "Alice",
                email: "alice@example.com",
                role: "owner",
            });
            assert.deepEqual(
                emulator.requests.map((r) => `${r.method} ${r.path}`),
                [
                    "GET /v1/organization/projects/proj_web/api_keys/key_web_checkout",
                    // A second lone read of another key of the project lists them (see readBatched).
                    "GET /v1/organization/projects/proj_web/api_keys?limit=100&owner_project_access=any",
                ],
            );
        });

        it("refuses a user-owned key where a service account's is expected, naming the key and the owner type", async () => {
            const error = await rejectionOf(() => provider.read("proj_web/key_web_alice", { expect: { ownerType: "service_account" } }));
            assert.equal(error.name, "ExpectationError");
            assert.equal(
                error.message,
                'project API key "proj_web/key_web_alice" fails 1 expectation: ownerType: owner type is "user", expected "service_account"',
            );
        });

        it("tells an idle key from one in use, and reports every failure of a key at once", async () => {
            // Last used 120 days ago: idle for 90 days, not used within 30.
            await provider.read("proj_web/key_web_idle", { expect: { unusedForDays: 90 } });
            const idle = await rejectionOf(() => provider.read("proj_web/key_web_idle", { expect: { usedWithinDays: 30 } }));
            assert.match(idle.message, /usedWithinDays: last used 120\.0 days ago \(.* UTC\), expected use within the last 30 days$/);
            // Last used 2 days ago: in use, so not idle.
            const busy = await rejectionOf(() =>
                provider.read("proj_web/key_web_alice", { expect: { unusedForDays: 30, ownerEmail: "ops@example.com" } }),
            );
            assert.match(
                busy.message,
                /fails 2 expectations: ownerEmail: owner email is "alice@example.com", expected "ops@example.com"; unusedForDays: last used 2\.0 days ago/,
            );
        });

        it("refuses a key whose owner has lost access to the project, and a service account for an email", async () => {
            const gone = await rejectionOf(() => provider.read("proj_web/key_web_bob", { expect: { ownerProjectAccess: "active" } }));
            assert.match(gone.message, /ownerProjectAccess: owner project access is "inactive", expected "active"$/);
            const noEmail = await rejectionOf(() =>
                provider.read("proj_web/key_web_checkout", { expect: { ownerEmail: "ops@example.com" } }),
            );
            assert.match(noEmail.message, /ownerEmail: owner email is unknown, expected "ops@example.com"$/);
        });

        it("refuses a misspelt expectation in the program, before any request", () => {
            assert.throws(
                () => ProjectApiKey.get("k", "proj_web/key_web_alice", { expect: { ownerKind: "user" } as never }),
                /read ProjectApiKey "k" refused before sending: expect.ownerKind is not a known field/,
            );
            assert.equal(emulator.requests.length, 0);
        });

        it("cannot be created: the provider refuses a create, and JavaScript callers of the constructor get a clear error", async () => {
            const managed = current().provider;
            const error = await rejectionOf(() => managed.create({ projectId: "proj_web", name: "new" }));
            assert.match(error.message, /ProjectApiKey was declared with ProjectApiKey\.get and can only be read/);
            const check = await managed.check({}, { projectId: "proj_web", name: "new" });
            assert.deepEqual(check.failures, [{ property: "args", reason: "project API keys can only be read" }]);
            const Constructor = ProjectApiKey as unknown as new (name: string, args: object) => ProjectApiKey;
            assert.throws(
                () => new Constructor("k", { projectId: "proj_web" }),
                /this package cannot create project API keys; read one with ProjectApiKey\.get/,
            );
            assert.equal(emulator.requests.length, 0);
        });
    });

    describe("getProjectApiKey and getProjectApiKeys", () => {
        it("finds a key by id and by name in its project", async () => {
            const byId = await fetchOne(projectApiKeys, { projectId: "proj_web", keyId: "key_web_alice" }, deps());
            assert.equal(byId.projectId, "proj_web");
            assert.equal(byId.name, "alice laptop");
            const byName = await fetchOne(projectApiKeys, { projectId: "proj_web", name: "bob (left)" }, deps());
            assert.equal(byName.id, "key_web_bob", "a key whose owner left is found too");
        });

        it("lists every enabled key, including those whose owner left, unless told otherwise", async () => {
            const all = await fetchMany(projectApiKeys, { projectId: "proj_web" }, deps());
            assert.deepEqual(
                all["keys"]?.map((k) => k.id),
                ["key_web_checkout", "key_web_idle", "key_web_alice", "key_web_bob"],
            );
            assert.match(emulator.requests.at(-1)!.path, /owner_project_access=any/);
            const active = await fetchMany(
                projectApiKeys,
                { projectId: "proj_web", ownerProjectAccess: "active", ownerType: "user" },
                deps(),
            );
            assert.deepEqual(
                active["keys"]?.map((k) => k.id),
                ["key_web_alice"],
            );
        });

        it("fails a list with one ExpectationError naming each offending key and what it failed", async () => {
            const error = await rejectionOf(() =>
                fetchMany(projectApiKeys, { projectId: "proj_web", expect: { ownerType: "service_account", usedWithinDays: 30 } }, deps()),
            );
            assert.ok(error instanceof ExpectationError);
            assert.deepEqual(error.ids, ["proj_web/key_web_idle", "proj_web/key_web_alice", "proj_web/key_web_bob"]);
            assert.match(
                error.message,
                new RegExp(
                    '^3 of the project API keys of proj_web fail their expectations: "proj_web/key_web_idle" \\(usedWithinDays: last used 120\\.0 days ago .*\\), ' +
                        '"proj_web/key_web_alice" \\(ownerType: owner type is "user", expected "service_account"\\), ' +
                        '"proj_web/key_web_bob" \\(ownerType: owner type is "user", expected "service_account"; usedWithinDays: last used 90\\.0 days ago .*\\)$',
                ),
            );
            // The gate applies to what the filters kept: the service-account keys pass.
            const accounts = await fetchMany(
                projectApiKeys,
                { projectId: "proj_web", ownerType: "service_account", expect: { ownerType: "service_account" } },
                deps(),
            );
            assert.equal(accounts["keys"]?.length, 2);
        });

        it("refuses a bad list-level expectation or filter before sending", async () => {
            const misspelt = await rejectionOf(() =>
                fetchMany(projectApiKeys, { projectId: "proj_web", expect: { ownerTpye: "user" } }, deps()),
            );
            assert.match(misspelt.message, /^list project API keys refused before sending: expect.ownerTpye is not a known field/);
            const badAccess = await rejectionOf(() =>
                fetchMany(projectApiKeys, { projectId: "proj_web", ownerProjectAccess: "gone" }, deps()),
            );
            assert.match(badAccess.message, /^list project API keys refused before sending: ownerProjectAccess /);
            const noProject = await rejectionOf(() => fetchMany(projectApiKeys, {}, deps()));
            assert.match(noProject.message, /^list project API keys refused before sending: projectId /);
            assert.equal(emulator.requests.length, 0);
        });

        it("names the project when it does not exist", async () => {
            const error = await rejectionOf(() => fetchMany(projectApiKeys, { projectId: "proj_nope" }, deps()));
            assert.match(error.message, /^list project API keys of proj_nope failed: HTTP 404: No project found with id 'proj_nope'\./);
        });
    });
});
