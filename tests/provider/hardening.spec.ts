import * as assert from "node:assert/strict";
import { ConfigurationError } from "../../provider/core/errors";
import { resolveSettings } from "../../provider/core/settings";
import { failureOf, renderings, TEST_ADMIN_KEY } from "../helpers/localServer";

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

    describe("admin keys that cannot go into a header (defect 6)", () => {
        const keys: Array<[string, string]> = [
            ["a Latin-1 letter", `${TEST_ADMIN_KEY}é`],
            ["Cyrillic letters", `${TEST_ADMIN_KEY}ключ`],
            ["a NUL", `${TEST_ADMIN_KEY}\u0000`],
            ["a DEL", `${TEST_ADMIN_KEY}\u007f`],
            ["a CR LF", `${TEST_ADMIN_KEY}\r\nX-Injected: 1`],
            ["a zero-width space", `${TEST_ADMIN_KEY}\u200b`],
        ];
        for (const [what, key] of keys) {
            it(`refuses a key with ${what}, naming the setting and not showing the key`, async () => {
                const error = await failureOf(async () => resolveSettings(ATTEMPT, noConfig, { OPENAI_ADMIN_KEY: key }));
                assert.ok(error instanceof ConfigurationError, error.message);
                assert.match(error.message, /openai:adminKey \(or OPENAI_ADMIN_KEY\)/);
                for (const text of renderings(error)) {
                    assert.ok(!text.includes(TEST_ADMIN_KEY), text);
                }
            });
        }
    });
});
