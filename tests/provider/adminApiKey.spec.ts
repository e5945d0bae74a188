import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AdminApiKey } from "../../provider/pulumi/adminApiKey";

interface ResourceCall {
    readonly type: string;
    readonly name: string;
    readonly id: string | undefined;
    readonly inputs: Record<string, unknown>;
}

const MOCK_STATE = {
    name: "CI deploy key",
    redactedValue: "sk-admin...c2d",
    createdAt: 1_700_000_000,
    expiresAt: null,
    lastUsedAt: 1_700_100_000,
    owner: {
        id: "sa_ci_bot",
        name: "ci-bot",
        type: "service_account",
        role: "member",
        object: "organization.service_account",
        createdAt: 1_690_000_000,
    },
};

function outputValue<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => resolve(value)));
}

// Mocks never run the provider's read (see shared/reference/PULUMI-NOTES.md): this checks
// the wiring only: the type token, the id sent, the inputs sent and the output names.
describe("AdminApiKey wiring (mocks)", () => {
    const calls: ResourceCall[] = [];
    const SECRET_IN_ENV = "sk-admin-wiring-test-secret-0123456789";
    const savedKey = process.env["OPENAI_ADMIN_KEY"];

    before(async () => {
        process.env["OPENAI_ADMIN_KEY"] = SECRET_IN_ENV;
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    calls.push({ type: args.type, name: args.name, id: args.id, inputs: args.inputs });
                    return { id: args.id ?? `${args.name}_id`, state: MOCK_STATE };
                },
                call: () => ({}),
            },
            "wiring",
            "test",
            false,
        );
    });
    after(() => {
        if (savedKey === undefined) {
            delete process.env["OPENAI_ADMIN_KEY"];
        } else {
            process.env["OPENAI_ADMIN_KEY"] = savedKey;
        }
    });

    it("reads with the type token pulumi-nodejs:dynamic/openai:AdminApiKey and the key id", async () => {
        const key = AdminApiKey.get("ci", "key_service_account");
        assert.equal(await outputValue(key.id), "key_service_account");
        const call = calls.find((c) => c.name === "ci");
        assert.ok(call, "the resource was registered");
        assert.equal(call.type, "pulumi-nodejs:dynamic/openai:AdminApiKey");
        assert.equal(call.id, "key_service_account");
        assert.match(await outputValue(key.urn), /::pulumi-nodejs:dynamic\/openai:AdminApiKey::ci$/);
    });

    it("exposes every output under its documented name", async () => {
        const key = AdminApiKey.get("outputs", "key_service_account");
        assert.deepEqual(
            {
                name: await outputValue(key.name),
                redactedValue: await outputValue(key.redactedValue),
                createdAt: await outputValue(key.createdAt),
                expiresAt: await outputValue(key.expiresAt),
                lastUsedAt: await outputValue(key.lastUsedAt),
                owner: await outputValue(key.owner),
            },
            MOCK_STATE,
        );
    });

    it("sends no credential among its inputs, the serialized provider included", async () => {
        await outputValue(AdminApiKey.get("inputs", "key_user_owned").id);
        const call = calls.find((c) => c.name === "inputs");
        assert.ok(call);
        assert.ok(typeof call.inputs["__provider"] === "string", "the provider travels as __provider");
        assert.deepEqual(Object.keys(call.inputs).sort(), ["__get", "__provider", "__type"]);
        assert.ok(!JSON.stringify(call.inputs).includes(SECRET_IN_ENV));
    });
});
