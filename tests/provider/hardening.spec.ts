import * as assert from "node:assert/strict";
import { ConfigurationError } from "../../provider/core/errors";
import { resolveSettings } from "../../provider/core/settings";
import { failureOf, TEST_ADMIN_KEY } from "../helpers/localServer";

const ATTEMPT = { operation: "retrieve admin API key", target: "key_abc" };
const noConfig = () => undefined;

describe("hardening (issue 9)", () => {
    describe("base URLs (defect 8)", () => {
        for (const baseUrl of ["https://api.openai.com/v1?", "https://api.openai.com/v1#", "http://127.0.0.1:8080/v1?#"]) {
            it(`refuses ${JSON.stringify(baseUrl)}: a bare "?" or "#" is still a query or a fragment`, async () => {
                const error = await failureOf(async () =>
                    resolveSettings(ATTEMPT, noConfig, { OPENAI_ADMIN_KEY: TEST_ADMIN_KEY, OPENAI_BASE_URL: baseUrl }),
                );
                assert.ok(error instanceof ConfigurationError, error.message);
                assert.match(error.message, /openai:baseUrl \(or OPENAI_BASE_URL\) must not have a query or a fragment/);
            });
        }

        it("still takes an API root without a query or a fragment", () => {
            const settings = resolveSettings(ATTEMPT, noConfig, {
                OPENAI_ADMIN_KEY: TEST_ADMIN_KEY,
                OPENAI_BASE_URL: "https://api.openai.com/v1/",
            });
            assert.equal(settings.baseUrl, "https://api.openai.com/v1");
        });
    });
});
