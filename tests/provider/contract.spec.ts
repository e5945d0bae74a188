// The contract every declared resource keeps, checked generically: a new declaration in
// provider/api/index.ts is covered here without a line of its own. Each resource's spec
// then adds only its quirks.
import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import { AnyDeclaration, idPropertiesOf, parentPropertiesOf } from "../../provider/api/declaration";
import { declarations } from "../../provider/api/index";
import { idsOf, Ids, listObjects, resourceIdOf } from "../../provider/api/operations";
import { fetchMany, fetchOne } from "../../provider/pulumi/dataSources";
import { clientFactory } from "../../provider/pulumi/programClient";
import { AdminApiEmulator, Fault, startEmulator } from "../helpers/emulator";
import { emulatorDependencies, rejectionOf } from "../helpers/emulatorClient";
import { fakeClock } from "../helpers/fakeClock";
import { cloneWithId } from "../helpers/seedClones";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest } from "../helpers/serializedProvider";

const SECRET_LOOKING_ID = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
const BAD_IDS: ReadonlyArray<[string, string]> = [
    ["an empty id", ""],
    ["an id with a slash", "a/b"],
    ["a dot-dot id", ".."],
    ["an id that looks like an API key", SECRET_LOOKING_ID],
];

/** Every rendering of an error that could reach a terminal, a log or a state file. */
function renderings(error: Error): string[] {
    return [error.message, String(error), error.stack ?? "", inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error)];
}

function assertNoKey(error: Error, adminKey: string): void {
    for (const text of renderings(error)) {
        assert.ok(!text.includes(adminKey), `the admin key appears in: ${text.slice(0, 300)}`);
    }
}

/** The seeds of a type, by resource id, as the emulator holds them. */
function seedsOf(emulator: AdminApiEmulator, declaration: AnyDeclaration): Array<[string, Record<string, unknown>]> {
    const seeds = [...emulator.objects(declaration.type).entries()];
    assert.ok(seeds.length > 0, `the emulator seeds no ${declaration.plural}: the contract needs at least one`);
    return seeds;
}

/** The ids of the first seed, by argument name: a read that works. */
function firstIds(emulator: AdminApiEmulator, declaration: AnyDeclaration): Ids {
    return idsOf(declaration, seedsOf(emulator, declaration)[0]![0]);
}

