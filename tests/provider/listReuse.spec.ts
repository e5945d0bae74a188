import * as assert from "node:assert/strict";
import * as sinon from "sinon";
import { LIST_REUSE_MS } from "../../provider/api/batchedReads";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { checkRequest } from "../helpers/openApi";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest } from "../helpers/serializedProvider";

describe("Reads shared by a collection's list", () => {
    let emulator: AdminApiEmulator;
    let accounts: ReturnType<typeof asResource>;
    let clock: sinon.SinonFakeTimers | undefined;

    beforeEach(async () => {
        emulator = await startEmulator();
        for (const name of ["a", "b", "c"]) {
            emulator.objects("ProjectServiceAccount").set(`proj_web/svc_acct_${name}`, {
                object: "organization.project.service_account",
                id: `svc_acct_${name}`,
                name: `bot-${name}`,
                role: "member",
                created_at: 1_700_000_000,
            });
        }
        accounts = asResource(dynamicProvider, "ProjectServiceAccount", "managed");
        await accounts.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
    });
    afterEach(async () => {
        clock?.restore();
        clock = undefined;
        for (const request of emulator.requests) {
            assert.deepEqual(checkRequest(request), [], `${request.method} ${request.path}`);
        }
        await emulator.close();
    });

    const LIST = "/v1/organization/projects/proj_web/service_accounts?limit=100";
    const paths = () => emulator.requests.map((request) => request.path);
    const read = (id: string) => accounts.read(`proj_web/${id}`, {});

    it("reads a lone object with one GET of it", async () => {
        const result = await read("svc_acct_a");
        assert.equal(result.props?.["name"], "bot-a");
        assert.deepEqual(paths(), ["/v1/organization/projects/proj_web/service_accounts/svc_acct_a"]);
    });

    it("serves reads that come together by one list, with the outputs single reads give", async () => {
        const [a, b] = await Promise.all([read("svc_acct_a"), read("svc_acct_b")]);
        assert.deepEqual(paths(), [LIST]);
        const single = await asResource(dynamicProvider, "ProjectServiceAccount", "managed").read("proj_web/svc_acct_c", {});
        assert.deepEqual(Object.keys(a.props ?? {}).sort(), Object.keys(single.props ?? {}).sort());
        assert.equal(a.props?.["name"], "bot-a");
        assert.equal(b.props?.["serviceAccountId"], "svc_acct_b");
    });

    it("serves later reads of the collection by the same list, and reads an id it lacked on its own", async () => {
        await Promise.all([read("svc_acct_a"), read("svc_acct_b")]);
        assert.equal((await read("svc_acct_c")).props?.["name"], "bot-c");
        assert.deepEqual(paths(), [LIST], "svc_acct_c was in the list");
        assert.deepEqual(await read("svc_acct_gone"), { id: "" });
        assert.deepEqual(paths(), [LIST, "/v1/organization/projects/proj_web/service_accounts/svc_acct_gone"]);
    });

    it("lists the collection on a second lone read of another of its objects", async () => {
        await read("svc_acct_a");
        await read("svc_acct_b");
        await read("svc_acct_c");
        assert.deepEqual(paths(), ["/v1/organization/projects/proj_web/service_accounts/svc_acct_a", LIST]);
    });

    it("lists a collection on a lone read that follows a read of the same type in another project", async () => {
        emulator.objects("ProjectServiceAccount").set("proj_default/svc_acct_d", {
            object: "organization.project.service_account",
            id: "svc_acct_d",
            name: "bot-d",
            role: "member",
            created_at: 1_700_000_000,
        });
        assert.equal((await accounts.read("proj_default/svc_acct_d", {})).props?.["name"], "bot-d");
        await read("svc_acct_a");
        await read("svc_acct_b");
        assert.deepEqual(paths(), ["/v1/organization/projects/proj_default/service_accounts/svc_acct_d", LIST]);
    });

    it("reads the same object again with a GET each time", async () => {
        await read("svc_acct_a");
        await read("svc_acct_a");
        assert.equal(paths().length, 2);
        assert.ok(paths().every((path) => path.endsWith("/svc_acct_a")));
    });

    it("lists again once the last list is older than the reuse period", async () => {
        clock = sinon.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
        await Promise.all([read("svc_acct_a"), read("svc_acct_b")]);
        clock.tick(LIST_REUSE_MS);
        emulator.objects("ProjectServiceAccount").get("proj_web/svc_acct_c")!["name"] = "renamed";
        assert.equal((await read("svc_acct_c")).props?.["name"], "renamed");
        assert.notDeepEqual(paths().slice(1), [], "a new request was made");
    });

    it("never serves a read after the provider changed an object of the type from an earlier list", async () => {
        await Promise.all([read("svc_acct_a"), read("svc_acct_b")]);
        await accounts.update("proj_web/svc_acct_c", { name: "bot-c", role: "member" }, { name: "bot-c", role: "owner" });
        assert.equal((await read("svc_acct_c")).props?.["role"], "owner");
        await accounts.delete("proj_web/svc_acct_b", {});
        assert.deepEqual(await read("svc_acct_b"), { id: "" });
    });

    it("reads each object on its own when the list fails, each with its own answer", async () => {
        emulator.injectFaults({ kind: "status", status: 403, message: "Listing is not allowed." });
        const [a, gone] = await Promise.all([read("svc_acct_a"), read("svc_acct_gone")]);
        assert.equal(a.props?.["name"], "bot-a");
        assert.deepEqual(gone, { id: "" });
        assert.equal(paths()[0], LIST);
        assert.equal(paths().length, 3);
    });
});
