import * as assert from "node:assert/strict";
import { projectUsers } from "../../provider/api/organization/projects/users";
import { AdminApiEmulator } from "../helpers/emulator";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource } from "../helpers/providers";
import { providerAgainstEmulator } from "../helpers/providerSuite";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const WEB_USERS = "/v1/organization/projects/proj_web/users";

describe("ProjectUser against the emulator", () => {
    const current = providerAgainstEmulator("ProjectUser");
    let emulator: AdminApiEmulator;
    let provider: ReturnType<typeof asResource>;
    let reader: ReturnType<typeof asResource>;
    beforeEach(() => {
        ({ emulator, provider, reader } = current());
    });

    const members = () => emulator.objects("ProjectUser");
    const calls = () => emulator.requests.map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")} ${r.status}`);

    describe("check", () => {
        const cases: Array<[string, Record<string, unknown>, Array<{ property: string; reason: string }>]> = [
            [
                "both a user id and an email",
                { projectId: "proj_web", userId: "user_ada", email: "ada@example.com", role: "member" },
                [{ property: "userId", reason: "and email cannot both be given: name the person by exactly one of them" }],
            ],
            [
                "neither a user id nor an email",
                { projectId: "proj_web", role: "member" },
                [{ property: "userId", reason: "or email must be given: name the person by exactly one of them" }],
            ],
            [
                "an email that is not one",
                { projectId: "proj_web", email: "ada", role: "member" },
                [{ property: "email", reason: "must be an email address" }],
            ],
            [
                "a role the API does not know",
                { projectId: "proj_web", userId: "user_ada", role: "admin" },
                [{ property: "role", reason: "must be one of owner, member" }],
            ],
            [
                "a missing role",
                { projectId: "proj_web", userId: "user_ada" },
                [{ property: "role", reason: "must be one of owner, member" }],
            ],
        ];
        for (const [what, inputs, failures] of cases) {
            it(`reports ${what} against its property`, async () => {
                assert.deepEqual((await provider.check({}, inputs)).failures, failures);
            });
        }
    });

    it("adds an organization member by email; the id is <project id>/<user id>", async () => {
        const created = await provider.create({ projectId: "proj_web", email: "katherine@example.com", role: "member" });
        assert.equal(created.id, "proj_web/user_katherine");
        assert.deepEqual(emulator.requests[0]?.body, { email: "katherine@example.com", role: "member" });
        assert.deepEqual(created.outs, {
            projectId: "proj_web",
            userId: "user_katherine",
            name: "Katherine Johnson",
            email: "katherine@example.com",
            role: "member",
            addedAt: created.outs?.["addedAt"],
        });
        assertEngineEncodable(created.outs);
        assert.deepEqual(calls(), [`POST ${WEB_USERS} 200`]);
    });

    it("adds an organization member by user id", async () => {
        const created = await provider.create({ projectId: "proj_research", userId: "user_grace", role: "owner" });
        assert.equal(created.id, "proj_research/user_grace");
        assert.deepEqual(emulator.requests[0]?.body, { user_id: "user_grace", role: "owner" });
        assert.equal(created.outs?.["email"], "grace@example.com");
    });

    it("fails to add someone who is already a member, leaving the membership as it was", async () => {
        const error = await rejectionOf(() => provider.create({ projectId: "proj_web", userId: "user_grace", role: "owner" }));
        assert.match(
            String(error),
            /ApiError: create project user named "\?" failed: HTTP 400: User 'user_grace' is already a member of project 'proj_web'/,
        );
        assert.equal(members().get("proj_web/user_grace")?.["role"], "member");
    });

    it("fails to add a person who is not in the organization: 400 by email, 404 by id", async () => {
        const byEmail = await rejectionOf(() => provider.create({ projectId: "proj_web", email: "nobody@example.com", role: "member" }));
        assert.match(
            String(byEmail),
            /HTTP 400: No user with email 'nobody@example.com' is a member of this organization; invite them first/,
        );
        const byId = await rejectionOf(() => provider.create({ projectId: "proj_web", userId: "user_nobody", role: "member" }));
        assert.match(String(byId), /NotFoundError: .*HTTP 404: No user found with id 'user_nobody'/);
    });

    it("refuses bad inputs before sending, naming the property", async () => {
        const error = await rejectionOf(() =>
            provider.create({ projectId: "proj_web", userId: "user_ada", email: "ada@example.com", role: "owner" }),
        );
        assert.match(String(error), /InvalidInputError: create project user refused before sending: userId and email cannot both be given/);
        assert.deepEqual(emulator.requests, []);
    });

    it("adopts an existing member by id and applies the role", async () => {
        const adopted = await provider.create({ projectId: "proj_web", userId: "user_alan", role: "owner", adopt: { id: "user_alan" } });
        assert.equal(adopted.id, "proj_web/user_alan");
        assert.equal(adopted.outs?.["role"], "owner");
        assert.deepEqual(calls(), [`GET ${WEB_USERS}/user_alan 200`, `POST ${WEB_USERS}/user_alan 200`]);
        assert.deepEqual(emulator.requests[1]?.body, { role: "owner" });
    });

    it("adopts an existing member by email with byName", async () => {
        const adopted = await provider.create({
            projectId: "proj_web",
            email: "alan@example.com",
            role: "member",
            adopt: { byName: true },
        });
        assert.equal(adopted.id, "proj_web/user_alan");
        assert.deepEqual(calls(), [`GET ${WEB_USERS} 200`]);
    });

    it("refuses to adopt a member other than the userId given", async () => {
        const error = await rejectionOf(() =>
            provider.create({ projectId: "proj_web", userId: "user_grace", role: "member", adopt: { id: "user_alan" } }),
        );
        assert.match(
            String(error),
            /refused before sending: userId differs from the existing project user "user_alan" and cannot be changed in place/,
        );
        assert.deepEqual(calls(), [`GET ${WEB_USERS}/user_alan 200`]);
    });

    it("changes the role in place; another person replaces, naming the same person by email instead of id changes nothing", async () => {
        const created = await provider.create({ projectId: "proj_research", userId: "user_grace", role: "member" });
        const olds = created.outs!;
        const news = { projectId: "proj_research", userId: "user_grace", role: "owner" };
        assert.deepEqual(await provider.diff(created.id, olds, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        const updated = await provider.update(created.id, olds, news);
        assert.equal(updated.outs?.["role"], "owner");
        assert.deepEqual(emulator.requests.at(-1)?.body, { role: "owner" });
        assert.deepEqual(
            await provider.diff(created.id, olds, { projectId: "proj_research", email: "grace@example.com", role: "member" }),
            {
                changes: false,
                replaces: [],
                deleteBeforeReplace: false,
            },
        );
        assert.deepEqual(
            (await provider.diff(created.id, olds, { projectId: "proj_research", email: "alan@example.com", role: "member" })).replaces,
            ["email"],
        );
    });

    it("refreshes a role changed outside; a member removed outside is gone (empty id)", async () => {
        const created = await provider.create({ projectId: "proj_research", email: "alan@example.com", role: "member" });
        members().set(created.id, { ...members().get(created.id)!, role: "owner" });
        assert.equal((await provider.read(created.id, created.outs)).props?.["role"], "owner");
        members().delete(created.id);
        assert.deepEqual(await provider.read(created.id, created.outs), { id: "" });
    });

    it("deletes the membership of this project only, and counts one already gone as deleted", async () => {
        const olds = { projectId: "proj_web", userId: "user_grace", role: "member" };
        await provider.delete("proj_web/user_grace", olds);
        await provider.delete("proj_web/user_grace", olds);
        assert.deepEqual(calls(), [`DELETE ${WEB_USERS}/user_grace 200`, `DELETE ${WEB_USERS}/user_grace 404`]);
        assert.equal(members().has("proj_web/user_grace"), false);
        assert.equal(members().has("proj_default/user_grace"), true, "still a member of the other project");
    });

    it("after a lost answer to an add by email, adopts the membership it made", async () => {
        emulator.injectFaults({ kind: "drop" });
        const created = await provider.create({ projectId: "proj_research", email: "ada@example.com", role: "owner" });
        assert.equal(created.id, "proj_research/user_ada");
        assert.deepEqual(
            emulator.requests.map((r) => `${r.method} ${r.status}`),
            ["POST 0", "GET 200"],
        );
    });

    it("reads a member by its composite id for ProjectUser.get", async () => {
        const read = await reader.read("proj_default/user_ada", { expect: { role: "owner", email: "ada@example.com" } });
        assert.equal(read.id, "proj_default/user_ada");
        assert.equal(read.props?.["projectId"], "proj_default");
        assert.equal(read.props?.["userId"], "user_ada");
        assert.equal(read.props?.["name"], "Ada Lovelace");
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(emulator, fakeClock());

        it("finds a member by email or by user id in a project", async () => {
            const byEmail = await fetchOne(projectUsers, { projectId: "proj_default", email: "grace@example.com" }, deps());
            assert.deepEqual(byEmail, {
                id: "user_grace",
                name: "Grace Hopper",
                email: "grace@example.com",
                role: "member",
                addedAt: byEmail.addedAt,
                projectId: "proj_default",
            });
            assert.deepEqual(await fetchOne(projectUsers, { projectId: "proj_default", userId: "user_grace" }, deps()), byEmail);
            const missing = await rejectionOf(() =>
                fetchOne(projectUsers, { projectId: "proj_web", email: "katherine@example.com" }, deps()),
            );
            assert.match(
                String(missing),
                /LookupError: find project user named "katherine@example.com" failed: no user has that email among the 3 users of proj_web/,
            );
        });

        it("lists a project's members, filtered by role", async () => {
            const all = await fetchMany(projectUsers, { projectId: "proj_web" }, deps());
            assert.deepEqual(
                all["users"]?.map((u) => u.id),
                ["user_ada", "user_grace", "user_alan"],
            );
            const owners = await fetchMany(projectUsers, { projectId: "proj_web", role: "owner" }, deps());
            assert.deepEqual(
                owners["users"]?.map((u) => u.id),
                ["user_ada"],
            );
        });

        it("refuses a lookup by both user id and email before sending", async () => {
            const error = await rejectionOf(() =>
                fetchOne(projectUsers, { projectId: "proj_web", userId: "user_ada", email: "ada@example.com" }, deps()),
            );
            assert.match(String(error), /InvalidInputError: .* refused before sending: userId, email exactly one of them must be given/);
            assert.deepEqual(emulator.requests, []);
        });
    });
});
