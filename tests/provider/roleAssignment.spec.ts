import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { projectUsers } from "../../provider/api/organization/projects/users";
import { groupRoleAssignments, projectGroupRoleAssignments, userRoleAssignments } from "../../provider/api/organization/roleAssignments";
import { fetchMany } from "../../provider/pulumi/dataSources";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource, dynamicProvider } from "../helpers/providers";
import { assertEngineEncodable, configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

describe("Role assignments against the emulator", () => {
    let emulator: AdminApiEmulator;
    let loaded: pulumi.dynamic.ResourceProvider;
    const managed = (type: string) => asResource(loaded, type, "managed");

    before(async () => {
        loaded = loadProvider((await serializeProvider(dynamicProvider)).text);
    });
    beforeEach(async () => {
        emulator = await startEmulator();
        await managed("UserRoleAssignment").configure(
            configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }),
        );
    });
    // The root hook (tests/helpers/wireCheck.ts) checks every request and answer against the OpenAPI document.
    afterEach(() => emulator.close());

    const calls = () => emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
    const deps = () => emulatorDependencies(emulator, fakeClock());

    const cases = [
        {
            type: "UserRoleAssignment",
            inputs: { userId: "user_alan", roleId: "role_reader" },
            other: { userId: "user_alan", roleId: "role_billing_viewer" },
            id: "user_alan/role_reader",
            collection: "/v1/organization/users/user_alan/roles",
        },
        {
            type: "GroupRoleAssignment",
            inputs: { groupId: "group_data", roleId: "role_reader" },
            other: { groupId: "group_platform", roleId: "role_reader" },
            id: "group_data/role_reader",
            collection: "/v1/organization/groups/group_data/roles",
        },
        {
            type: "ProjectUserRoleAssignment",
            inputs: { projectId: "proj_web", userId: "user_grace", roleId: "role_web_deployer" },
            other: { projectId: "proj_web", userId: "user_ada", roleId: "role_web_deployer" },
            id: "proj_web/user_grace/role_web_deployer",
            collection: "/v1/projects/proj_web/users/user_grace/roles",
        },
        {
            type: "ProjectGroupRoleAssignment",
            inputs: { projectId: "proj_web", groupId: "group_platform", roleId: "role_proj_web_owner" },
            other: { projectId: "proj_web", groupId: "group_platform", roleId: "role_proj_web_member" },
            id: "proj_web/group_platform/role_proj_web_owner",
            collection: "/v1/projects/proj_web/groups/group_platform/roles",
        },
    ];

    for (const { type, inputs, other, id, collection } of cases) {
        describe(type, () => {
            it("assigns by role_id, id <parent ids>/<role id>; any change replaces; refresh sees outside changes; delete unassigns", async () => {
                const provider = managed(type);
                const created = await provider.create(inputs);
                assert.equal(created.id, id);
                assert.deepEqual(emulator.requests[0]?.body, { role_id: inputs.roleId });
                assert.deepEqual(
                    { ...created.outs, name: undefined, description: undefined, permissions: undefined },
                    {
                        ...inputs,
                        name: undefined,
                        description: undefined,
                        permissions: undefined,
                        resourceType: type.startsWith("Project") ? "api.project" : "api.organization",
                        predefinedRole: inputs.roleId !== "role_web_deployer",
                        assignmentSources: null,
                    },
                );
                assertEngineEncodable(created.outs);
                const diff = await provider.diff(created.id, created.outs, other);
                assert.equal(diff.changes, true);
                assert.ok(diff.replaces!.length > 0);
                const stored = emulator.objects(type);
                stored.set(created.id, { ...stored.get(created.id)!, permissions: ["changed.outside"] });
                assert.deepEqual((await provider.read(created.id, created.outs)).props?.["permissions"], ["changed.outside"]);
                await provider.delete(created.id, created.outs);
                assert.deepEqual(await provider.read(created.id, created.outs), { id: "" });
                await provider.delete(created.id, created.outs);
                assert.deepEqual(calls(), [
                    `POST ${collection} 200`,
                    `GET ${collection}/${inputs.roleId} 200`,
                    `DELETE ${collection}/${inputs.roleId} 200`,
                    `GET ${collection}/${inputs.roleId} 404`,
                    `DELETE ${collection}/${inputs.roleId} 404`,
                ]);
            });

            it("refuses a missing or extra input before sending", async () => {
                const failures = (await managed(type).check({}, { ...inputs, roleId: "", role: "x" })).failures;
                assert.deepEqual(failures, [
                    { property: "roleId", reason: "must not be empty" },
                    { property: "role", reason: "is not a known argument" },
                ]);
                const error = await rejectionOf(() => managed(type).create({ ...inputs, roleId: undefined }));
                assert.match(String(error), /InvalidInputError: .*refused before sending: roleId must be a string/);
                assert.deepEqual(emulator.requests, []);
            });
        });
    }

    it("fails to assign a role that does not exist, or one already held", async () => {
        const provider = managed("UserRoleAssignment");
        const missing = await rejectionOf(() => provider.create({ userId: "user_alan", roleId: "role_nope" }));
        assert.match(String(missing), /NotFoundError: .*HTTP 404: No role found with id 'role_nope'/);
        const twice = await rejectionOf(() => provider.create({ userId: "user_ada", roleId: "role_owner" }));
        assert.match(String(twice), /HTTP 400: The user 'user_ada' already holds role 'role_owner'/);
    });

    it("shows a role's new permissions on its assignments once the role changes", async () => {
        const role = managed("Role");
        await role.update("role_billing_viewer", {}, { name: "Billing Viewer", permissions: ["api.usage.read", "api.costs.read"] });
        const { assignments } = await fetchMany(groupRoleAssignments, { groupId: "group_platform" }, deps());
        assert.deepEqual(assignments![0]!.permissions, ["api.usage.read", "api.costs.read"]);
    });

    describe("list functions and their access gates", () => {
        it("lists a principal's roles 1,000 a page by next, with the parent ids", async () => {
            const { assignments } = await fetchMany(userRoleAssignments, { userId: "user_ada" }, deps());
            assert.deepEqual(
                assignments!.map((one) => [one["userId"], one.id, one.name]),
                [["user_ada", "role_owner", "owner"]],
            );
            const inProject = await fetchMany(projectGroupRoleAssignments, { projectId: "proj_research", groupId: "group_data" }, deps());
            assert.deepEqual(
                inProject["assignments"]!.map((one) => one.id),
                ["role_proj_research_member"],
            );
            assert.deepEqual(calls(), [
                "GET /v1/organization/users/user_ada/roles?limit=1000 200",
                "GET /v1/projects/proj_research/groups/group_data/roles?limit=1000 200",
            ]);
        });

        it("names each role held outside onlyRoles, and each one held where none may be", async () => {
            const only = await rejectionOf(() =>
                fetchMany(userRoleAssignments, { userId: "user_ada", expect: { onlyRoles: ["reader"] } }, deps()),
            );
            assert.match(
                String(only),
                /ExpectationError: 1 of the user role assignments of user_ada fails their expectations: "role_owner" \(onlyRoles: role "owner" is held, expected only "reader"\)/,
            );
            const none = await rejectionOf(() => fetchMany(userRoleAssignments, { userId: "user_grace", expect: { none: true } }, deps()));
            assert.match(String(none), /"role_reader" \(none: role "reader" is held by the user, expected none\)/);
            await fetchMany(userRoleAssignments, { userId: "user_alan", expect: { none: true } }, deps());
        });

        it("gates a project's members: no direct members, owners exactly, one email domain, each offender named", async () => {
            const none = await rejectionOf(() => fetchMany(projectUsers, { projectId: "proj_web", expect: { none: true } }, deps()));
            assert.match(
                String(none),
                /ExpectationError: \d+ of the project users of proj_web fail their expectations: "[^"]+@example.com" \(none: is a direct member of the project \(role "(owner|member)"\), expected none\)/,
            );
            const { users } = await fetchMany(projectUsers, { projectId: "proj_web" }, deps());
            const owners = users!.filter((user) => user["role"] === "owner").map((user) => String(user["email"]));
            await fetchMany(projectUsers, { projectId: "proj_web", expect: { owners: { exactly: owners } } }, deps());
            const exactly = await rejectionOf(() =>
                fetchMany(projectUsers, { projectId: "proj_web", expect: { owners: { exactly: ["katherine@example.com"] } } }, deps()),
            );
            for (const owner of owners) {
                assert.match(String(exactly), new RegExp(`"${owner}" \\(owners: is an owner, expected only "katherine@example.com"\\)`));
            }
            assert.match(String(exactly), /"katherine@example.com" \(owners: is not a member, expected an owner\)/);
            const domain = await rejectionOf(() =>
                fetchMany(projectUsers, { projectId: "proj_web", expect: { emailDomain: "corp.example" } }, deps()),
            );
            assert.match(String(domain), /emailDomain: holds access from @example.com, expected only @corp.example/);
        });

        it("refuses a malformed gate before sending", async () => {
            const error = await rejectionOf(() =>
                fetchMany(projectUsers, { projectId: "proj_web", expect: { owners: { exactly: [] } } }, deps()),
            );
            assert.match(String(error), /InvalidInputError: list project users refused before sending: expect.owners/);
            assert.deepEqual(emulator.requests, []);
        });
    });
});
