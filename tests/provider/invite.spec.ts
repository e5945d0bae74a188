import * as assert from "node:assert/strict";
import * as sinon from "sinon";
import { invites } from "../../provider/api/organization/invites";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { withCheckedEmulator } from "../helpers/checkedEmulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const INVITES = "/v1/organization/invites";

describe("Invite against the emulator", () => {
    const suite = withCheckedEmulator("Invite");
    const provider = () => suite.managed();
    const stored = () => suite.emulator().objects("Invite");

    afterEach(() => sinon.restore());

    describe("check", () => {
        const cases: Array<[string, Record<string, unknown>, Array<{ property: string; reason: string }>]> = [
            [
                "an email that is not one",
                { email: "margaret", role: "reader" },
                [{ property: "email", reason: "must be an email address" }],
            ],
            [
                "a role invites cannot give",
                { email: "m@example.com", role: "member" },
                [{ property: "role", reason: "must be one of reader, owner" }],
            ],
            [
                "a project role the API does not know",
                { email: "m@example.com", role: "reader", projects: [{ id: "proj_web", role: "admin" }] },
                [{ property: "projects.0.role", reason: "must be one of member, owner" }],
            ],
        ];
        for (const [what, inputs, failures] of cases) {
            it(`reports ${what} against its property`, async () => {
                assert.deepEqual((await provider().check({}, inputs)).failures, failures);
            });
        }
    });

    it("sends an invite with its projects; the projects are kept as given", async () => {
        const projects = [{ id: "proj_web", role: "member" }];
        const created = await provider().create({ email: "mary@example.com", role: "reader", projects });
        assert.match(created.id, /^invite-/);
        assert.deepEqual(suite.emulator().requests[0]?.body, { email: "mary@example.com", role: "reader", projects });
        assert.deepEqual(created.outs, {
            email: "mary@example.com",
            role: "reader",
            status: "pending",
            createdAt: created.outs?.["createdAt"],
            expiresAt: created.outs?.["expiresAt"],
            acceptedAt: null,
            projects,
        });
        assertEngineEncodable(created.outs);
        assert.deepEqual(suite.calls(), [`POST ${INVITES} 200`]);
    });

    it("replaces on any change (email, role or projects), deleting the old invite first: the API refuses a second pending one", async () => {
        const created = await provider().create({ email: "mary@example.com", role: "reader" });
        const olds = created.outs!;
        assert.deepEqual(await provider().diff(created.id, olds, { email: "mary@example.com", role: "owner" }), {
            changes: true,
            replaces: ["role"],
            deleteBeforeReplace: true,
        });
        assert.deepEqual((await provider().diff(created.id, olds, { email: "joan@example.com", role: "reader" })).replaces, ["email"]);
        assert.deepEqual((await provider().diff(created.id, olds, { email: "mary@example.com", role: "reader", projects: [] })).replaces, [
            "projects",
        ]);
        assert.deepEqual(await provider().diff(created.id, olds, { email: "mary@example.com", role: "reader" }), {
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("fails to invite someone already in the organization or already invited", async () => {
        const member = await rejectionOf(() => provider().create({ email: "ada@example.com", role: "reader" }));
        assert.match(String(member), /HTTP 400: ada@example.com is already a member of this organization/);
        const invited = await rejectionOf(() => provider().create({ email: "margaret@example.com", role: "reader" }));
        assert.match(String(invited), /HTTP 400: margaret@example.com already has a pending invite \(invite-margaret\)/);
    });

    it("deletes a pending invite; one already gone counts as deleted", async () => {
        await provider().delete("invite-margaret", { email: "margaret@example.com", role: "reader", status: "pending" });
        await provider().delete("invite-margaret", { email: "margaret@example.com", role: "reader", status: "pending" });
        assert.equal(stored().has("invite-margaret"), false);
        assert.deepEqual(suite.calls(), [
            `GET ${INVITES}/invite-margaret 200`,
            `DELETE ${INVITES}/invite-margaret 200`,
            `GET ${INVITES}/invite-margaret 404`,
        ]);
    });

    it("releases an accepted invite with a warning instead of deleting it, even when the stack saw it pending", async () => {
        const warnings = sinon.stub(console, "error");
        await provider().delete("invite-katherine", { email: "katherine@example.com", role: "reader", status: "pending" });
        assert.deepEqual(suite.calls(), [`GET ${INVITES}/invite-katherine 200`], "no DELETE the API would refuse");
        assert.equal(stored().has("invite-katherine"), true);
        assert.deepEqual(warnings.args, [
            [
                'warning: invite "invite-katherine" released, not deleted: katherine@example.com accepted it, and the API cannot delete an accepted invite; they stay in the organization (manage them with OrganizationUser)',
            ],
        ]);
    });

    it("refreshes an acceptance made outside; an expired or deleted invite is gone (empty id)", async () => {
        const created = await provider().create({ email: "mary@example.com", role: "reader" });
        const invite = stored().get(created.id)!;
        stored().set(created.id, { ...invite, status: "accepted", accepted_at: 1_700_000_000 });
        const refreshed = await provider().read(created.id, created.outs);
        assert.equal(refreshed.props?.["status"], "accepted");
        assert.equal(refreshed.props?.["acceptedAt"], 1_700_000_000);
        stored().set(created.id, { ...invite, status: "expired" });
        assert.deepEqual(await provider().read(created.id, created.outs), { id: "" });
        stored().delete(created.id);
        assert.deepEqual(await provider().read(created.id, created.outs), { id: "" });
    });

    it("adopts a pending invite by id, its projects compared by value; a differing input is refused before sending", async () => {
        const inputs = { email: "margaret@example.com", role: "reader", projects: [{ id: "proj_research", role: "member" }] };
        const adopted = await provider().create({ ...inputs, adopt: { id: "invite-margaret" } });
        assert.equal(adopted.id, "invite-margaret");
        const other = await rejectionOf(() => provider().create({ ...inputs, role: "owner", adopt: { id: "invite-margaret" } }));
        assert.match(
            String(other),
            /refused before sending: role differs from the existing invite "invite-margaret" and cannot be changed in place/,
        );
        assert.deepEqual(suite.calls(), [`GET ${INVITES}/invite-margaret 200`, `GET ${INVITES}/invite-margaret 200`]);
    });

    it("after a lost answer, adopts the invite it sent rather than sending a second", async () => {
        suite.emulator().injectFaults({ kind: "drop" });
        const created = await provider().create({ email: "mary@example.com", role: "reader" });
        assert.equal([...stored().values()].filter((invite) => invite["email"] === "mary@example.com").length, 1);
        assert.equal(created.outs?.["email"], "mary@example.com");
        assert.deepEqual(
            suite.emulator().requests.map((r) => `${r.method} ${r.status}`),
            ["POST 0", "GET 200"],
        );
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(suite.emulator(), fakeClock());

        it("reads an invite by id or email, and lists them by status", async () => {
            const margaret = await fetchOne(invites, { email: "margaret@example.com", expect: { status: "pending" } }, deps());
            assert.equal(margaret.id, "invite-margaret");
            assert.deepEqual(margaret.projects, [{ id: "proj_research", role: "member" }]);
            assert.deepEqual(await fetchOne(invites, { inviteId: "invite-margaret" }, deps()), margaret);
            const accepted = await fetchMany(invites, { status: "accepted" }, deps());
            assert.deepEqual(
                accepted["invites"]?.map((i) => i.id),
                ["invite-katherine"],
            );
        });

        it("fails a list gate naming each invite that misses it", async () => {
            const error = await rejectionOf(() => fetchMany(invites, { expect: { status: "pending" } }, deps()));
            assert.match(String(error), /invite-katherine/);
            assert.doesNotMatch(String(error), /invite-margaret/);
        });
    });
});
