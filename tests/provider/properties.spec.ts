import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { ServerResponse } from "node:http";
import { z } from "zod";
import { createAdminClient } from "../../provider/core/client";
import { ConfigurationError, InvalidInputError, OpenAIAdminError } from "../../provider/core/errors";
import { fillPath, path } from "../../provider/core/paths";
import { resolveSettings } from "../../provider/core/settings";
import { encodePathSegment, MAX_ID_LENGTH } from "../../provider/core/validation";
import { fakeClock } from "../helpers/fakeClock";
import { LocalServer, NO_PROXY_ENV, renderings, startLocalServer, TEST_ADMIN_KEY, testSettings, withEnv } from "../helpers/localServer";

// Fixed seeds: a failure here is the same failure on every machine and every run.
const SEED = 20260923;
const ATTEMPT = { operation: "retrieve admin API key" };
// Characters that hide or reorder text, and lone surrogates: none may reach a message raw.
const RAW_INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;

/** One character: any code point, one of the characters that matter to paths and terminals, or a lone surrogate. */
const idChar = fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    { weight: 4, arbitrary: fc.constantFrom("k", "e", "y", "_", "-", "/", "?", "#", ".", "%", " ", "\n", "\u0000", "é", "𝄞") },
    { weight: 2, arbitrary: fc.constantFrom("\u200b", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff") },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);

/** Ids as a careless user or a hostile program would pass them. */
const ids: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: idChar, maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: idChar, minLength: MAX_ID_LENGTH - 5, maxLength: MAX_ID_LENGTH + 200 }) },
    {
        weight: 2,
        arbitrary: fc
            .tuple(
                fc.constantFrom("sk-", "sk-admin-", " sk-proj-", "sk-svcacct-"),
                fc.string({ unit: idChar, minLength: 8, maxLength: 60 }),
            )
            .map(([prefix, rest]) => prefix + rest),
    },
    { weight: 1, arbitrary: fc.anything() },
);

function looksLikeSecret(value: unknown): value is string {
    return typeof value === "string" && value.trim().startsWith("sk-");
}

