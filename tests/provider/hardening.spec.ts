import * as assert from "node:assert/strict";
import { z } from "zod";
import { AdminClient, ApiRequest, createAdminClient } from "../../provider/core/client";
import {
    ApiError,
    Attempt,
    ConfigurationError,
    ConnectionError,
    InvalidInputError,
    InvalidResponseError,
    OpenAIAdminError,
    ProxyError,
    RateLimitError,
    RateLimitWaitError,
    TimeoutError,
} from "../../provider/core/errors";
import { listAll, ListRequest, MAX_ITEMS, MAX_PAGES, PagingStyle } from "../../provider/core/pagination";
import { fillPath, path } from "../../provider/core/paths";
import { EndpointLimiter, LimiterRegistry } from "../../provider/core/rateLimiter";
import { resolveSettings } from "../../provider/core/settings";
import { encodePathSegment } from "../../provider/core/validation";
import { fakeClock } from "../helpers/fakeClock";
import {
    failureOf,
    LocalServer,
    NO_PROXY_ENV,
    renderings,
    startLocalServer,
    TEST_ADMIN_KEY,
    testSettings,
    withEnv,
    within,
} from "../helpers/localServer";

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

    describe("concurrency slots (defect 1)", () => {
        let server: LocalServer;
        beforeEach(async () => {
            server = await startLocalServer((_request, response) => {
                response.setHeader("content-type", "application/json");
                response.end('{"ok":true}');
            });
        });
        afterEach(() => server.close());

        /** Resolves true when the endpoint has a free slot now, false when a slot is still held. */
        async function slotIsFree(limiters: LimiterRegistry, baseUrl: string, endpoint: string): Promise<boolean> {
            const limiter = limiters.get(`${baseUrl} ${endpoint}`);
            assert.ok(limiter !== undefined, "the call used the limiter");
            const acquired = limiter.acquire().then((release) => {
                release();
                return true;
            });
            return Promise.race([acquired, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))]);
        }

        it("gives the slot back when the request fails before it is sent", async () => {
            const limiters: LimiterRegistry = new Map();
            const client = createAdminClient(testSettings(server.baseUrl), { clock: fakeClock(), limiters });
            // A body that cannot be serialized makes axios throw after the slot was taken.
            const unsendable = { method: "POST" as const, path: "/things", route: "/things", body: { count: 1n } };
            for (let i = 0; i < 3; i++) {
                const error = await within(
                    2_000,
                    failureOf(() => client.request(ATTEMPT, unsendable, z.unknown())),
                );
                assert.ok(error instanceof OpenAIAdminError, String(error));
            }
            assert.equal(await slotIsFree(limiters, server.baseUrl, "POST /things"), true, "the slot was given back");
            assert.equal(server.requests.length, 0);
            const ok = await client.request(ATTEMPT, { method: "GET", path: "/things", route: "/things" }, z.unknown());
            assert.deepEqual(ok, { ok: true });
        });

        for (const variable of ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"]) {
            it(`names ${variable} when its malformed proxy URL stops the call, gives the slot back, and hides the URL`, async () => {
                const limiters: LimiterRegistry = new Map();
                const baseUrl = "https://api.example.test/v1";
                const client = createAdminClient(testSettings(baseUrl), { clock: fakeClock(), limiters });
                const error = await withEnv({ ...NO_PROXY_ENV, [variable]: "http://user:hunter2@bad proxy:8080" }, () =>
                    failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/things", route: "/things" }, z.unknown())),
                );
                assert.ok(error instanceof ConfigurationError, String(error));
                assert.equal(error.property, variable);
                assert.match(error.message, new RegExp(`refused before sending: ${variable} is not a valid proxy URL`));
                assert.equal(error.outcomeUnknown, false, "nothing was sent");
                for (const text of renderings(error)) {
                    assert.ok(!text.includes("hunter2"), text);
                }
                assert.equal(await slotIsFree(limiters, baseUrl, "GET /things"), true, "the slot was given back");
            });
        }
    });

    describe("timeoutMs bounds the whole exchange (defect 2)", () => {
        let server: LocalServer;
        beforeEach(async () => {
            // Headers at once, then the body a byte every 20 ms for up to 3 s: far past the timeout.
            server = await startLocalServer((_request, response) => {
                response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
                let sent = 0;
                const timer = setInterval(() => {
                    if (response.destroyed || sent >= 150) {
                        clearInterval(timer);
                        response.destroy();
                        return;
                    }
                    response.write(" ");
                    sent += 1;
                }, 20);
                response.on("close", () => clearInterval(timer));
            });
        });
        afterEach(() => server.close());

        it("ends a call whose body drips, at timeoutMs, with a TimeoutError", async () => {
            const client = createAdminClient(testSettings(server.baseUrl, { timeoutMs: 200 }), { clock: fakeClock(), limiters: new Map() });
            const error = await within(
                1_500,
                failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown())),
            );
            assert.ok(error instanceof TimeoutError, String(error));
            assert.match(error.message, /no response from http:\/\/127\.0\.0\.1:\d+\/v1 within 200 ms/);
        });

        it("still ends a call that gets no headers at all", async () => {
            const silent = await startLocalServer(() => undefined);
            try {
                const client = createAdminClient(testSettings(silent.baseUrl), { clock: fakeClock(), limiters: new Map() });
                const error = await within(
                    1_500,
                    failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown())),
                );
                assert.ok(error instanceof TimeoutError, String(error));
            } finally {
                await silent.close();
            }
        });

        it("gives each retry a deadline of its own", async () => {
            const clock = fakeClock();
            const client = createAdminClient(testSettings(server.baseUrl, { timeoutMs: 200, maxRetries: 2, retryBudgetMs: 10_000 }), {
                clock,
                limiters: new Map(),
            });
            const error = await within(
                2_500,
                failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown())),
            );
            assert.ok(error instanceof TimeoutError, String(error));
            assert.equal(error.attempts, 3);
            assert.equal(server.requests.length, 3);
            assert.deepEqual(clock.sleep.args, [[500], [1000]], "waited 1.5 s between the attempts");
        });
    });

    describe("proxies (defect 5)", () => {
        let api: LocalServer;
        let proxy: LocalServer;
        let connectAnswer: string;
        beforeEach(async () => {
            api = await startLocalServer((_request, response) => {
                response.setHeader("content-type", "application/json");
                response.end('{"ok":true}');
            });
            connectAnswer = "HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: 14\r\n\r\nblocked by ACL";
            proxy = await startLocalServer(
                (_request, response) => response.end('{"from":"the proxy"}'),
                (_request, socket) => socket.end(connectAnswer),
            );
        });
        afterEach(async () => {
            await api.close();
            await proxy.close();
        });

        for (const variable of ["HTTP_PROXY", "http_proxy", "ALL_PROXY"]) {
            it(`sends a plain-http loopback request straight to the API, not to the proxy in ${variable}`, async () => {
                const client = createAdminClient(testSettings(api.baseUrl), { clock: fakeClock(), limiters: new Map() });
                const body = await withEnv({ ...NO_PROXY_ENV, [variable]: proxy.origin }, () =>
                    client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown()),
                );
                assert.deepEqual(body, { ok: true });
                assert.equal(proxy.requests.length, 0, "the proxy saw nothing, and so not the key");
                assert.equal(api.requests[0]?.headers.authorization, `Bearer ${TEST_ADMIN_KEY}`);
            });
        }

        it("does not let a malformed proxy variable stop a loopback call", async () => {
            const client = createAdminClient(testSettings(api.baseUrl), { clock: fakeClock(), limiters: new Map() });
            const body = await withEnv({ ...NO_PROXY_ENV, HTTP_PROXY: "http://bad proxy:1" }, () =>
                client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown()),
            );
            assert.deepEqual(body, { ok: true });
        });

        const refusals: Array<[string, string, RegExp]> = [
            [
                "a 403 to CONNECT",
                "HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: 14\r\n\r\nblocked by ACL",
                /the proxy in HTTPS_PROXY refused to connect to https:\/\/api\.example\.test\/v1: HTTP 403 \(body starts with "blocked by ACL"\)/,
            ],
            [
                "a 407",
                'HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="corp"\r\ncontent-length: 0\r\n\r\n',
                /the proxy in HTTPS_PROXY refused to connect to https:\/\/api\.example\.test\/v1: HTTP 407 \(the proxy wants credentials/,
            ],
        ];
        for (const [what, answer, message] of refusals) {
            it(`reports ${what} as the proxy's refusal, not as a key problem`, async () => {
                connectAnswer = answer;
                const client = createAdminClient(testSettings("https://api.example.test/v1", { maxRetries: 2 }), {
                    clock: fakeClock(),
                    limiters: new Map(),
                });
                const error = await withEnv({ ...NO_PROXY_ENV, HTTPS_PROXY: proxy.origin }, () =>
                    within(
                        2_000,
                        failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown())),
                    ),
                );
                assert.ok(error instanceof ProxyError, String(error));
                assert.ok(error instanceof ConnectionError);
                assert.match(error.message, message);
                assert.doesNotMatch(error.message, /admin key/);
                assert.equal(error.outcomeUnknown, false, "nothing reached the API");
                assert.equal(proxy.requests.length, 1, "a refusal is not retried");
                assert.equal(proxy.requests[0]?.method, "CONNECT");
            });
        }
    });

    describe("redaction of everything a server says (defect 6)", () => {
        // Not shaped like an OpenAI key, so that only the client's own redaction can catch it.
        const PLAIN_KEY = "plain-admin-key-0123456789-abcdefghij";
        let answer: { status: number; headers: Record<string, string>; body: string };
        let server: LocalServer;
        beforeEach(async () => {
            server = await startLocalServer((_request, response) => {
                response.writeHead(answer.status, answer.headers);
                response.end(answer.body);
            });
        });
        afterEach(() => server.close());

        function assertNothingHolds(error: unknown, secrets: readonly string[]): void {
            for (const text of renderings(error)) {
                for (const secret of secrets) {
                    assert.ok(!text.includes(secret), `the key appears in: ${text.slice(0, 400)}`);
                }
            }
            // No property (a cause, a config) carries the request: its headers hold the key.
            const seen = new Set<unknown>();
            const visit = (value: unknown, where: string): void => {
                if (typeof value !== "object" || value === null || seen.has(value)) {
                    return;
                }
                seen.add(value);
                for (const name of Object.getOwnPropertyNames(value)) {
                    assert.ok(!["config", "request", "response", "cause"].includes(name), `${where}.${name} is there`);
                    visit(Reflect.get(value, name), `${where}.${name}`);
                }
            };
            visit(error, "error");
        }

        const echoes: Array<[string, (key: string) => typeof answer]> = [
            [
                "x-request-id",
                (key) => ({ status: 404, headers: { "x-request-id": `req_${key}` }, body: '{"error":{"message":"No such key."}}' }),
            ],
            [
                "error.type, error.code and error.param",
                (key) => ({
                    status: 400,
                    headers: { "content-type": "application/json" },
                    body: JSON.stringify({ error: { message: "Bad.", type: `t_${key}`, code: `c_${key}`, param: `p_${key}` } }),
                }),
            ],
            [
                "error.message",
                (key) => ({ status: 401, headers: {}, body: JSON.stringify({ error: { message: `Key ${key} is revoked.` } }) }),
            ],
            ["a body excerpt", (key) => ({ status: 502, headers: { "content-type": "text/html" }, body: `<html>${key}</html>` })],
            ["an unreadable 200", (key) => ({ status: 200, headers: { "content-type": "text/html" }, body: `<p>${key}</p>` })],
        ];
        for (const [where, makeAnswer] of echoes) {
            for (const key of [TEST_ADMIN_KEY, PLAIN_KEY]) {
                it(`keeps a key echoed in ${where} out of every rendering of the error (${key === PLAIN_KEY ? "plain" : "sk-"} key)`, async () => {
                    answer = makeAnswer(key);
                    const client = createAdminClient(testSettings(server.baseUrl, { adminKey: key }), {
                        clock: fakeClock(),
                        limiters: new Map(),
                    });
                    const error = await failureOf(() =>
                        client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.object({ id: z.string() })),
                    );
                    assert.ok(error instanceof OpenAIAdminError, String(error));
                    assertNothingHolds(error, [key]);
                    assert.ok(
                        renderings(error).some((text) => text.includes("[redacted]")),
                        "the echo is there, redacted",
                    );
                });
            }
        }

        it("keeps OpenAI's error fields and the request id, redacted, as properties", async () => {
            answer = {
                status: 400,
                headers: { "x-request-id": `req_1_${PLAIN_KEY}` },
                body: JSON.stringify({ error: { message: "Bad.", type: "invalid_request_error", code: `c_${PLAIN_KEY}`, param: "limit" } }),
            };
            const client = createAdminClient(testSettings(server.baseUrl, { adminKey: PLAIN_KEY }), {
                clock: fakeClock(),
                limiters: new Map(),
            });
            const error = await failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown()));
            assert.ok(error instanceof ApiError, String(error));
            assert.equal(error.requestId, "req_1_[redacted]");
            assert.equal(error.openaiType, "invalid_request_error");
            assert.equal(error.openaiCode, "c_[redacted]");
            assert.equal(error.openaiParam, "limit");
            assert.match(error.message, /HTTP 400: Bad\. \[request id: req_1_\[redacted\]\]/);
        });

        it("bounds what a server says and shows its invisible characters escaped", async () => {
            answer = {
                status: 400,
                headers: { "x-request-id": `req_${"r".repeat(5_000)}` },
                body: JSON.stringify({
                    error: { message: `Bad \u200b\u202e\u001b[31m ${"x".repeat(1_000_000)}`, type: "t".repeat(5_000) },
                }),
            };
            const client = createAdminClient(testSettings(server.baseUrl), { clock: fakeClock(), limiters: new Map() });
            const error = await failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown()));
            assert.ok(error instanceof ApiError, String(error));
            assert.ok(error.message.length < 3_000, `${error.message.length} characters`);
            assert.ok(JSON.stringify(error).length < 5_000, `${JSON.stringify(error).length} characters as JSON`);
            assert.match(error.message, /Bad \\u200b\\u202e\\u001b\[31m x+\.\.\./);
            assert.ok(!["\u200b", "\u202e", "\u001b"].some((char) => error.message.includes(char)), "raw invisible characters");
            assert.ok((error.requestId ?? "").length < 1_000, "the request id is cut");
        });

        it("keeps a key echoed as a pagination cursor out of the error", async () => {
            answer = {
                status: 200,
                headers: { "content-type": "application/json" },
                body: JSON.stringify({ object: "list", data: [{ id: "x" }], has_more: true, last_id: PLAIN_KEY }),
            };
            const client = createAdminClient(testSettings(server.baseUrl, { adminKey: PLAIN_KEY }), {
                clock: fakeClock(),
                limiters: new Map(),
            });
            const error = await failureOf(() =>
                listAll(
                    client,
                    { operation: "list things" },
                    {
                        path: "/things",
                        route: "/things",
                        paging: { style: "cursor", pageSize: 10 },
                        schemaName: "hardening cursor echo",
                        item: z.object({ id: z.string() }),
                        itemId: (item) => item.id,
                        plural: "things",
                    },
                ),
            );
            assert.ok(error instanceof InvalidResponseError, String(error));
            assert.match(error.message, /cursor "\[redacted\]" came back a second time/);
            assertNothingHolds(error, [PLAIN_KEY]);
        });
    });

    describe("pacing recovers, and the budget bounds every wait (defect 9)", () => {
        it("raises a learned pace after each quiet minute, and drops it in the end", async () => {
            const clock = fakeClock();
            const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 100 }, clock);
            const sentBefore = clock.now();
            for (let i = 0; i < 8; i++) {
                (await limiter.acquire())();
            }
            await clock.sleep(100);
            limiter.rateLimited(clock.now() + 1000, sentBefore);
            assert.equal(limiter.pace, 7);
            const paces: Array<number | undefined> = [];
            for (let minute = 0; minute < 9; minute++) {
                await clock.sleep(60_000);
                (await limiter.acquire())();
                paces.push(limiter.pace);
            }
            assert.deepEqual(paces, [14, 28, 56, 112, 224, 448, 896, undefined, undefined]);
        });

        it("keeps the pace while 429s keep coming", async () => {
            const clock = fakeClock();
            const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 100 }, clock);
            const sentBefore = clock.now() - 1;
            for (let i = 0; i < 11; i++) {
                (await limiter.acquire())();
            }
            limiter.rateLimited(clock.now(), sentBefore);
            assert.equal(limiter.pace, 10);
            for (let i = 0; i < 5; i++) {
                await clock.sleep(50_000);
                // Refused, but sent before the pace was set: no lowering, and no quiet minute either.
                limiter.rateLimited(clock.now(), sentBefore);
                (await limiter.acquire())();
            }
            assert.equal(limiter.pace, 10);
        });

        it("recovers from a pace of 1 a minute within minutes, not hours", async () => {
            const clock = fakeClock();
            const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 100 }, clock);
            (await limiter.acquire())();
            (await limiter.acquire())();
            limiter.rateLimited(clock.now(), clock.now());
            for (let i = 0; i < 20 && (limiter.pace ?? 0) > 1; i++) {
                const sent = clock.now();
                (await limiter.acquire())();
                limiter.rateLimited(clock.now(), sent);
            }
            assert.equal(limiter.pace, 1);
            await clock.sleep(30 * 60_000);
            (await limiter.acquire())();
            assert.equal(limiter.pace, undefined, "no pacing after 30 quiet minutes");
        });

        it("leaves a configured pace alone", async () => {
            const clock = fakeClock();
            const limiter = new EndpointLimiter("GET /x", { maxConcurrent: 100, requestsPerMinute: 5 }, clock);
            limiter.rateLimited(clock.now() + 1000, clock.now());
            await clock.sleep(10 * 60_000);
            (await limiter.acquire())();
            assert.equal(limiter.pace, 5);
        });

        describe("through the client", () => {
            let server: LocalServer;
            beforeEach(async () => {
                server = await startLocalServer((_request, response) => {
                    response.setHeader("content-type", "application/json");
                    response.end('{"ok":true}');
                });
            });
            afterEach(() => server.close());

            it("fails a call at once, unsent, when the pace would hold it past its retry budget", async () => {
                const clock = fakeClock();
                const settings = testSettings(server.baseUrl, { requestsPerMinute: 1, retryBudgetMs: 30_000 });
                const client = createAdminClient(settings, { clock, limiters: new Map() });
                const get = { method: "GET" as const, path: "/k", route: "/k" };
                assert.deepEqual(await client.request(ATTEMPT, get, z.unknown()), { ok: true });
                const started = clock.now();
                const error = await failureOf(() => client.request(ATTEMPT, get, z.unknown()));
                assert.ok(error instanceof RateLimitWaitError, String(error));
                assert.match(
                    error.message,
                    /not sent: GET \/k would wait 60\.0 s more \(paced at 1 requests a minute\), past the retry budget of 30000 ms \(openai:retryBudgetMs or OPENAI_RETRY_BUDGET_MS\)/,
                );
                assert.equal(error.outcomeUnknown, false);
                assert.equal(error.attempts, 0);
                assert.ok(clock.now() - started <= 30_000, `waited ${clock.now() - started} ms`);
                assert.equal(server.requests.length, 1);
            });

            it("counts a cool-down another call started against this call's budget", async () => {
                const clock = fakeClock();
                const limiters: LimiterRegistry = new Map();
                const settings = testSettings(server.baseUrl, { retryBudgetMs: 10_000 });
                const client = createAdminClient(settings, { clock, limiters });
                const get = { method: "GET" as const, path: "/k", route: "/k" };
                await client.request(ATTEMPT, get, z.unknown());
                // Another call to the endpoint was told to come back in 50 s.
                limiters.get(`${server.baseUrl} GET /k`)!.rateLimited(clock.now() + 50_000, clock.now());
                const started = clock.now();
                const error = await failureOf(() => client.request(ATTEMPT, get, z.unknown()));
                assert.ok(error instanceof RateLimitWaitError, String(error));
                assert.match(error.message, /would wait 50\.0 s more \(rate limited by the API \(429\)\)/);
                assert.ok(clock.now() - started <= 10_000, `waited ${clock.now() - started} ms`);
                assert.equal(server.requests.length, 1);
            });

            it("ends a retried call with its last failure when the limiter's wait would pass the budget", async () => {
                const clock = fakeClock();
                let answered = 0;
                const throttled = await startLocalServer((_request, response) => {
                    answered += 1;
                    // The first answer is a 429 asking for 5 s; the limiter then paces at 1 a minute.
                    response.writeHead(answered === 1 ? 429 : 200, { "retry-after-ms": "5000", "content-type": "application/json" });
                    response.end(answered === 1 ? '{"error":{"message":"Slow down."}}' : '{"ok":true}');
                });
                try {
                    const settings = testSettings(throttled.baseUrl, { requestsPerMinute: 1, retryBudgetMs: 20_000 });
                    const client = createAdminClient(settings, { clock, limiters: new Map() });
                    const started = clock.now();
                    const error = await failureOf(() => client.request(ATTEMPT, { method: "GET", path: "/k", route: "/k" }, z.unknown()));
                    assert.ok(error instanceof RateLimitError, String(error));
                    assert.match(error.message, /HTTP 429: Slow down\. .*the retry budget of 20000 ms .* ran out/);
                    assert.ok(clock.now() - started <= 20_000, `waited ${clock.now() - started} ms`);
                    assert.equal(throttled.requests.length, 1);
                } finally {
                    await throttled.close();
                }
            });
        });
    });

    describe("lists that never end (defect 3)", () => {
        const item = z.object({ id: z.string() });
        type Item = z.infer<typeof item>;

        /** A client whose every page comes from `page`, parsed by the schema the pager asks for. */
        function fakeClient(page: (request: ApiRequest, served: number) => unknown): AdminClient & { readonly requests: ApiRequest[] } {
            const requests: ApiRequest[] = [];
            return {
                requests,
                async request<T>(_attempt: Attempt, request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
                    requests.push(request);
                    return schema.parse(page(request, requests.length));
                },
            };
        }

        const listRequest = (style: PagingStyle, pageSize: number): ListRequest<Item> => ({
            path: "/things",
            route: "/things",
            paging: { style, pageSize },
            schemaName: `hardening things ${style}`,
            item,
            itemId: (thing) => thing.id,
            plural: "things",
        });

        it(`stops a list that always says has_more, with a fresh cursor, after ${MAX_PAGES} pages`, async () => {
            const client = fakeClient((_request, served) => ({ object: "list", data: [{ id: `t${served}` }], has_more: true }));
            const error = await failureOf(() => listAll(client, { operation: "list things" }, listRequest("cursor", 100)));
            assert.ok(error instanceof InvalidResponseError, String(error));
            assert.match(
                error.message,
                new RegExp(`the list did not end after ${MAX_PAGES} pages \\(${MAX_PAGES} things\\); stopped there`),
            );
            assert.equal(client.requests.length, MAX_PAGES);
        });

        it("stops a page-numbered list that never ends, too", async () => {
            const client = fakeClient((_request, served) => ({ object: "page", data: [{ id: "t" }], next_page: `p${served}` }));
            const error = await failureOf(() => listAll(client, { operation: "list costs" }, listRequest("page", 100)));
            assert.match(error.message, /did not end after 1000 pages/);
            assert.equal(client.requests.length, MAX_PAGES);
        });

        it(`stops a list past ${MAX_ITEMS} items, saying how far it got`, async () => {
            const data = Array.from({ length: 1_000 }, (_, i) => ({ id: `t${i}` }));
            const client = fakeClient((_request, served) => ({ object: "list", data, has_more: true, last_id: `c${served}` }));
            const error = await failureOf(() => listAll(client, { operation: "list things" }, listRequest("cursor", 1_000)));
            assert.ok(error instanceof InvalidResponseError, String(error));
            assert.match(error.message, new RegExp(`the list passed ${MAX_ITEMS} things after 101 pages; stopped there`));
            assert.equal(client.requests.length, 101);
        });

        it("refuses a page larger than asked for before keeping it", async () => {
            const client = fakeClient(() => ({
                object: "list",
                data: Array.from({ length: 11 }, (_, i) => ({ id: `t${i}` })),
                has_more: false,
            }));
            const error = await failureOf(() => listAll(client, { operation: "list things" }, listRequest("cursor", 10)));
            assert.ok(error instanceof InvalidResponseError, String(error));
            assert.match(error.message, /a page held 11 things, more than the 10 asked for/);
            assert.equal(client.requests[0]?.query?.["limit"], 10);
        });

        it("refuses a cursor that comes back", async () => {
            const client = fakeClient(() => ({ object: "list", data: [{ id: "t" }], has_more: true, next: "same" }));
            const error = await failureOf(() => listAll(client, { operation: "list groups" }, listRequest("next", 10)));
            assert.match(error.message, /the pagination cursor "same" came back a second time after 2 things/);
            assert.equal(client.requests.length, 2);
        });
    });
});
