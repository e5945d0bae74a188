import * as assert from "node:assert/strict";
import { AdminApiEmulator } from "../../provider/emulator";
import { startedEmulators } from "../helpers/emulator";
import { mochaHooks } from "../helpers/wireCheck";

describe("the wire check after every test", () => {
    const seen = (requests: AdminApiEmulator["requests"]) => ({ requests }) as unknown as AdminApiEmulator;

    it("fails a test whose requests the OpenAPI document does not describe, naming each problem", () => {
        startedEmulators.push(
            seen([{ method: "POST", path: "/v1/organization/projects", status: 400, requestId: "req_1", body: { nam: "x" } }]),
        );
        assert.throws(() => mochaHooks.afterEach(), /POST \/v1\/organization\/projects: request body: must have required property 'name'/);
        assert.equal(startedEmulators.length, 0, "each emulator is checked once");
    });

    it("fails a test in which the emulator answered what the document does not describe", () => {
        startedEmulators.push(
            seen([
                {
                    method: "GET",
                    path: "/v1/organization/projects/proj_1",
                    status: 200,
                    requestId: "req_2",
                    answer: { id: "proj_1", object: "organization.project" },
                },
            ]),
        );
        assert.throws(() => mochaHooks.afterEach(), /answer: 200 answer: must have required property 'created_at'/);
    });

    it("passes requests and answers the document describes", () => {
        startedEmulators.push(
            seen([
                {
                    method: "GET",
                    path: "/v1/organization/projects?limit=100&include_archived=true",
                    status: 200,
                    requestId: "req_3",
                    answer: { object: "list", data: [], has_more: false },
                },
            ]),
        );
        mochaHooks.afterEach();
    });
});