describe("properties (fast-check, fixed seed)", () => {
    describe("ids", () => {
        it("encodePathSegment returns one clean segment or throws an InvalidInputError that shows no secret and no raw invisible character", () => {
            fc.assert(
                fc.property(ids, (value) => {
                    let encoded: string;
                    try {
                        encoded = encodePathSegment(ATTEMPT, "keyId", value);
                    } catch (error) {
                        assert.ok(error instanceof InvalidInputError, `not an InvalidInputError: ${String(error)}`);
                        assert.equal(error.property, "keyId");
                        assert.ok(error.message.length < 400, `${error.message.length} characters`);
                        assert.ok(!RAW_INVISIBLE.test(error.message), JSON.stringify(error.message));
                        if (looksLikeSecret(value)) {
                            assert.ok(!error.message.includes("(got "), error.message);
                            for (const text of renderings(error)) {
                                assert.ok(!text.includes(value.trim()), "the secret-looking id is shown");
                            }
                        }
                        return;
                    }
                    assert.equal(typeof value, "string");
                    assert.ok(!/[/?#]/.test(encoded), encoded);
                    assert.ok(encoded !== "." && encoded !== "..");
                    assert.equal(decodeURIComponent(encoded), value);
                    assert.ok((value as string).length <= MAX_ID_LENGTH);
                    assert.ok(!looksLikeSecret(value), "a secret-looking id was accepted");
                }),
                { seed: SEED, numRuns: 400 },
            );
        });

        it("fillPath keeps every value in its own segment", () => {
            const template = path`/organization/projects/${"project_id"}/users/${"user_id"}`;
            fc.assert(
                fc.property(ids, ids, (project, user) => {
                    let filled: string;
                    try {
                        filled = fillPath(ATTEMPT, template, [project, user]);
                    } catch (error) {
                        assert.ok(error instanceof InvalidInputError, `not an InvalidInputError: ${String(error)}`);
                        assert.ok(["projectId", "userId"].includes(error.property), error.property);
                        return;
                    }
                    const segments = filled.split("/");
                    assert.equal(segments.length, 6, filled);
                    assert.deepEqual([segments[0], segments[1], segments[2], segments[4]], ["", "organization", "projects", "users"]);
                    assert.equal(decodeURIComponent(segments[3]!), project);
                    assert.equal(decodeURIComponent(segments[5]!), user);
                }),
                { seed: SEED, numRuns: 300 },
            );
        });
    });

    describe("settings", () => {
        const urlText = fc.oneof(
            {
                weight: 3,
                arbitrary: fc.constantFrom(
                    "https://api.openai.com/v1",
                    "https://api.openai.com/v1/",
                    "http://127.0.0.1:8080/v1",
                    "http://localhost/v1",
                ),
            },
            {
                weight: 2,
                arbitrary: fc.constantFrom(
                    "http://[::1]:1/v1",
                    "http://example.com/v1",
                    "ftp://api.openai.com/v1",
                    "https://api.openai.com/v1?",
                    "https://api.openai.com/v1#",
                    "http://127.0.0.1:8080/v1?#",
                    "https://api.openai.com/v1?a=1",
                    "https://user:pass@api.openai.com/v1",
                    "https://api.openai.com:99999/v1",
                    "api.openai.com/v1",
                ),
            },
            { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
            { weight: 1, arbitrary: fc.string({ unit: idChar, maxLength: 30 }) },
        );
        const numberText = fc.oneof(
            { weight: 8, arbitrary: fc.integer({ min: 1, max: 10 }).map(String) },
            { weight: 1, arbitrary: fc.constantFrom("0", "-1", "1.5", "1e3", "0x10", " 5 ", "NaN", "Infinity", "600001", "65") },
            { weight: 1, arbitrary: fc.oneof(fc.integer().map(String), fc.string({ maxLength: 6 })) },
        );
        const keyText = fc.oneof(
            { weight: 3, arbitrary: fc.constant(TEST_ADMIN_KEY) },
            {
                weight: 2,
                arbitrary: fc.constantFrom(
                    "sk-proj-abcdefghijklmnop",
                    `${TEST_ADMIN_KEY}\n`,
                    `${TEST_ADMIN_KEY}é`,
                    `${TEST_ADMIN_KEY}\u200b`,
                    "",
                ),
            },
            { weight: 1, arbitrary: fc.string({ unit: idChar, minLength: 8, maxLength: 40 }) },
        );
        // Unset half the time, so that enough runs get past the other settings to test one.
        const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
        const env = fc.record({
            OPENAI_ADMIN_KEY: fc.option(keyText, { nil: undefined, freq: 8 }),
            OPENAI_BASE_URL: maybe(urlText),
            OPENAI_TIMEOUT_MS: maybe(numberText),
            OPENAI_MAX_RETRIES: maybe(numberText),
            OPENAI_RETRY_BUDGET_MS: maybe(numberText),
            OPENAI_REQUESTS_PER_MINUTE: maybe(numberText),
            OPENAI_MAX_CONCURRENT_REQUESTS: maybe(numberText),
        });
        const config = fc.record({ "openai:baseUrl": maybe(urlText), "openai:timeoutMs": maybe(numberText) });

        it("resolveSettings gives usable settings or throws a ConfigurationError that does not show the key", () => {
            let resolved = 0;
            fc.assert(
                fc.property(env, config, (vars, stack) => {
                    const processEnv = Object.fromEntries(Object.entries(vars).filter(([, value]) => value !== undefined));
                    const lookup = (name: string): string | undefined => (stack as Record<string, string | undefined>)[name];
                    let settings;
                    try {
                        settings = resolveSettings(ATTEMPT, lookup, processEnv);
                    } catch (error) {
                        assert.ok(error instanceof ConfigurationError, `not a ConfigurationError: ${String(error)}`);
                        const key = vars.OPENAI_ADMIN_KEY;
                        if (key !== undefined && key.trim().length >= 8) {
                            for (const text of renderings(error)) {
                                assert.ok(!text.includes(key.trim()), "the key is shown");
                            }
                        }
                        return;
                    }
                    resolved += 1;
                    const baseUrlText = stack["openai:baseUrl"] || vars.OPENAI_BASE_URL;
                    assert.ok(!/[?#]/.test(baseUrlText ?? ""), `took ${JSON.stringify(baseUrlText)}`);
                    const url = new URL(settings.baseUrl);
                    assert.ok(url.protocol === "https:" || ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname), settings.baseUrl);
                    assert.equal(url.username + url.password, "");
                    assert.match(settings.adminKey, /^[\x21-\x7e]+$/);
                    assert.ok(Number.isInteger(settings.timeoutMs) && settings.timeoutMs >= 1 && settings.timeoutMs <= 600_000);
                    assert.ok(Number.isInteger(settings.maxConcurrentRequests) && settings.maxConcurrentRequests >= 1);
                }),
                { seed: SEED, numRuns: 400 },
            );
            // Not a property that holds only because every run was refused.
            assert.ok(resolved >= 40, `only ${resolved} of 400 runs resolved`);
        });
    });

    describe("response bodies", () => {
        type Mode = "answer" | "hang" | "drip" | "reset" | "truncate";
        interface Answer {
            readonly mode: Mode;
            readonly status: number;
            readonly headers: Readonly<Record<string, string>>;
            readonly body: string;
        }
        const TIMEOUT_MS = 150;

        let server: LocalServer;
        let script: readonly Answer[] = [];
        before(async () => {
            server = await startLocalServer((_request, response) => {
                // Each request takes the next answer; the last one repeats.
                const served = server.requests.length - 1;
                play(script[Math.min(served, script.length - 1)]!, response);
            });
        });
        after(() => server.close());

        function play(answer: Answer, response: ServerResponse): void {
            if (answer.mode === "hang") {
                return;
            }
            if (answer.mode === "reset") {
                response.socket?.destroy();
                return;
            }
            response.writeHead(answer.status, answer.headers);
            if (answer.mode === "truncate") {
                response.write(answer.body.slice(0, Math.floor(answer.body.length / 2)));
                response.socket?.destroy();
                return;
            }
            if (answer.mode === "drip") {
                const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write(" ")), 20);
                response.on("close", () => clearInterval(timer));
                return;
            }
            response.end(answer.body);
        }

        // What a hostile or broken server says: the key echoed anywhere, odd characters, odd shapes.
        const said = fc.oneof(
            fc.string({ unit: idChar, maxLength: 30 }),
            fc.string({ maxLength: 10 }).map((text) => `${text}${TEST_ADMIN_KEY}${text}`),
        );
        const headerSafe = fc.oneof(
            fc.string({ unit: "grapheme-ascii", maxLength: 20 }).map((text) => text.replace(/[^\x20-\x7e]/g, "")),
            fc.constant(`req_${TEST_ADMIN_KEY}`),
        );
        const errorBody = fc
            .record({
                message: fc.option(said),
                type: fc.option(said),
                code: fc.option(fc.oneof(said, fc.integer())),
                param: fc.option(said),
            })
            .map((error) => JSON.stringify({ error }));
        const body = fc.oneof(
            fc.constant('{"id":"key_abc"}'),
            errorBody,
            said,
            fc.constant(""),
            fc.constant("<html>502 Bad Gateway</html>"),
            fc.jsonValue().map((value) => JSON.stringify(value)),
            fc.constant(`{"id":"${TEST_ADMIN_KEY}","pad":"${"x".repeat(5_000)}"}`),
        );
        const answer: fc.Arbitrary<Answer> = fc.record({
            mode: fc.oneof(
                { weight: 20, arbitrary: fc.constant<Mode>("answer") },
                { weight: 1, arbitrary: fc.constantFrom<Mode>("hang", "drip", "reset", "truncate") },
            ),
            status: fc.constantFrom(200, 201, 204, 302, 400, 401, 403, 404, 407, 408, 409, 422, 429, 500, 502, 503, 504),
            headers: fc.record(
                {
                    "x-request-id": headerSafe,
                    "retry-after-ms": fc.constantFrom("0", "10", "-5", "abc", "99999999"),
                    "retry-after": fc.constantFrom("1", "Wed, 21 Oct 2015 07:28:00 GMT", "x"),
                    "x-should-retry": fc.constantFrom("true", "false", "maybe"),
                    "content-type": fc.constantFrom("application/json", "text/html"),
                },
                { requiredKeys: [] },
            ),
            body,
        });
        const scenario = fc.record({
            answers: fc.array(answer, { minLength: 1, maxLength: 3 }),
            maxRetries: fc.integer({ min: 0, max: 2 }),
            method: fc.constantFrom<"GET" | "POST" | "DELETE">("GET", "POST", "DELETE"),
        });

        it("every call ends in time with a result or an error of this package that does not show the key", async function () {
            this.timeout(30_000);
            await withEnv(NO_PROXY_ENV, () =>
                fc.assert(
                    fc.asyncProperty(scenario, async ({ answers, maxRetries, method }) => {
                        script = answers;
                        server.requests.length = 0;
                        const settings = testSettings(server.baseUrl, { timeoutMs: TIMEOUT_MS, maxRetries, retryBudgetMs: 5_000 });
                        const clock = fakeClock();
                        const client = createAdminClient(settings, { clock, limiters: new Map() });
                        const waitStarted = clock.now();
                        const started = Date.now();
                        let outcome: unknown;
                        try {
                            outcome = await client.request(ATTEMPT, { method, path: "/k", route: "/k" }, z.object({ id: z.string() }));
                        } catch (error) {
                            outcome = error;
                        }
                        const tookMs = Date.now() - started;
                        // Waits run on the fake clock; only the attempts' own time is real.
                        assert.ok(tookMs < (maxRetries + 1) * TIMEOUT_MS + 2_000, `took ${tookMs} ms`);
                        assert.ok(clock.now() - waitStarted <= settings.retryBudgetMs, `waited ${clock.now() - waitStarted} ms`);
                        if (outcome instanceof Error) {
                            assert.ok(outcome instanceof OpenAIAdminError, `not this package's error: ${String(outcome)}`);
                            for (const text of renderings(outcome)) {
                                assert.ok(!text.includes(TEST_ADMIN_KEY), `the key appears in: ${text.slice(0, 300)}`);
                            }
                            assert.ok(!RAW_INVISIBLE.test(outcome.message), JSON.stringify(outcome.message));
                        } else {
                            assert.equal(typeof (outcome as { id?: unknown }).id, "string");
                        }
                    }),
                    { seed: SEED, numRuns: 80 },
                ),
            );
        });
    });
});