for (const declaration of Object.values(declarations)) {
    const { type } = declaration;
    const idProperties = idPropertiesOf(declaration);
    const parents = parentPropertiesOf(declaration);

    describe(`The contract of ${type}`, () => {
        let emulator: AdminApiEmulator;
        const deps = () => emulatorDependencies(emulator, fakeClock());
        const sentSince = (start: number) => emulator.requests.slice(start);

        beforeEach(async () => {
            emulator = await startEmulator();
        });
        afterEach(() => emulator.close());

        it("maps every seeded object to outputs its schema accepts, and a retrieve returns exactly that", async () => {
            for (const [resourceId, wire] of seedsOf(emulator, declaration)) {
                const mapped = declaration.toPublic(declaration.wire().parse(wire));
                const parsed = declaration.outputs().safeParse(mapped);
                assert.ok(parsed.success, `${resourceId}: ${parsed.success ? "" : parsed.error.message}`);
                const ids = idsOf(declaration, resourceId);
                const parentIds = Object.fromEntries(parents.map((name) => [name, ids[name]]));
                assert.deepEqual(await fetchOne(declaration, { ...ids }, deps()), { ...mapped, ...parentIds }, resourceId);
            }
        });

        const list = declaration.list;
        if (list !== undefined) {
            it("lists more than a page in order, with the fewest requests", async () => {
                const paging = list.paging;
                const [seedId, seed] = seedsOf(emulator, declaration)[0]!;
                const parentIds = Object.fromEntries(parents.map((name) => [name, idsOf(declaration, seedId)[name]]));
                const prefix = parents.length === 0 ? "" : `${parents.map((name) => String(parentIds[name])).join("/")}/`;
                const store = emulator.objects(type);
                const siblings = () => [...store.keys()].filter((id) => id.startsWith(prefix) && !id.slice(prefix.length).includes("/"));
                for (let index = 0; siblings().length <= 2 * paging.pageSize; index += 1) {
                    const id = `${seedId.slice(prefix.length)}x${index}`;
                    store.set(`${prefix}${id}`, cloneWithId(declaration, seed, id));
                }
                const expected = siblings().map((id) => id.slice(prefix.length));
                const start = emulator.requests.length;
                const listed = await listObjects(clientFactory(deps()), declaration, parentIds, declaration.list?.everything);
                assert.deepEqual(
                    listed.map((object) => object.id),
                    expected,
                );
                const sent = sentSince(start);
                assert.equal(sent.length, Math.ceil(expected.length / paging.pageSize), sent.map((r) => r.path).join("\n"));
                assert.ok(
                    sent.every((r) => r.method === "GET" && r.status === 200),
                    "every page is one GET",
                );
            });
        }

        for (const property of idProperties) {
            for (const [what, bad] of BAD_IDS) {
                it(`refuses ${what} as ${property} before sending, naming ${property}`, async () => {
                    const ids = { ...firstIds(emulator, declaration), [property]: bad };
                    const error = await rejectionOf(() => fetchOne(declaration, ids, deps()));
                    assert.equal(error.name, "InvalidInputError");
                    assert.match(error.message, new RegExp(`\\b${property}\\b`));
                    assert.ok(!error.message.includes(SECRET_LOOKING_ID), "a secret-looking id is not echoed");
                    assert.deepEqual(emulator.requests, []);
                });
            }
        }

        if (parents.length > 0) {
            it("takes the composite id <parent>/<own> as its resource id, and a wrong parent is a 404 naming it", async () => {
                const provider = asResource(dynamicProvider, type, "get");
                await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
                const ids = firstIds(emulator, declaration);
                const resourceId = resourceIdOf(declaration, ids);
                assert.match(resourceId, new RegExp(`^${idProperties.map((name) => String(ids[name])).join("/")}$`));
                const read = await provider.read(resourceId, {});
                assert.equal(read.id, resourceId);
                for (const name of idProperties) {
                    assert.equal(read.props?.[name], ids[name], name);
                }

                const wrong = resourceIdOf(declaration, { ...ids, [parents[0]!]: "missing_parent" });
                const error = await rejectionOf(() => provider.read(wrong, {}));
                assert.match(error.message, /HTTP 404/);
                assert.match(error.message, /missing_parent/);
                assertNoKey(error, emulator.adminKey);
            });
        }

        it("refuses a malformed resource id in the provider before sending, naming the id property", async () => {
            const provider = asResource(dynamicProvider, type, "get");
            await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
            const ids = firstIds(emulator, declaration);
            const parentPart = parents.map((name) => `${String(ids[name])}/`).join("");
            const own = String(ids[idProperties.at(-1)!]);
            const cases: Array<[string, string]> = [
                [`${parentPart}..`, idProperties.at(-1)!],
                [`${parentPart}${own}/extra`, idProperties.at(-1)!],
                ...(parents.length === 0
                    ? []
                    : ([
                          [`/${own}`, parents[0]!],
                          // With only the own id, it stands for the first parent and the next id
                          // property is the one missing: the own id under one parent, the second
                          // parent under two.
                          [own, idProperties[1]!],
                      ] as Array<[string, string]>)),
            ];
            for (const [resourceId, property] of cases) {
                const error = await rejectionOf(() => provider.read(resourceId, {}));
                assert.equal(error.name, "InvalidInputError", `${resourceId}: ${error.message}`);
                assert.match(error.message, new RegExp(`\\b${property}\\b`), resourceId);
            }
            assert.deepEqual(emulator.requests, []);
        });

        it("says in a 404 what was done to which id, the status, OpenAI's message and the request id", async () => {
            const ids = { ...firstIds(emulator, declaration), [idProperties.at(-1)!]: "missing_object" };
            const error = await rejectionOf(() => fetchOne(declaration, ids, deps()));
            assert.equal(error.name, "NotFoundError");
            assert.match(error.message, new RegExp(`retrieve ${declaration.noun}`));
            assert.match(error.message, /missing_object/);
            assert.match(error.message, /HTTP 404/);
            const last = emulator.requests.at(-1)!;
            if (declaration.retrieve === "get") {
                assert.match(error.message, /No .* found with id 'missing_object'/);
                assert.ok(error.message.includes(last.requestId), `the request id ${last.requestId} in: ${error.message}`);
            } else {
                // Read from the list: its answer was good; the 404 is the package's, and says so.
                assert.match(error.message, new RegExp(`not among the ${declaration.plural} the list returned`));
            }
            assertNoKey(error, emulator.adminKey);
        });

        const faultRows: ReadonlyArray<[string, Fault, string | undefined, number]> = [
            ["a 500 then success", { kind: "status", status: 500 }, undefined, 2],
            ["a reset connection", { kind: "reset" }, undefined, 2],
            ["a 401", { kind: "status", status: 401 }, "AuthenticationError", 1],
            ["a truncated body", { kind: "truncate" }, "InvalidResponseError", 1],
        ];
        for (const [what, fault, errorName, requests] of faultRows) {
            it(`reads through ${what}: ${errorName ?? "ok"} after ${requests} request${requests > 1 ? "s" : ""}`, async () => {
                const ids = firstIds(emulator, declaration);
                emulator.injectFaults(fault);
                if (errorName === undefined) {
                    const object = await fetchOne(declaration, { ...ids }, deps());
                    assert.equal(object.id, ids[idProperties.at(-1)!]);
                } else {
                    const error = await rejectionOf(() => fetchOne(declaration, { ...ids }, deps()));
                    assert.equal(error.name, errorName);
                    assertNoKey(error, emulator.adminKey);
                }
                assert.equal(emulator.requests.length, requests);
            });
        }

        if (list !== undefined) {
            it("lists through the data source as one request per page", async () => {
                const ids = firstIds(emulator, declaration);
                const parentIds = Object.fromEntries(parents.map((name) => [name, ids[name]]));
                const result = await fetchMany(declaration, parentIds, deps());
                assert.ok(Array.isArray(result[declaration.listKey]), `returns { ${declaration.listKey} }`);
                assert.equal(emulator.requests.length, 1);
            });
        }

        if (declaration.managed !== undefined) {
            it("refuses an unknown input in check, naming it, before sending", async () => {
                const provider = asResource(dynamicProvider, type, "managed");
                const result = await provider.check({}, { colour: "teal" });
                assert.ok(
                    result.failures?.some((failure) => failure.property === "colour" && /not a known argument/.test(failure.reason)),
                    JSON.stringify(result.failures),
                );
                assert.deepEqual(emulator.requests, []);
            });
        }
    });
}
