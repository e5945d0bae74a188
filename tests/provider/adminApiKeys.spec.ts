import * as assert from "node:assert/strict";
import { toAdminApiKeyMetadata, WireAdminApiKey, wireAdminApiKeySchema } from "../../provider/api/organization/adminApiKeys";

const fullKey: WireAdminApiKey = {
    object: "organization.admin_api_key",
    id: "key_abc",
    name: "Main Admin Key",
    redacted_value: "sk-admin...xyz",
    created_at: 1711471533,
    expires_at: 1714063533,
    last_used_at: 1711471534,
    owner: {
        type: "service_account",
        object: "organization.service_account",
        id: "sa_456",
        name: "deployer",
        created_at: 1711471000,
        role: "member",
    },
};

describe("wireAdminApiKeySchema", () => {
    it("accepts a full key object and keeps unknown fields", () => {
        const parsed = wireAdminApiKeySchema().parse({ ...fullKey, future_field: { nested: true } });
        assert.deepEqual((parsed as unknown as Record<string, unknown>)["future_field"], { nested: true });
    });
    it("accepts a key without its optional fields", () => {
        const sparse = { object: "organization.admin_api_key", id: "key_s", redacted_value: "sk-admin...s", created_at: 1 };
        assert.equal(wireAdminApiKeySchema().parse(sparse).id, "key_s");
    });
    const broken: Array<[string, unknown, RegExp]> = [
        ["a list object", { object: "list", data: [] }, /object/],
        ["a key without an id", { ...fullKey, id: undefined }, /id/],
        ["a key whose created_at is text", { ...fullKey, created_at: "yesterday" }, /created_at/],
        ["a key whose owner is a string", { ...fullKey, owner: "sa_456" }, /owner/],
        ["an array", [fullKey], /object|expected/],
    ];
    for (const [what, body, path] of broken) {
        it(`rejects ${what}`, () => {
            const result = wireAdminApiKeySchema().safeParse(body);
            assert.equal(result.success, false);
            assert.match(JSON.stringify(result.error?.issues), path);
        });
    }
});

describe("toAdminApiKeyMetadata", () => {
    it("maps every wire field to its camelCase output", () => {
        assert.deepEqual(toAdminApiKeyMetadata(fullKey), {
            id: "key_abc",
            name: "Main Admin Key",
            redactedValue: "sk-admin...xyz",
            createdAt: 1711471533,
            expiresAt: 1714063533,
            lastUsedAt: 1711471534,
            owner: {
                id: "sa_456",
                name: "deployer",
                type: "service_account",
                role: "member",
                object: "organization.service_account",
                createdAt: 1711471000,
            },
        });
    });
    it("turns every absent optional field into null, owner included", () => {
        const mapped = toAdminApiKeyMetadata({
            object: "organization.admin_api_key",
            id: "key_s",
            redacted_value: "sk-admin...s",
            created_at: 5,
        });
        assert.deepEqual(mapped, {
            id: "key_s",
            name: null,
            redactedValue: "sk-admin...s",
            createdAt: 5,
            expiresAt: null,
            lastUsedAt: null,
            owner: { id: null, name: null, type: null, role: null, object: null, createdAt: null },
        });
    });
});
