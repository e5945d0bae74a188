import * as assert from "node:assert/strict";
import { adminApiKeys, toAdminApiKeyMetadata } from "../../provider/api/organization/adminApiKeys";

const LIST_PAGE_SIZE = adminApiKeys.list!.paging.pageSize;
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { InvalidInputError, InvalidResponseError } from "../../provider/core/errors";
import { fetchAdminApiKeys } from "../../provider/pulumi/adminApiKey";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { manyKeys } from "../helpers/keyFixtures";

const NOW = 1_795_000_000;

describe("getAdminApiKeys against the emulator", () => {
    let emulator: AdminApiEmulator;

    afterEach(() => emulator.close());

    const list = (args?: Parameters<typeof fetchAdminApiKeys>[0]) =>
        fetchAdminApiKeys(args, { ...emulatorDependencies(emulator, fakeClock()), nowSeconds: () => NOW });

    it("follows the cursor through every page with the largest page size", async () => {
        emulator = await startEmulator({ keys: manyKeys(250, NOW) });
        const { keys } = await list();
        assert.equal(keys.length, 250);
        assert.deepEqual(keys[0], toAdminApiKeyMetadata(emulator.keys.get("key_0000")!));
        assert.equal(keys[249]?.id, "key_0249");
        assert.deepEqual(
            emulator.requests.map((r) => r.path),
            [
                `/v1/organization/admin_api_keys?limit=${LIST_PAGE_SIZE}&order=asc`,
                `/v1/organization/admin_api_keys?limit=${LIST_PAGE_SIZE}&order=asc&after=key_0099`,
                `/v1/organization/admin_api_keys?limit=${LIST_PAGE_SIZE}&order=asc&after=key_0199`,
            ],
        );
    });

    it("lists in descending order when asked", async () => {
        emulator = await startEmulator({ keys: manyKeys(120, NOW) });
        const { keys } = await list({ order: "desc" });
        assert.deepEqual(
            keys.slice(0, 2).map((k) => k.id),
            ["key_0119", "key_0118"],
        );
        assert.equal(keys.length, 120);
    });

    it("combines filters on owner type, owner id, name and expiry", async () => {
        emulator = await startEmulator({ keys: manyKeys(60, NOW) });
        const serviceAccounts = (await list({ ownerType: "service_account" })).keys;
        assert.equal(serviceAccounts.length, 20);
        assert.ok(serviceAccounts.every((k) => k.owner.type === "service_account"));
        const expired = (await list({ expired: true })).keys;
        assert.deepEqual(expired.map((k) => k.id).slice(0, 3), ["key_0000", "key_0005", "key_0010"]);
        assert.equal((await list({ expired: false })).keys.length, 48);
        const live = (await list({ ownerType: "user", ownerId: "user_1", expired: false })).keys;
        assert.deepEqual(
            live.map((k) => k.id),
            ["key_0001", "key_0013", "key_0017", "key_0029", "key_0037", "key_0041", "key_0049", "key_0053"],
        );
        assert.deepEqual(
            (await list({ name: "key number 7" })).keys.map((k) => k.id),
            ["key_0007"],
        );
    });

    it("stops on a page that says has_more but carries no keys", async () => {
        emulator = await startEmulator({ keys: [] });
        emulator.injectFaults({
            kind: "body",
            contentType: "application/json",
            body: JSON.stringify({ object: "list", data: [], has_more: true }),
        });
        assert.deepEqual((await list()).keys, []);
        assert.equal(emulator.requests.length, 1);
    });

    it("follows the last key's id when a page has no last_id", async () => {
        emulator = await startEmulator({ keys: manyKeys(150, NOW) });
        const firstPage = manyKeys(100, NOW);
        emulator.injectFaults({
            kind: "body",
            contentType: "application/json",
            body: JSON.stringify({ object: "list", data: firstPage, has_more: true }),
        });
        assert.equal((await list()).keys.length, 150);
        assert.match(emulator.requests[1]!.path, /after=key_0099$/);
    });

    it("refuses a cursor that comes back, instead of looping forever", async () => {
        emulator = await startEmulator({ keys: [] });
        const page = JSON.stringify({ object: "list", data: manyKeys(2, NOW), last_id: "key_0001", has_more: true });
        emulator.injectFaults(...[1, 2, 3].map(() => ({ kind: "body" as const, contentType: "application/json", body: page })));
        const error = await rejectionOf(() => list());
        assert.ok(error instanceof InvalidResponseError);
        assert.match(
            error.message,
            /^list admin API keys after "key_0001" failed: response is not usable: the pagination cursor "key_0001" came back a second time after 4 keys/,
        );
        assert.equal(emulator.requests.length, 2);
    });

    it("explains a page that is not a list", async () => {
        emulator = await startEmulator();
        emulator.injectFaults({
            kind: "body",
            contentType: "application/json",
            body: JSON.stringify({ object: "organization.admin_api_key", id: "key_x" }),
        });
        const error = await rejectionOf(() => list());
        assert.match(error.message, /^list admin API keys failed: HTTP 200 response is not usable: object: is not "list"/);
    });

    it("refuses an unknown filter or a bad value before sending anything", async () => {
        emulator = await startEmulator();
        const typo = await rejectionOf(() => list({ ownerTyp: "user" } as never));
        assert.ok(typo instanceof InvalidInputError);
        assert.match(typo.message, /^list admin API keys refused before sending: ownerTyp is not a known field/);
        const bad = await rejectionOf(() => list({ order: "newest" } as never));
        assert.match(bad.message, /order is not valid/);
        assert.equal(emulator.requests.length, 0);
    });
});
