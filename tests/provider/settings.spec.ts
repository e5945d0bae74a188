import * as assert from "node:assert/strict";
import { ConfigurationError } from "../../provider/core/errors";
import {
    ConfigLookup,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_CONCURRENT_REQUESTS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_RETRY_BUDGET_MS,
    DEFAULT_TIMEOUT_MS,
    resolveSettings,
} from "../../provider/core/settings";

const attempt = { operation: "retrieve admin API key", target: "key_abc" };
const ADMIN_KEY = "sk-admin-settings-test-0123456789";

function stackConfig(values: Record<string, string>): ConfigLookup {
    return (key) => values[key];
}

function refusal(config: Record<string, string>, env: NodeJS.ProcessEnv): ConfigurationError {
    try {
        resolveSettings(attempt, stackConfig(config), env);
    } catch (error) {
        assert.ok(error instanceof ConfigurationError, String(error));
        return error;
    }
    throw new Error("expected a ConfigurationError");
}

describe("resolveSettings", () => {
    it("uses the defaults when only the admin key is set", () => {
        const settings = resolveSettings(attempt, stackConfig({}), { OPENAI_ADMIN_KEY: ADMIN_KEY });
        assert.deepEqual(settings, {
            adminKey: ADMIN_KEY,
            baseUrl: DEFAULT_BASE_URL,
            timeoutMs: DEFAULT_TIMEOUT_MS,
            maxRetries: DEFAULT_MAX_RETRIES,
            retryBudgetMs: DEFAULT_RETRY_BUDGET_MS,
            requestsPerMinute: undefined,
            maxConcurrentRequests: DEFAULT_MAX_CONCURRENT_REQUESTS,
        });
    });

    it("prefers stack config over the environment, setting by setting", () => {
        const settings = resolveSettings(
            attempt,
            stackConfig({ "openai:adminKey": "sk-admin-from-config", "openai:timeoutMs": "1500", "openai:requestsPerMinute": "8" }),
            {
                OPENAI_ADMIN_KEY: "sk-admin-from-env",
                OPENAI_BASE_URL: "https://proxy.example.com/v1/",
                OPENAI_TIMEOUT_MS: "99",
                OPENAI_MAX_RETRIES: "5",
                OPENAI_RETRY_BUDGET_MS: "300000",
                OPENAI_REQUESTS_PER_MINUTE: "100",
                OPENAI_MAX_CONCURRENT_REQUESTS: "2",
            },
        );
        assert.deepEqual(settings, {
            adminKey: "sk-admin-from-config",
            baseUrl: "https://proxy.example.com/v1",
            timeoutMs: 1500,
            maxRetries: 5,
            retryBudgetMs: 300000,
            requestsPerMinute: 8,
            maxConcurrentRequests: 2,
        });
    });

    it("treats empty values as unset", () => {
        const settings = resolveSettings(attempt, stackConfig({ "openai:adminKey": "", "openai:baseUrl": "" }), {
            OPENAI_ADMIN_KEY: ADMIN_KEY,
            OPENAI_BASE_URL: "",
        });
        assert.equal(settings.adminKey, ADMIN_KEY);
        assert.equal(settings.baseUrl, DEFAULT_BASE_URL);
    });

    it("names both ways to set the admin key when it is missing", () => {
        const error = refusal({}, {});
        assert.equal(error.property, "openai:adminKey (or OPENAI_ADMIN_KEY)");
        assert.match(
            error.message,
            /^retrieve admin API key "key_abc" refused before sending: openai:adminKey \(or OPENAI_ADMIN_KEY\) is not set/,
        );
        assert.match(error.message, /pulumi config set --secret openai:adminKey/);
        assert.match(error.message, /export OPENAI_ADMIN_KEY/);
    });

    for (const key of ["sk-proj-abcdef0123456789", "sk-svcacct-abcdef0123456789", "sk-None-abcdef0123456789"]) {
        it(`refuses a non-admin key (${key.split("-").slice(0, 2).join("-")}-...) without printing it`, () => {
            const error = refusal({}, { OPENAI_ADMIN_KEY: key });
            assert.match(error.message, /needs an admin key \(sk-admin-\.\.\.\)/);
            assert.ok(!error.message.includes(key));
        });
    }

    it("refuses a key with whitespace in it without printing it", () => {
        const error = refusal({ "openai:adminKey": `${ADMIN_KEY}\n` }, {});
        assert.match(error.message, /openai:adminKey \(or OPENAI_ADMIN_KEY\) contains whitespace/);
        assert.ok(!error.message.includes(ADMIN_KEY));
    });

    const badBaseUrls: Array<[string, RegExp]> = [
        ["http://api.example.com/v1", /plain http:\/\/ to a host other than this machine/],
        ["http://10.0.0.5/v1", /plain http:\/\//],
        ["ftp://api.example.com/v1", /must use https:\/\//],
        ["not a url", /is not a valid URL/],
        ["https://api.example.com/v1?x=1", /must not have a query or a fragment/],
        ["https://user:pass@api.example.com/v1", /must not carry credentials/],
    ];
    for (const [baseUrl, message] of badBaseUrls) {
        it(`refuses the base URL ${baseUrl}`, () => {
            const error = refusal({ "openai:baseUrl": baseUrl }, { OPENAI_ADMIN_KEY: ADMIN_KEY });
            assert.equal(error.property, "openai:baseUrl (or OPENAI_BASE_URL)");
            assert.match(error.message, message);
        });
    }

    for (const baseUrl of ["http://127.0.0.1:8080/v1", "http://localhost:8080/v1", "http://[::1]:8080/v1"]) {
        it(`accepts plain http to this machine (${baseUrl})`, () => {
            const settings = resolveSettings(attempt, stackConfig({}), { OPENAI_ADMIN_KEY: ADMIN_KEY, OPENAI_BASE_URL: baseUrl });
            assert.equal(settings.baseUrl, baseUrl);
        });
    }

    const badNumbers: Array<[string, string, RegExp]> = [
        ["OPENAI_TIMEOUT_MS", "soon", /openai:timeoutMs \(or OPENAI_TIMEOUT_MS\) is not a number/],
        ["OPENAI_TIMEOUT_MS", "0", /must be at least 1/],
        ["OPENAI_TIMEOUT_MS", "600001", /must be at most 600000/],
        ["OPENAI_MAX_RETRIES", "1.5", /openai:maxRetries \(or OPENAI_MAX_RETRIES\) must be a whole number/],
        ["OPENAI_MAX_RETRIES", "-1", /must be at least 0/],
        ["OPENAI_MAX_RETRIES", "11", /must be at most 10/],
        ["OPENAI_RETRY_BUDGET_MS", "3600001", /openai:retryBudgetMs \(or OPENAI_RETRY_BUDGET_MS\) must be at most 3600000/],
        ["OPENAI_REQUESTS_PER_MINUTE", "0", /openai:requestsPerMinute \(or OPENAI_REQUESTS_PER_MINUTE\) must be at least 1/],
        ["OPENAI_MAX_CONCURRENT_REQUESTS", "65", /must be at most 64/],
    ];
    for (const [name, value, message] of badNumbers) {
        it(`refuses ${name}=${value}`, () => {
            assert.match(refusal({}, { OPENAI_ADMIN_KEY: ADMIN_KEY, [name]: value }).message, message);
        });
    }
});
