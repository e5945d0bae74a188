import * as assert from "node:assert/strict";
import { AdminApiKeyMetadata } from "../../provider/api/organization/adminApiKeys";
import { InvalidInputError } from "../../provider/core/errors";
import { assertExpectations, evaluateExpectations, validateExpectations } from "../../provider/api/organization/adminApiKeys";
import { ExpectationError } from "../../provider/api/expectations";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0) / 1000;
const DAY = 86_400;

const key: AdminApiKeyMetadata = {
    id: "key_abc",
    name: "Deploy key",
    redactedValue: "sk-admin...abc",
    createdAt: NOW - 100 * DAY,
    expiresAt: NOW + 10 * DAY,
    lastUsedAt: NOW - 3 * DAY,
    owner: { id: "user_ada", name: "Ada Lovelace", type: "user", role: "member", object: "organization.user", createdAt: NOW - 400 * DAY },
};

describe("evaluateExpectations", () => {
    it("passes a key that meets every expectation", () => {
        const failures = evaluateExpectations(
            key,
            {
                ownerType: "user",
                ownerId: "user_ada",
                ownerName: "Ada Lovelace",
                ownerRole: "member",
                notExpired: true,
                minDaysToExpiry: 9.5,
                usedWithinDays: 3,
            },
            NOW,
        );
        assert.deepEqual(failures, []);
    });

    it("names each failed owner expectation with the actual value", () => {
        const failures = evaluateExpectations(
            key,
            { ownerType: "service_account", ownerId: "sa_1", ownerName: "ci-bot", ownerRole: "owner" },
            NOW,
        );
        assert.deepEqual(failures, [
            { expectation: "ownerType", message: 'owner type is "user", expected "service_account"' },
            { expectation: "ownerId", message: 'owner id is "user_ada", expected "sa_1"' },
            { expectation: "ownerName", message: 'owner name is "Ada Lovelace", expected "ci-bot"' },
            { expectation: "ownerRole", message: 'owner role is "member", expected "owner"' },
        ]);
    });

    it("accepts any of several allowed owners, and lists them when none matches", () => {
        assert.deepEqual(evaluateExpectations(key, { ownerId: ["sa_ci", "user_ada"], ownerRole: ["owner", "member"] }, NOW), []);
        assert.deepEqual(evaluateExpectations(key, { ownerId: ["sa_ci", "sa_deploy"] }, NOW), [
            { expectation: "ownerId", message: 'owner id is "user_ada", expected one of "sa_ci", "sa_deploy"' },
        ]);
    });

    it("says the owner is unknown when the API did not send it", () => {
        const ownerless = { ...key, owner: { ...key.owner, type: null } };
        assert.deepEqual(evaluateExpectations(ownerless, { ownerType: "user" }, NOW), [
            { expectation: "ownerType", message: 'owner type is unknown, expected "user"' },
        ]);
    });

    it("fails a key that expires sooner than the minimum, with the date", () => {
        assert.deepEqual(evaluateExpectations(key, { minDaysToExpiry: 14 }, NOW), [
            { expectation: "minDaysToExpiry", message: "expires in 10.0 days (2026-12-03 12:00 UTC), expected at least 14 days left" },
        ]);
    });

    it("fails an expired key on notExpired and on minDaysToExpiry", () => {
        const expired = { ...key, expiresAt: NOW - 2 * DAY };
        assert.deepEqual(evaluateExpectations(expired, { notExpired: true, minDaysToExpiry: 0 }, NOW), [
            { expectation: "notExpired", message: "expired 2.0 days ago (2026-11-21 12:00 UTC), expected not expired" },
            { expectation: "minDaysToExpiry", message: "expired 2.0 days ago (2026-11-21 12:00 UTC), expected at least 0 days left" },
        ]);
    });

    it("passes a key that never expires on both expiry expectations", () => {
        assert.deepEqual(evaluateExpectations({ ...key, expiresAt: null }, { notExpired: true, minDaysToExpiry: 3650 }, NOW), []);
    });

    it("fails a key used too long ago, and one never used", () => {
        assert.deepEqual(evaluateExpectations(key, { usedWithinDays: 1 }, NOW), [
            {
                expectation: "usedWithinDays",
                message: "last used 3.0 days ago (2026-11-20 12:00 UTC), expected use within the last 1 days",
            },
        ]);
        assert.deepEqual(evaluateExpectations({ ...key, lastUsedAt: null }, { usedWithinDays: 30 }, NOW), [
            { expectation: "usedWithinDays", message: "was never used, expected use within the last 30 days" },
        ]);
    });

    it("checks nothing when no expectation is given", () => {
        assert.deepEqual(evaluateExpectations({ ...key, expiresAt: NOW - DAY, lastUsedAt: null }, {}, NOW), []);
    });
});

describe("assertExpectations", () => {
    it("returns the key when it passes", () => {
        assert.equal(assertExpectations(key, { ownerType: "user" }, NOW), key);
    });

    it("throws one error naming the key id and every failure", () => {
        assert.throws(
            () => assertExpectations(key, { ownerType: "service_account", minDaysToExpiry: 30 }, NOW),
            (error: unknown) => {
                assert.ok(error instanceof ExpectationError);
                assert.equal(error.failures.length, 2);
                assert.equal(
                    error.message,
                    'admin API key "key_abc" fails 2 expectations: ownerType: owner type is "user", expected "service_account"; ' +
                        "minDaysToExpiry: expires in 10.0 days (2026-12-03 12:00 UTC), expected at least 30 days left",
                );
                return true;
            },
        );
    });
});

describe("validateExpectations", () => {
    const attempt = { operation: "read AdminApiKey", target: "ci" };
    const refused: Array<[string, unknown, RegExp]> = [
        ["a misspelt expectation", { ownerTyp: "user" }, /expect\.ownerTyp is not a known field/],
        ["an unknown owner type", { ownerType: "robot" }, /expect\.ownerType is not valid/],
        ["a negative number of days", { minDaysToExpiry: -1 }, /expect\.minDaysToExpiry is not valid/],
        ["days given as text", { usedWithinDays: "7" }, /expect\.usedWithinDays is not valid/],
        ["a list", [], /expect is not valid/],
        ["an empty list of owners", { ownerId: [] }, /expect\.ownerId is not valid/],
    ];
    for (const [what, value, message] of refused) {
        it(`refuses ${what}`, () => {
            assert.throws(
                () => validateExpectations(attempt, value),
                (error: unknown) =>
                    error instanceof InvalidInputError &&
                    message.test(error.message) &&
                    error.message.startsWith('read AdminApiKey "ci" refused'),
            );
        });
    }
    it("accepts nothing as no expectations", () => {
        assert.deepEqual(validateExpectations(attempt, undefined), {});
    });
});
