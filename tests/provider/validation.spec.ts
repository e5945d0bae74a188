import * as assert from "node:assert/strict";
import { InvalidInputError } from "../../provider/core/errors";
import { encodePathSegment } from "../../provider/core/validation";

describe("encodePathSegment", () => {
    const attempt = { operation: "retrieve admin API key" };

    const refused: Array<[string, unknown, RegExp]> = [
        ["an empty string", "", /keyId must not be empty \(got ""\)/],
        ["a number", 42, /keyId must be a string \(got number\)/],
        ["null", null, /keyId must be a string \(got null\)/],
        ["undefined", undefined, /keyId must be a string \(got undefined\)/],
        ["a space", "key abc", /keyId must not contain whitespace \(got "key abc"\)/],
        ["a trailing newline", "key_abc\n", /keyId must not contain whitespace/],
        ["a slash", "key/../../users", /keyId must not contain "\/", "\?" or "#"/],
        ["a question mark", "key?limit=1", /keyId must not contain "\/", "\?" or "#"/],
        ["a hash", "key#x", /keyId must not contain "\/", "\?" or "#"/],
        ["a control character", "key\u0000abc", /keyId must not contain control characters \(got "key\\u0000abc"\)/],
        ["a dot", ".", /keyId must not be "\." or "\.\."/],
        ["two dots", "..", /keyId must not be "\." or "\.\."/],
    ];
    for (const [what, value, message] of refused) {
        it(`refuses ${what}, naming the property and the reason`, () => {
            assert.throws(
                () => encodePathSegment(attempt, "keyId", value),
                (error: unknown) => {
                    assert.ok(error instanceof InvalidInputError);
                    assert.equal(error.property, "keyId");
                    assert.match(error.message, /^retrieve admin API key refused before sending: /);
                    assert.match(error.message, message);
                    return true;
                },
            );
        });
    }

    it("shortens a very long refused value in the message", () => {
        const error = (() => {
            try {
                encodePathSegment(attempt, "keyId", `${"k".repeat(500)} `);
            } catch (e) {
                return e as Error;
            }
            throw new Error("expected a refusal");
        })();
        assert.ok(error.message.length < 250, error.message);
        assert.match(error.message, /kkk\.\.\."\)$/);
    });

    it("percent-encodes characters that are allowed but special in URLs", () => {
        assert.equal(encodePathSegment(attempt, "keyId", "key_abc"), "key_abc");
        assert.equal(encodePathSegment(attempt, "keyId", "key%2F..;x"), "key%252F..%3Bx");
        assert.equal(encodePathSegment(attempt, "keyId", "ключ"), "%D0%BA%D0%BB%D1%8E%D1%87");
    });
});
