import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import * as sinon from "sinon";
import { programDependencies } from "../../provider/pulumi/programClient";

describe("programDependencies", () => {
    afterEach(() => sinon.restore());

    it("logs a wait for the rate limit at Pulumi's info level", () => {
        const info = sinon.stub(pulumi.log, "info").resolves();
        programDependencies().client?.onWait?.(1500, "rate limited by the API (429)", "GET /organization/admin_api_keys/{key_id}");
        assert.deepEqual(info.args, [
            ["pulumi-openai-admin: waiting 1.5 s before GET /organization/admin_api_keys/{key_id}: rate limited by the API (429)"],
        ]);
    });

    it("shares one read cache across calls in the process", () => {
        assert.ok(programDependencies().readCache !== undefined);
        assert.equal(programDependencies().readCache, programDependencies().readCache);
    });
});
