import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { projectRoles, roles } from "../../provider/api/organization/roles";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { asResource, dynamicProvider } from "../helpers/providers";
import { assertEngineEncodable, configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";

const ROLES = "/v1/organization/roles";
const WEB_ROLES = "/v1/projects/proj_web/roles";

describe("Role and ProjectRole against the emulator", () => {
    let emulator: AdminApiEmulator;
    let role: Required<pulumi.dynamic.ResourceProvider>;
    let projectRole: Required<pulumi.dynamic.ResourceProvider>;
    let roleReader: Required<pulumi.dynamic.ResourceProvider>;

    before(async () => {
        const loaded = loadProvider((await serializeProvider(dynamicProvider)).text);
        role = asResource(loaded, "Role", "managed");
        projectRole = asResource(loaded, "ProjectRole", "managed");
        roleReader = asResource(loaded, "Role", "get");
    });
    beforeEach(async () => {
        emulator = await startEmulator();
        await role.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
    });
    // The root hook (tests/helpers/wireCheck.ts) checks every request and answer against the OpenAPI document.
    afterEach(() => emulator.close());

    const calls = () => emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
    const deps = () => emulatorDependencies(emulator, fakeClock());

    it("creates a custom role with role_name, renames it and changes its permissions in place, and deletes it", async () => {
        const inputs = { name: "Auditor", permissions: ["api.usage.read"], description: "Reads usage" };
        const created = await role.create(inputs);
        assert.match(created.id, /^role_[0-9a-f]{16}$/);
        assert.deepEqual(emulator.requests[0]?.body, { role_name: "Auditor", permissions: ["api.usage.read"], description: "Reads usage" });
        assert.deepEqual(created.outs, {
            name: "Auditor",
            description: "Reads usage",
            permissions: ["api.usage.read"],
            resourceType: "api.organization",
            predefinedRole: false,
        });
        assertEngineEncodable(created.outs);
        const news = { name: "Usage Auditor", permissions: ["api.usage.read", "api.groups.read"] };
        assert.deepEqual(await role.diff(created.id, created.outs, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        const updated = await role.update(created.id, created.outs, news);
        // A description no longer given is cleared.
        assert.deepEqual(emulator.requests.at(-1)?.body, {
            role_name: "Usage Auditor",
            permissions: ["api.usage.read", "api.groups.read"],
            description: null,
        });
        assert.equal(updated.outs?.["name"], "Usage Auditor");
        assert.equal(updated.outs?.["description"], null);
        await role.delete(created.id, updated.outs);
        await role.delete(created.id, updated.outs);
        assert.deepEqual(calls(), [
            `POST ${ROLES} 200`,
            `POST ${ROLES}/${created.id} 200`,
            `DELETE ${ROLES}/${created.id} 200`,
            `DELETE ${ROLES}/${created.id} 404`,
        ]);
    });

    it("refreshes a role changed outside, and counts one deleted outside as gone", async () => {
        const created = await role.create({ name: "Auditor", permissions: ["api.usage.read"] });
        const stored = emulator.objects("Role");
        stored.set(created.id, { ...stored.get(created.id)!, permissions: ["api.usage.read", "api.organization.admin"] });
        assert.deepEqual((await role.read(created.id, created.outs)).props?.["permissions"], ["api.usage.read", "api.organization.admin"]);
        stored.delete(created.id);
        assert.deepEqual(await role.read(created.id, created.outs), { id: "" });
    });

    it("refuses bad inputs against their property before anything is sent", async () => {
        assert.deepEqual((await role.check({}, { name: " ", permissions: ["a", "a"], colour: "red" })).failures, [
            { property: "name", reason: "must not be empty" },
            { property: "permissions", reason: "must not name a permission twice" },
            { property: "colour", reason: "is not a known argument" },
        ]);
        const error = await rejectionOf(() => role.create({ name: "Auditor", permissions: "api.usage.read" }));
        assert.match(String(error), /InvalidInputError: create role refused before sending: permissions must be a list of permissions/);
        assert.deepEqual(emulator.requests, []);
    });

    it("fails to create a role whose name is taken, saying so", async () => {
        const error = await rejectionOf(() => role.create({ name: "Billing Viewer", permissions: [] }));
        assert.match(String(error), /HTTP 400: A role named 'Billing Viewer' already exists/);
    });

    it("adopts a custom role by name and applies the inputs", async () => {
        const adopted = await role.create({
            name: "Billing Viewer",
            permissions: ["api.usage.read", "api.costs.read"],
            adopt: { byName: true },
        });
        assert.equal(adopted.id, "role_billing_viewer");
        assert.deepEqual(adopted.outs?.["permissions"], ["api.usage.read", "api.costs.read"]);
        assert.deepEqual(calls(), [`GET ${ROLES}?limit=1000 200`, `POST ${ROLES}/role_billing_viewer 200`]);
    });

    it("reads a predefined role with Role.get and gates on its permissions", async () => {
        const read = await roleReader.read("role_reader", { __get: true, expect: { predefined: true } });
        assert.equal(read.props?.["name"], "reader");
        const error = await rejectionOf(() =>
            roleReader.read("role_owner", { __get: true, expect: { withoutPermissions: ["api.organization.admin"] } }),
        );
        assert.match(
            String(error),
            /ExpectationError: .*role "role_owner" fails 1 expectation: withoutPermissions: grants "api.organization.admin", expected none of them/,
        );
    });

    it("creates a project role below /projects/{project_id}/roles, id <project id>/<role id>, and updates it in place", async () => {
        const created = await projectRole.create({ projectId: "proj_web", name: "Reviewer", permissions: ["api.project.read"] });
        assert.match(created.id, /^proj_web\/role_[0-9a-f]{16}$/);
        assert.equal(created.outs?.["projectId"], "proj_web");
        assert.equal(created.outs?.["roleId"], created.id.split("/")[1]);
        assert.equal(created.outs?.["resourceType"], "api.project");
        assert.deepEqual(
            (
                await projectRole.diff(created.id, created.outs, {
                    projectId: "proj_research",
                    name: "Reviewer",
                    permissions: ["api.project.read"],
                })
            ).replaces,
            ["projectId"],
        );
        const updated = await projectRole.update(created.id, created.outs, {
            projectId: "proj_web",
            name: "Reviewer",
            permissions: [],
            description: "Nothing yet",
        });
        assert.equal(updated.outs?.["description"], "Nothing yet");
        await projectRole.delete(created.id, updated.outs);
        assert.deepEqual(calls(), [
            `POST ${WEB_ROLES} 200`,
            `POST ${WEB_ROLES}/${created.outs?.["roleId"]} 200`,
            `DELETE ${WEB_ROLES}/${created.outs?.["roleId"]} 200`,
        ]);
    });

    it("fails to create a project role in a project that does not exist", async () => {
        const error = await rejectionOf(() => projectRole.create({ projectId: "proj_nope", name: "Reviewer", permissions: [] }));
        assert.match(String(error), /NotFoundError: .*HTTP 404: No project found with id 'proj_nope'/);
    });

    describe("getRole, getRoles, getProjectRole and getProjectRoles", () => {
        it("finds a role by id and by name", async () => {
            const byName = await fetchOne(roles, { name: "Billing Viewer" }, deps());
            assert.deepEqual(byName, {
                id: "role_billing_viewer",
                name: "Billing Viewer",
                description: "Reads usage and costs.",
                permissions: ["api.usage.read"],
                resourceType: "api.organization",
                predefinedRole: false,
            });
            assert.deepEqual(await fetchOne(roles, { roleId: "role_billing_viewer" }, deps()), byName);
            const inProject = await fetchOne(projectRoles, { projectId: "proj_web", name: "Deployer" }, deps());
            assert.equal(inProject.id, "role_web_deployer");
            assert.equal(inProject["projectId"], "proj_web");
        });

        it("lists roles 1,000 a page by next, filtered to custom ones", async () => {
            const all = await fetchMany(roles, {}, deps());
            assert.deepEqual(
                all["roles"]!.map((one) => one.id),
                ["role_owner", "role_reader", "role_billing_viewer"],
            );
            const custom = await fetchMany(roles, { predefined: false }, deps());
            assert.deepEqual(
                custom["roles"]!.map((one) => one.id),
                ["role_billing_viewer"],
            );
            const web = await fetchMany(projectRoles, { projectId: "proj_web" }, deps());
            assert.equal(web["roles"]!.length, 3);
            assert.deepEqual(calls(), [`GET ${ROLES}?limit=1000 200`, `GET ${ROLES}?limit=1000 200`, `GET ${WEB_ROLES}?limit=1000 200`]);
        });

        it("follows the next cursor across pages", async () => {
            for (let index = 0; index < 1001; index++) {
                emulator.objects("Role").set(`role_many_${index}`, {
                    object: "role",
                    id: `role_many_${index}`,
                    name: `Many ${index}`,
                    description: null,
                    permissions: [],
                    resource_type: "api.organization",
                    predefined_role: false,
                });
            }
            const all = await fetchMany(roles, {}, deps());
            assert.equal(all["roles"]!.length, 1004);
            assert.deepEqual(calls(), [`GET ${ROLES}?limit=1000 200`, `GET ${ROLES}?limit=1000&after=role_many_996 200`]);
        });

        it("names each listed role that fails an expectation", async () => {
            const error = await rejectionOf(() => fetchMany(roles, { expect: { withoutPermissions: ["api.organization.read"] } }, deps()));
            assert.match(
                String(error),
                /ExpectationError: 2 of the roles of the organization fail their expectations: "role_owner" \(withoutPermissions: grants "api.organization.read", expected none of them\), "role_reader" \(/,
            );
        });

        it("refuses a misspelt filter before sending", async () => {
            const error = await rejectionOf(() => fetchMany(roles, { predefind: true }, deps()));
            assert.match(String(error), /predefind/);
            assert.deepEqual(emulator.requests, []);
        });
    });
});
