import * as assert from "node:assert/strict";
import axios from "axios";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { checkRequest, checkResponse, loadSpec } from "../helpers/openApi";

const PROJECT = { id: "proj_1", object: "organization.project", name: "x", created_at: 1, archived_at: null, status: "active" };

/** Asserts exactly one problem, matching `pattern`. */
function assertOneProblem(problems: string[], pattern: RegExp): void {
    assert.equal(problems.length, 1, `expected one problem, got: ${JSON.stringify(problems)}`);
    assert.match(problems[0]!, pattern);
}

describe("OpenAPI checker", () => {
    before(function () {
        // Parsing the 87k-line document takes about a second; only the first test should pay for it.
        this.timeout(30_000);
        loadSpec();
    });

    it("parses the document once per process", () => {
        const spec = loadSpec();
        assert.equal(loadSpec(), spec);
        assert.match(spec.openapi, /^3\.1\./);
        assert.ok(spec.paths["/organization/admin_api_keys"]?.get, "the admin API key list is declared");
    });

    describe("requests: path and method", () => {
        it("accepts a path below /v1 as well as below the API root", () => {
            assert.deepEqual(checkRequest({ method: "GET", path: "/organization/admin_api_keys" }), []);
            assert.deepEqual(checkRequest({ method: "get", path: "/v1/organization/admin_api_keys/key_1" }), []);
        });

        it("names a path no operation matches", () => {
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/nonexistent" }),
                /^no path in the OpenAPI document matches GET \/organization\/nonexistent$/,
            );
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/projects//users" }),
                /^no path in the OpenAPI document matches GET \/organization\/projects\/\/users$/,
            );
        });

        it("names the methods a path declares when the one used is not among them", () => {
            assertOneProblem(
                checkRequest({ method: "PATCH", path: "/organization/projects/proj_1" }),
                /^\/organization\/projects\/\{project_id\} declares no PATCH operation \(declared: GET, POST\)$/,
            );
        });

        it("prefers a literal segment over a {parameter}", () => {
            // The path also fits `/organization/certificates/{certificate_id}`, whose POST (modify) takes `{}`; only `activate` requires `certificate_ids`.
            assert.deepEqual(
                checkRequest({ method: "POST", path: "/organization/certificates/activate", body: { certificate_ids: ["cert_1"] } }),
                [],
            );
            assertOneProblem(
                checkRequest({ method: "POST", path: "/organization/certificates/activate", body: {} }),
                /^request body: must have required property 'certificate_ids'$/,
            );
        });
    });

    describe("requests: query parameters", () => {
        it("accepts declared parameters whose values fit their schemas", () => {
            assert.deepEqual(checkRequest({ method: "GET", path: "/organization/admin_api_keys?limit=100&order=asc" }), []);
            assert.deepEqual(checkRequest({ method: "GET", path: "/organization/admin_api_keys?after=key_1&limit=20&order=desc" }), []);
            assert.deepEqual(checkRequest({ method: "GET", path: "/organization/projects?include_archived=true&limit=5" }), []);
        });

        it("names an undeclared parameter and lists the declared ones", () => {
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/admin_api_keys?limt=100" }),
                /^query parameter "limt" is not declared by GET \/organization\/admin_api_keys \(declared: after, order, limit\)$/,
            );
        });

        it("rejects a value that is not an integer, a boolean or one of an enum", () => {
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/admin_api_keys?limit=ten" }),
                /^query parameter "limit": must be integer$/,
            );
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/admin_api_keys?limit=1.5" }),
                /^query parameter "limit": must be integer$/,
            );
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/projects?include_archived=yes" }),
                /^query parameter "include_archived": must be boolean$/,
            );
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/admin_api_keys?order=newest" }),
                /^query parameter "order": must be equal to one of the allowed values: "asc", "desc"$/,
            );
        });

        it("rejects a single-valued parameter given twice", () => {
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/admin_api_keys?limit=1&limit=2" }),
                /^query parameter "limit" is given 2 times, but GET \/organization\/admin_api_keys declares it as a single value$/,
            );
        });

        it("takes an array as repeated parameters or as name[], and checks every item", () => {
            assert.deepEqual(
                checkRequest({ method: "GET", path: "/organization/costs?start_time=1&group_by=project_id&group_by=line_item" }),
                [],
            );
            assert.deepEqual(
                checkRequest({ method: "GET", path: "/organization/costs?start_time=1&project_ids[]=proj_1&project_ids[]=proj_2" }),
                [],
            );
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/costs?start_time=1&group_by=project_id&group_by=model" }),
                /^query parameter "group_by" at \/1: must be equal to one of the allowed values: "project_id", "line_item", "api_key_id"$/,
            );
        });

        it("names a required parameter that is missing", () => {
            assertOneProblem(
                checkRequest({ method: "GET", path: "/organization/costs?limit=7" }),
                /^required query parameter "start_time" of GET \/organization\/costs is missing$/,
            );
        });
    });

    describe("requests: bodies", () => {
        it("accepts a body that fits the operation's schema", () => {
            assert.deepEqual(checkRequest({ method: "POST", path: "/organization/projects", body: { name: "x" } }), []);
            assert.deepEqual(
                checkRequest({
                    method: "POST",
                    path: "/organization/projects/proj_1/rate_limits/rl_1",
                    body: { max_requests_per_1_minute: 10 },
                }),
                [],
            );
            assert.deepEqual(
                checkRequest({ method: "POST", path: "/organization/projects/proj_1/users", body: { user_id: "user_1", role: "member" } }),
                [],
            );
        });

        it("names a required property that is missing", () => {
            assertOneProblem(
                checkRequest({ method: "POST", path: "/organization/projects", body: {} }),
                /^request body: must have required property 'name'$/,
            );
        });

        it("names a property of the wrong type, with its JSON pointer", () => {
            assertOneProblem(
                checkRequest({ method: "POST", path: "/organization/projects", body: { name: 5 } }),
                /^request body at \/name: must be string$/,
            );
            assertOneProblem(
                checkRequest({
                    method: "POST",
                    path: "/organization/projects/proj_1/rate_limits/rl_1",
                    body: { max_requests_per_1_minute: "ten" },
                }),
                /^request body at \/max_requests_per_1_minute: must be integer$/,
            );
        });

        it("enforces the limits a schema declares", () => {
            assertOneProblem(
                checkRequest({ method: "POST", path: "/organization/admin_api_keys", body: { name: "k", expires_in_seconds: 0 } }),
                /^request body at \/expires_in_seconds: must be >= 1$/,
            );
        });

        it("accepts no body where the operation declares none, and rejects one there", () => {
            assert.deepEqual(checkRequest({ method: "POST", path: "/organization/projects/proj_1/archive" }), []);
            assertOneProblem(
                checkRequest({ method: "POST", path: "/organization/projects/proj_1/archive", body: {} }),
                /^POST \/organization\/projects\/\{project_id\}\/archive declares no request body, but one was sent$/,
            );
        });

        it("rejects a missing body where the operation requires one", () => {
            assertOneProblem(
                checkRequest({ method: "POST", path: "/organization/projects" }),
                /^POST \/organization\/projects requires a request body, but none was sent$/,
            );
        });
    });

    describe("answers", () => {
        it("accepts a project object", () => {
            assert.deepEqual(checkResponse({ method: "GET", path: "/organization/projects/proj_1" }, 200, PROJECT), []);
        });

        it("names a required property the answer lacks", () => {
            const { created_at: _createdAt, ...withoutCreatedAt } = PROJECT;
            assertOneProblem(
                checkResponse({ method: "GET", path: "/organization/projects/proj_1" }, 200, withoutCreatedAt),
                /^200 answer: must have required property 'created_at'$/,
            );
        });

        it("names both alternatives when a nullable field holds neither", () => {
            assertOneProblem(
                checkResponse({ method: "GET", path: "/organization/projects/proj_1" }, 200, { ...PROJECT, archived_at: "yesterday" }),
                /^200 answer at \/archived_at: must be integer or must be null$/,
            );
        });

        it("checks every item of a list page", () => {
            const page = { object: "list", data: [PROJECT], first_id: "proj_1", last_id: "proj_1", has_more: false };
            assert.deepEqual(checkResponse({ method: "GET", path: "/organization/projects?limit=20" }, 200, page), []);
            assertOneProblem(
                checkResponse({ method: "GET", path: "/organization/projects" }, 200, {
                    ...page,
                    data: [{ ...PROJECT, object: "project" }],
                }),
                /^200 answer at \/data\/0\/object: must be equal to one of the allowed values: "organization.project"$/,
            );
        });

        it("rejects a success status the operation does not declare", () => {
            assertOneProblem(
                checkResponse({ method: "GET", path: "/organization/projects/proj_1" }, 201, PROJECT),
                /^GET \/organization\/projects\/\{project_id\} declares no 201 answer \(declared: 200\)$/,
            );
        });
    });

    describe("the admin-key emulator", () => {
        let emulator: AdminApiEmulator;

        before(async () => {
            emulator = await startEmulator();
        });
        after(() => emulator.close());

        it("answers a key lookup as the document declares", async () => {
            const path = "/organization/admin_api_keys/key_user_owned";
            assert.deepEqual(checkRequest({ method: "GET", path }), []);
            const answer = await axios.get<unknown>(`${emulator.baseUrl}${path}`, {
                headers: { Authorization: `Bearer ${emulator.adminKey}` },
            });
            assert.equal(answer.status, 200);
            assert.deepEqual(checkResponse({ method: "GET", path }, answer.status, answer.data), []);
        });
    });
});
