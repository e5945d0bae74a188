import * as assert from "node:assert/strict";
import { projectServiceAccounts } from "../../provider/api/organization/projects/serviceAccounts";
import { AdminApiEmulator } from "../helpers/emulator";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource } from "../helpers/providers";
import { providerAgainstEmulator } from "../helpers/providerSuite";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const ITEMS = "/v1/organization/projects/proj_web/service_accounts";

describe("ProjectServiceAccount against the emulator", () => {
    const current = providerAgainstEmulator("ProjectServiceAccount");
    let emulator: AdminApiEmulator;
    let provider: ReturnType<typeof asResource>;
    let reader: ReturnType<typeof asResource>;
    beforeEach(() => {
        ({ emulator, provider, reader } = current());
    });

    const accounts = () => emulator.objects("ProjectServiceAccount");
    const calls = () => emulator.requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")} ${r.status}`);

    describe("check", () => {
        const cases: Array<[string, Record<string, unknown>, Array<{ property: string; reason: string }>]> = [
            [
                "a role for an account made without one",
                { projectId: "proj_web", name: "bot", role: "owner", createServiceAccountOnly: true },
                [{ property: "role", reason: "cannot be given with createServiceAccountOnly: true (such an account has no role)" }],
            ],
            [
                "a role the API does not know",
                { projectId: "proj_web", name: "bot", role: "admin" },
                [{ property: "role", reason: "must be one of member, owner" }],
            ],
            ["a missing project", { name: "bot" }, [{ property: "projectId", reason: "must be a string" }]],
            [
                "adoption by name, as names are not unique",
                { projectId: "proj_web", name: "bot", adopt: { byName: true } },
                [{ property: "adopt", reason: "cannot be byName: project service accounts may share a name; adopt by id" }],
            ],
        ];
        for (const [what, inputs, failures] of cases) {
            it(`reports ${what} against its property`, async () => {
                assert.deepEqual((await provider.check({}, inputs)).failures, failures);
            });
        }
    });

    it("creates an account as member, with its one-time API key as the secret apiKey and the key id as apiKeyId", async () => {
        const created = await provider.create({ projectId: "proj_web", name: "release-bot" });
        const [post] = emulator.requests;
        assert.deepEqual(post?.body, { name: "release-bot" });
        const answer = post?.answer as { id: string; api_key: { id: string; value: string } };
        assert.equal(created.id, `proj_web/${answer.id}`);
        assert.match(String(created.outs?.["apiKey"]), /^sk-svcacct-/);
        assert.equal(created.outs?.["apiKey"], answer.api_key.value);
        assert.deepEqual(created.outs, {
            projectId: "proj_web",
            serviceAccountId: answer.id,
            name: "release-bot",
            role: "member",
            createdAt: created.outs?.["createdAt"],
            apiKey: answer.api_key.value,
            apiKeyId: answer.api_key.id,
        });
        assertEngineEncodable(created.outs);
        assert.equal("api_key" in accounts().get(created.id)!, false, "the emulator keeps no key value");
        assert.deepEqual(projectServiceAccounts.managed?.secretOutputs, ["apiKey"]);
    });

    it("applies a role other than member right after the create", async () => {
        const created = await provider.create({ projectId: "proj_web", name: "release-bot", role: "owner" });
        assert.equal(created.outs?.["role"], "owner");
        assert.equal(accounts().get(created.id)?.["role"], "owner");
        const id = String(created.outs?.["serviceAccountId"]);
        assert.deepEqual(calls(), [`POST ${ITEMS} 200`, `POST ${ITEMS}/${id} 200`]);
        assert.deepEqual(emulator.requests[1]?.body, { name: "release-bot", role: "owner" });
        assert.match(String(created.outs?.["apiKey"]), /^sk-svcacct-/, "the key of the create is kept");
    });

    it("deletes the new account when the role cannot be applied, so that the failed create leaves nothing", async () => {
        emulator.injectFaults({ kind: "delay", ms: 0 }, { kind: "status", status: 403, message: "Only project owners can grant owner." });
        const error = await rejectionOf(() => provider.create({ projectId: "proj_web", name: "release-bot", role: "owner" }));
        assert.match(
            String(error),
            /^PermissionDeniedError: update project service account "proj_web\/svc_acct_\w+" failed: HTTP 403: Only project owners/,
        );
        assert.deepEqual(
            [...accounts().values()].map((a) => a["name"]),
            ["ci-bot", "deploy-bot"],
        );
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.status}`),
            ["POST 200", "POST 403", "DELETE 200"],
        );
    });

    it("creates an account without role or key with createServiceAccountOnly", async () => {
        const created = await provider.create({ projectId: "proj_web", name: "rbac-bot", createServiceAccountOnly: true });
        assert.deepEqual(emulator.requests[0]?.body, { name: "rbac-bot", create_service_account_only: true });
        assert.equal(created.outs?.["role"], "none");
        assert.equal(created.outs?.["createServiceAccountOnly"], true);
        assert.equal("apiKey" in created.outs!, false);
        assert.equal("apiKeyId" in created.outs!, false);
        assertEngineEncodable(created.outs);
    });

    it("refuses bad inputs before sending, naming the property", async () => {
        const error = await rejectionOf(() =>
            provider.create({ projectId: "proj_web", name: "bot", role: "owner", createServiceAccountOnly: true }),
        );
        assert.match(
            String(error),
            /InvalidInputError: create project service account refused before sending: role cannot be given with createServiceAccountOnly/,
        );
        const badProject = await rejectionOf(() => provider.create({ projectId: "proj/web", name: "bot" }));
        assert.match(String(badProject), /refused before sending: projectId /);
        assert.deepEqual(emulator.requests, []);
    });

    it("after a lost create answer, deletes the keyed account it made and creates once more: one account, with its key", async () => {
        emulator.injectFaults({ kind: "drop" });
        const created = await provider.create({ projectId: "proj_web", name: "release-bot" });
        assert.deepEqual(
            [...accounts().values()].filter((a) => a["name"] === "release-bot").map((a) => `proj_web/${String(a["id"])}`),
            [created.id],
        );
        assert.match(String(created.outs?.["apiKey"]), /^sk-svcacct-/);
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.status}`),
            ["POST 0", "GET 200", "DELETE 200", "POST 200"],
        );
    });

    it("renames and changes the role in place, keeping the key; a new project or createServiceAccountOnly replaces", async () => {
        const created = await provider.create({ projectId: "proj_web", name: "release-bot" });
        const olds = created.outs!;
        const news = { projectId: "proj_web", name: "release-bot v2", role: "owner" };
        assert.deepEqual(await provider.diff(created.id, olds, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        const updated = await provider.update(created.id, olds, news);
        assert.equal(updated.outs?.["name"], "release-bot v2");
        assert.equal(updated.outs?.["role"], "owner");
        assert.equal(updated.outs?.["apiKey"], olds["apiKey"]);
        assert.equal(updated.outs?.["apiKeyId"], olds["apiKeyId"]);
        assert.deepEqual(emulator.requests.at(-1)?.body, { name: "release-bot v2", role: "owner" });
        assert.deepEqual((await provider.diff(created.id, olds, { projectId: "proj_default", name: "release-bot" })).replaces, [
            "projectId",
        ]);
        assert.deepEqual(
            (await provider.diff(created.id, olds, { projectId: "proj_web", name: "release-bot", createServiceAccountOnly: true }))
                .replaces,
            ["createServiceAccountOnly"],
        );
    });

    it("refreshes an account changed outside, keeping the key; one deleted outside is gone (empty id)", async () => {
        const created = await provider.create({ projectId: "proj_web", name: "release-bot" });
        accounts().set(created.id, { ...accounts().get(created.id)!, role: "owner" });
        const read = await provider.read(created.id, created.outs);
        assert.equal(read.props?.["role"], "owner");
        assert.equal(read.props?.["apiKey"], created.outs?.["apiKey"]);
        assert.equal(read.props?.["apiKeyId"], created.outs?.["apiKeyId"]);
        accounts().delete(created.id);
        assert.deepEqual(await provider.read(created.id, created.outs), { id: "" });
    });

    it("deletes the account, and counts one already gone as deleted", async () => {
        const created = await provider.create({ projectId: "proj_web", name: "release-bot" });
        await provider.delete(created.id, created.outs);
        await provider.delete(created.id, created.outs);
        const path = `${ITEMS}/${String(created.outs?.["serviceAccountId"])}`;
        assert.deepEqual(calls().slice(1), [`DELETE ${path} 200`, `DELETE ${path} 404`]);
        assert.equal(accounts().has(created.id), false);
    });

    it("adopts an existing account by id and applies its inputs; it has no key", async () => {
        const adopted = await provider.create({ projectId: "proj_web", name: "ci-bot", role: "owner", adopt: { id: "svc_acct_ci" } });
        assert.equal(adopted.id, "proj_web/svc_acct_ci");
        assert.equal(adopted.outs?.["role"], "owner");
        assert.equal("apiKey" in adopted.outs!, false);
        assert.deepEqual(calls(), [`GET ${ITEMS}/svc_acct_ci 200`, `POST ${ITEMS}/svc_acct_ci 200`]);
    });

    it("reads an account by its composite id for ProjectServiceAccount.get", async () => {
        const read = await reader.read("proj_web/svc_acct_deploy", { expect: { role: "owner" } });
        assert.equal(read.id, "proj_web/svc_acct_deploy");
        assert.equal(read.props?.["projectId"], "proj_web");
        assert.equal(read.props?.["serviceAccountId"], "svc_acct_deploy");
        assert.equal(read.props?.["name"], "deploy-bot");
        const failed = await rejectionOf(() => reader.read("proj_web/svc_acct_ci", { expect: { role: "owner" } }));
        assert.match(String(failed), /ExpectationError: .*proj_web\/svc_acct_ci.*role/);
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(emulator, fakeClock());

        it("finds an account by name or by id in its project", async () => {
            const byName = await fetchOne(projectServiceAccounts, { projectId: "proj_web", name: "ci-bot" }, deps());
            assert.deepEqual(byName, {
                id: "svc_acct_ci",
                name: "ci-bot",
                role: "member",
                createdAt: byName.createdAt,
                projectId: "proj_web",
            });
            const byId = await fetchOne(
                projectServiceAccounts,
                { projectId: "proj_web", serviceAccountId: "svc_acct_ci", cache: false },
                deps(),
            );
            assert.deepEqual(byId, byName);
            const missing = await rejectionOf(() =>
                fetchOne(projectServiceAccounts, { projectId: "proj_default", name: "ci-bot" }, deps()),
            );
            assert.match(
                String(missing),
                /LookupError: find project service account named "ci-bot" failed: no account has that name among the 0 accounts of proj_default/,
            );
        });

        it("lists a project's accounts, filtered by role", async () => {
            const all = await fetchMany(projectServiceAccounts, { projectId: "proj_web" }, deps());
            assert.deepEqual(
                all["serviceAccounts"]?.map((a) => a.id),
                ["svc_acct_ci", "svc_acct_deploy"],
            );
            const owners = await fetchMany(projectServiceAccounts, { projectId: "proj_web", role: "owner" }, deps());
            assert.deepEqual(
                owners["serviceAccounts"]?.map((a) => a.id),
                ["svc_acct_deploy"],
            );
        });

        it("refuses a lookup without the project before sending", async () => {
            const error = await rejectionOf(() => fetchOne(projectServiceAccounts, { name: "ci-bot" }, deps()));
            assert.match(String(error), /InvalidInputError: find project service account named refused before sending: projectId /);
            assert.deepEqual(emulator.requests, []);
        });
    });
});
