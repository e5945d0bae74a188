import * as assert from "node:assert/strict";
import { organizationUsers } from "../../provider/api/organization/users";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { withCheckedEmulator } from "../helpers/checkedEmulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { assertEngineEncodable } from "../helpers/serializedProvider";

const USERS = "/v1/organization/users";

describe("OrganizationUser against the emulator", () => {
    const suite = withCheckedEmulator("OrganizationUser");
    const provider = () => suite.managed();
    const people = () => suite.emulator().objects("OrganizationUser");

    describe("check", () => {
        const cases: Array<[string, Record<string, unknown>, Array<{ property: string; reason: string }>]> = [
            [
                "both a user id and an email",
                { userId: "user_ada", email: "ada@example.com", role: "owner" },
                [{ property: "userId", reason: "and email cannot both be given: name the person by exactly one of them" }],
            ],
            [
                "neither",
                { role: "owner" },
                [{ property: "userId", reason: "or email must be given: name the person by exactly one of them" }],
            ],
            [
                "an unknown role",
                { userId: "user_ada", role: "admin" },
                [{ property: "role", reason: "must be one of owner, reader, member" }],
            ],
            [
                "a removeOnDelete that is not a boolean",
                { userId: "user_ada", role: "owner", removeOnDelete: "yes" },
                [{ property: "removeOnDelete", reason: "must be true or false" }],
            ],
        ];
        for (const [what, inputs, failures] of cases) {
            it(`reports ${what} against its property`, async () => {
                assert.deepEqual((await provider().check({}, inputs)).failures, failures);
            });
        }
    });

    it("takes over an existing person by email without creating anything; the id is the user id", async () => {
        const adopted = await provider().create({ email: "ada@example.com", role: "owner" });
        assert.equal(adopted.id, "user_ada");
        assert.deepEqual(adopted.outs, {
            userId: "user_ada",
            name: "Ada Lovelace",
            email: "ada@example.com",
            role: "owner",
            addedAt: adopted.outs?.["addedAt"],
            isScimManaged: false,
        });
        assertEngineEncodable(adopted.outs);
        assert.deepEqual(suite.calls(), [`GET ${USERS} 200`], "the role already matches: nothing is sent");
        assert.match(suite.emulator().requests[0]!.path, /limit=100/);
    });

    it("takes over a person by user id and sets the role in place", async () => {
        const adopted = await provider().create({ userId: "user_grace", role: "owner" });
        assert.equal(adopted.outs?.["role"], "owner");
        assert.deepEqual(suite.calls(), [`GET ${USERS} 200`, `POST ${USERS}/user_grace 200`]);
        assert.deepEqual(suite.emulator().requests[1]?.body, { role: "owner" });
    });

    it("fails for a person who is not in the organization, naming who is, and changes nothing", async () => {
        const error = await rejectionOf(() => provider().create({ email: "nobody@example.com", role: "reader" }));
        assert.match(
            String(error),
            /find organization user "nobody@example.com" failed: the API cannot create organization users, and the organization has none with email "nobody@example.com"; the emails it has: ada@example.com, /,
        );
        const byId = await rejectionOf(() => provider().create({ userId: "user_nobody", role: "reader" }));
        assert.match(String(byId), /has none with userId "user_nobody"; the userIds it has: user_ada, user_grace/);
        assert.deepEqual(suite.calls(), [`GET ${USERS} 200`, `GET ${USERS} 200`]);
    });

    it("changes the role in place; another person replaces; removeOnDelete alone is stored without a change request", async () => {
        const adopted = await provider().create({ userId: "user_alan", role: "reader" });
        const olds = adopted.outs!;
        const promote = { userId: "user_alan", role: "owner" };
        assert.deepEqual(await provider().diff(adopted.id, olds, promote), { changes: true, replaces: [], deleteBeforeReplace: false });
        const updated = await provider().update(adopted.id, olds, promote);
        assert.equal(updated.outs?.["role"], "owner");
        assert.deepEqual(suite.emulator().requests.at(-1)?.body, { role: "owner" });
        assert.deepEqual((await provider().diff(adopted.id, olds, { email: "alan@example.com", role: "reader" })).changes, false);
        assert.deepEqual((await provider().diff(adopted.id, olds, { userId: "user_ada", role: "reader" })).replaces, ["userId"]);

        const keep = { userId: "user_alan", role: "owner", removeOnDelete: true };
        assert.deepEqual(await provider().diff(adopted.id, updated.outs, keep), {
            changes: true,
            replaces: [],
            deleteBeforeReplace: false,
        });
        const before = suite.emulator().requests.length;
        const kept = await provider().update(adopted.id, updated.outs, keep);
        assert.equal(kept.outs?.["removeOnDelete"], true);
        assert.deepEqual(suite.calls().slice(before), [`GET ${USERS}/user_alan 200`]);
    });

    it("on delete only releases the person by default: nothing is sent and they stay", async () => {
        await provider().delete("user_grace", { userId: "user_grace", role: "reader" });
        assert.deepEqual(suite.emulator().requests, []);
        assert.equal(people().has("user_grace"), true);
    });

    it("with removeOnDelete, removes the person from the organization; one already gone counts as removed", async () => {
        const stored = { userId: "user_katherine", role: "reader", removeOnDelete: true };
        await provider().delete("user_katherine", stored);
        assert.equal(people().has("user_katherine"), false);
        await provider().delete("user_katherine", stored);
        assert.deepEqual(suite.calls(), [
            `GET ${USERS}/user_katherine 200`,
            `DELETE ${USERS}/user_katherine 200`,
            `GET ${USERS}/user_katherine 404`,
        ]);
    });

    describe("a person provisioned by SCIM", () => {
        it("is refused a role change before sending, saying why", async () => {
            const error = await rejectionOf(() => provider().create({ email: "lin@example.com", role: "owner" }));
            assert.match(
                String(error),
                /update organization user "user_lin" refused before sending: it is managed by SCIM: your identity provider owns it, so change it there/,
            );
            assert.deepEqual(suite.calls(), [`GET ${USERS} 200`]);
            const stored = { userId: "user_lin", role: "reader", isScimManaged: true };
            const update = await rejectionOf(() => provider().update("user_lin", stored, { userId: "user_lin", role: "owner" }));
            assert.match(String(update), /update organization user "user_lin" refused before sending: it is managed by SCIM/);
            assert.deepEqual(suite.calls().slice(1), [`GET ${USERS}/user_lin 200`]);
            assert.equal(people().get("user_lin")?.["role"], "reader");
        });

        it("can be taken over when nothing changes, and released; removal is refused before sending", async () => {
            const adopted = await provider().create({ email: "lin@example.com", role: "reader" });
            assert.equal(adopted.outs?.["isScimManaged"], true);
            await provider().delete("user_lin", adopted.outs);
            const error = await rejectionOf(() => provider().delete("user_lin", { ...adopted.outs, removeOnDelete: true }));
            assert.match(String(error), /delete organization user "user_lin" refused before sending: it is managed by SCIM/);
            assert.deepEqual(suite.calls(), [`GET ${USERS} 200`, `GET ${USERS}/user_lin 200`]);
            assert.equal(people().has("user_lin"), true);
        });
    });

    it("refreshes a role changed outside; a person removed outside is gone (empty id)", async () => {
        const adopted = await provider().create({ userId: "user_alan", role: "reader" });
        people().set("user_alan", { ...people().get("user_alan")!, role: "owner" });
        assert.equal((await provider().read(adopted.id, adopted.outs)).props?.["role"], "owner");
        people().delete("user_alan");
        assert.deepEqual(await provider().read(adopted.id, adopted.outs), { id: "" });
    });

    it("is the one list of members: a person removed from the organization cannot be added to a project", async () => {
        people().delete("user_katherine");
        const projects = suite.emulator();
        const response = await fetch(`${projects.baseUrl}/organization/projects/proj_web/users`, {
            method: "POST",
            headers: { authorization: `Bearer ${projects.adminKey}`, "content-type": "application/json" },
            body: JSON.stringify({ email: "katherine@example.com", role: "member" }),
        });
        assert.equal(response.status, 400);
        assert.match(await response.text(), /No user with email 'katherine@example.com' is a member of this organization/);
    });

    it("reads a person by id for OrganizationUser.get", async () => {
        const read = await suite.reader().read("user_ada", { expect: { role: "owner" } });
        assert.equal(read.id, "user_ada");
        assert.equal(read.props?.["email"], "ada@example.com");
    });

    describe("lookups", () => {
        const deps = () => emulatorDependencies(suite.emulator(), fakeClock());

        it("finds a person by email or by user id", async () => {
            const byEmail = await fetchOne(organizationUsers, { email: "grace@example.com" }, deps());
            assert.equal(byEmail.id, "user_grace");
            assert.deepEqual(await fetchOne(organizationUsers, { userId: "user_grace" }, deps()), byEmail);
        });

        it("lists people by email (the API's `emails` filter) and by role", async () => {
            const some = await fetchMany(organizationUsers, { emails: ["ada@example.com", "alan@example.com"] }, deps());
            assert.deepEqual(
                some["users"]?.map((u) => u.id),
                ["user_ada", "user_alan"],
            );
            const query = new URLSearchParams(suite.emulator().requests[0]!.path.split("?")[1]);
            assert.deepEqual(query.getAll("emails[]"), ["ada@example.com", "alan@example.com"]);
            assert.equal(query.get("limit"), "100");
            const owners = await fetchMany(organizationUsers, { role: "owner" }, deps());
            assert.deepEqual(
                owners["users"]?.map((u) => u.id),
                ["user_ada"],
            );
        });

        it("gates a deploy on who owns the organization, naming each offender", async () => {
            await fetchMany(organizationUsers, { expect: { owners: { exactly: ["ada@example.com"] } } }, deps());
            const error = await rejectionOf(() =>
                fetchMany(
                    organizationUsers,
                    { expect: { owners: { exactly: ["grace@example.com"] }, emailDomain: "example.org" } },
                    deps(),
                ),
            );
            assert.equal(error.name, "ExpectationError");
            assert.match(error.message, /"ada@example\.com" \(owners: is an owner, expected only "grace@example\.com"/);
            assert.match(error.message, /"grace@example\.com" \(owners: has role "\w+", expected owner/);
            assert.match(error.message, /emailDomain: .*example\.org/);
        });

        it("refuses an emails filter that is not a list before sending", async () => {
            const error = await rejectionOf(() => fetchMany(organizationUsers, { emails: "ada@example.com" }, deps()));
            assert.match(
                String(error),
                /InvalidInputError: list organization users refused before sending: emails is not valid: must be a list of email addresses/,
            );
            assert.deepEqual(suite.emulator().requests, []);
        });
    });
});
