import * as assert from "node:assert/strict";
import { checkEmailDomain, checkNone, checkOnlyRoles, checkOwners } from "../../provider/api/accessGates";

describe("access gates (pure checks)", () => {
    const people = [
        { id: "user_ada", email: "ada@example.com", role: "owner" },
        { id: "user_grace", email: "Grace@Example.com", role: "owner" },
        { id: "user_alan", email: "alan@contractor.io", role: "reader" },
    ];

    it("passes owners that are exactly the listed people, by id or by email in any case", () => {
        assert.deepEqual(checkOwners(people, { exactly: ["user_ada", "grace@example.com"] }), []);
    });

    it("names each owner not listed and each listed person who is not an owner", () => {
        assert.deepEqual(checkOwners(people, { exactly: ["ada@example.com", "user_alan", "user_nobody"] }), [
            { id: "Grace@Example.com", message: 'is an owner, expected only "ada@example.com", "user_alan", "user_nobody"' },
            { id: "user_alan", message: 'has role "reader", expected owner' },
            { id: "user_nobody", message: "is not a member, expected an owner" },
        ]);
    });

    it("with within, accepts fewer owners than listed but no one else", () => {
        assert.deepEqual(checkOwners(people, { within: ["user_ada", "user_grace", "user_katherine"] }), []);
        assert.deepEqual(
            checkOwners(people, { within: ["user_ada"] }).map((failure) => failure.id),
            ["Grace@Example.com"],
        );
    });

    it("names each person outside the email domains; subdomains count as inside", () => {
        assert.deepEqual(checkEmailDomain([...people, { id: "user_eng", email: "x@eng.example.com" }], ["example.com"]), [
            { id: "alan@contractor.io", message: "holds access from @contractor.io, expected only @example.com" },
        ]);
        assert.deepEqual(checkEmailDomain([{ id: "user_x", email: null }], ["@example.com"]), [
            { id: "user_x", message: "holds access from no email address, expected only @example.com" },
        ]);
    });

    it("names every entry of a list that must be empty, and every role outside the allowed ones", () => {
        assert.deepEqual(checkNone(people.slice(0, 1), "a direct member"), [
            { id: "ada@example.com", message: 'is a direct member (role "owner"), expected none' },
        ]);
        assert.deepEqual(
            checkOnlyRoles(
                [
                    { id: "role_a", name: "reader" },
                    { id: "role_b", name: "owner" },
                ],
                ["reader"],
            ),
            [{ id: "role_b", message: 'role "owner" is held, expected only "reader"' }],
        );
    });
});
