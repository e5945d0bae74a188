import * as assert from "node:assert/strict";
import { ConfigurationError, InvalidInputError } from "../../provider/core/errors";
import { fillPath, path } from "../../provider/core/paths";
import { resolveSettings } from "../../provider/core/settings";
import { encodePathSegment } from "../../provider/core/validation";
import { failureOf, renderings, TEST_ADMIN_KEY } from "../helpers/localServer";

const ATTEMPT = { operation: "retrieve admin API key", target: "key_abc" };
const noConfig = () => undefined;

function thrownBy(run: () => unknown): unknown {
    try {
        run();
    } catch (error) {
        return error;
    }
    throw new Error("expected a throw, but the call returned");
}

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

    describe("ids (defect 7)", () => {
        const LIST = { operation: "retrieve admin API key" };

        for (const id of [TEST_ADMIN_KEY, "sk-proj-abc", " sk-admin-with-a-space 1"]) {
            it(`refuses an id that looks like a secret key (${id.length} characters) before sending, without showing it`, () => {
                const error = thrownBy(() => encodePathSegment(LIST, "keyId", id));
                assert.ok(error instanceof InvalidInputError, String(error));
                assert.equal(error.property, "keyId");
                assert.match(error.message, /keyId looks like a secret key \(sk-\.\.\.\)/);
                for (const text of renderings(error)) {
                    assert.ok(!text.includes(id.trim()), text);
                    assert.ok(!text.includes("sk-proj-abc") && !text.includes("sk-admin-"), text);
                }
            });
        }

        it("refuses an id with a lone surrogate as an input error naming the property, not a URIError", () => {
            const error = thrownBy(() => fillPath(LIST, path`/organization/admin_api_keys/${"key_id"}`, ["key_\ud800abc"]));
            assert.ok(error instanceof InvalidInputError, String(error));
            assert.equal(error.property, "keyId");
            assert.match(error.message, /keyId is not well-formed Unicode .*\(got "key_\\ud800abc"\)/);
        });

        it("refuses an id over 256 characters, and keeps the message short", () => {
            assert.equal(encodePathSegment(LIST, "keyId", "k".repeat(256)), "k".repeat(256));
            const error = thrownBy(() => encodePathSegment(LIST, "keyId", "k".repeat(1024 * 1024)));
            assert.ok(error instanceof InvalidInputError, String(error));
            assert.match(error.message, /keyId must be at most 256 characters \(got "k{60}\.\.\."\)$/);
            assert.ok(error.message.length < 300, `${error.message.length} characters`);
        });

        for (const [name, char] of [
            ["a zero-width space", "\u200b"],
            ["a right-to-left override", "\u202e"],
            ["a first-strong isolate", "\u2068"],
            ["a byte-order mark", "\ufeff"],
        ]) {
            it(`shows ${name} in a refused id escaped`, () => {
                const error = thrownBy(() => encodePathSegment(LIST, "keyId", `key_${char}abc`));
                assert.ok(error instanceof InvalidInputError, String(error));
                const escaped = `\\u${char!.charCodeAt(0).toString(16).padStart(4, "0")}`;
                assert.ok(error.message.includes(`"key_${escaped}abc"`), error.message);
                assert.ok(!error.message.includes(char!), "the raw character is not in the message");
            });
        }

        it("still encodes a usable id", () => {
            assert.equal(encodePathSegment(LIST, "keyId", "key_abc-123:é"), "key_abc-123%3A%C3%A9");
        });
    });
});
