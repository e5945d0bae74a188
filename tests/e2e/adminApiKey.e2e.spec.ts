import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CommandError } from "@pulumi/pulumi/automation";
import { AdminApiKey, getAdminApiKeyOutput } from "../../provider";
import { toAdminApiKeyMetadata, WireAdminApiKey } from "../../provider/api/organization/adminApiKeys";
import { createTestStack, KEY_TYPE, StateResource, stateResources, TestStack, withEmulatorStacks } from "./harness";
import { KeyIdSource } from "./testResources";

/** The outputs the engine should hold for a key: its metadata without the id. */
function expectedOutputs(wire: WireAdminApiKey | undefined): Record<string, unknown> {
    assert.ok(wire, "the emulator holds the key");
    const { id: _id, ...outputs } = toAdminApiKeyMetadata(wire);
    return outputs;
}

const keyResources = (t: TestStack) => stateResources(t, KEY_TYPE);

// `__provider` (the provider's code) and `__type`/`__get` (which declaration, read-only) are
// the provider's bookkeeping, kept in state so that refresh can find its way back.
function withoutProvider(outputs: Record<string, unknown> | undefined): Record<string, unknown> {
    const { __provider: _provider, __type: type, __get: get, ...rest } = outputs ?? {};
    assert.deepEqual([type, get], ["AdminApiKey", true]);
    return rest;
}

describe("AdminApiKey on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();
    const stackWith = suite.stackWith;

    it("shows the key in preview and exports it exactly as the API holds it, never-used key included", async () => {
        const t = await stackWith(async () => {
            const user = AdminApiKey.get("user-key", "key_user_owned");
            const ci = AdminApiKey.get("ci-key", "key_service_account");
            const pick = (key: AdminApiKey) =>
                pulumi.output({
                    name: key.name,
                    redactedValue: key.redactedValue,
                    createdAt: key.createdAt,
                    expiresAt: key.expiresAt,
                    lastUsedAt: key.lastUsedAt,
                    owner: key.owner,
                });
            return { user: pick(user), ci: pick(ci), ciId: ci.id };
        });

        const preview = await t.run((onOutput) => t.stack.preview({ onOutput }));
        assert.match(preview.stdout, /read\s+pulumi-nodejs:dynamic\/openai:AdminApiKey\s+ci-key/);
        assert.match(preview.stdout, /"CI deploy key"/);
        assert.match(preview.stdout, /"sa_ci_bot"/);

        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.deepEqual(up.outputs["user"]?.value, expectedOutputs(suite.emulator().keys.get("key_user_owned")));
        assert.deepEqual(up.outputs["ci"]?.value, expectedOutputs(suite.emulator().keys.get("key_service_account")));
        assert.equal(up.outputs["ci"]?.value.lastUsedAt, null, "a never-used key keeps lastUsedAt null");
        assert.equal(up.outputs["ciId"]?.value, "key_service_account");

        const resources = await keyResources(t);
        assert.deepEqual(resources.map((r) => r.id).sort(), ["key_service_account", "key_user_owned"]);
        for (const resource of resources) {
            assert.deepEqual(withoutProvider(resource.outputs), expectedOutputs(suite.emulator().keys.get(resource.id!)));
        }
        // Each key was read once in preview and once in up: by its own GET, or, when the
        // engine's two reads arrived together (as they do unless the machine is very busy),
        // both by one list request. Which of the two is a matter of timing; the count is not.
        const paths = suite.emulator().requests.map((r) => r.path.replace(/\?.*$/, ""));
        const lists = paths.filter((p) => p === "/v1/organization/admin_api_keys").length;
        const gets = (id: string) => paths.filter((p) => p.endsWith(`/${id}`)).length;
        assert.equal(lists + gets("key_user_owned"), 2, paths.join(", "));
        assert.equal(lists + gets("key_service_account"), 2, paths.join(", "));
        assert.equal(paths.length, lists + gets("key_user_owned") + gets("key_service_account"), paths.join(", "));
    });

    it("reads a key through getAdminApiKeyOutput, also when its id is unknown until another resource exists", async () => {
        const t = await stackWith(async () => {
            const source = new KeyIdSource("source", { target: "key_expired" });
            const later = getAdminApiKeyOutput({ keyId: source.keyId });
            const known = getAdminApiKeyOutput({ keyId: "key_sparse" });
            return { later, known };
        });
        const preview = await t.run((onOutput) => t.stack.preview({ onOutput }));
        assert.match(preview.stdout, /\+ 2 to create/);
        assert.match(preview.stdout, /known\s*:\s*\{/, "the known id is read during preview");
        assert.match(preview.stdout, /later\s*:\s*\[unknown\]/, "the unknown id leaves the result unknown");

        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.deepEqual(up.outputs["later"]?.value, toAdminApiKeyMetadata(suite.emulator().keys.get("key_expired")!));
        assert.deepEqual(up.outputs["known"]?.value, toAdminApiKeyMetadata(suite.emulator().keys.get("key_sparse")!));
    });

    it("picks up changes on refresh and fails the next update with the whole story when the key is deleted", async () => {
        const t = await stackWith(async () => ({ lastUsedAt: AdminApiKey.get("ci-key", "key_service_account").lastUsedAt }), "env");
        await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal((await keyResources(t))[0]?.outputs?.["lastUsedAt"], null);

        const usedAt = 1_790_000_000;
        suite.emulator().keys.set("key_service_account", { ...suite.emulator().keys.get("key_service_account")!, last_used_at: usedAt });
        const refresh = await t.run((onOutput) => t.stack.refresh({ onOutput }));
        assert.match(refresh.stdout, /~ 1 updated|1 updated/);
        assert.equal((await keyResources(t))[0]?.outputs?.["lastUsedAt"], usedAt);

        suite.emulator().keys.delete("key_service_account");
        const error = await t
            .run((onOutput) => t.stack.up({ onOutput }))
            .then(
                () => assert.fail("the update should fail"),
                (e: unknown) => e,
            );
        assert.ok(error instanceof CommandError, String(error));
        const notFound = suite.emulator().requests.filter((r) => r.status === 404);
        assert.equal(notFound.length, 1, "a missing key is read once, not retried");
        const printed = String(error);
        assert.match(
            printed,
            /error: (?:Preview failed: )?retrieve admin API key "key_service_account" failed: HTTP 404: No admin API key found with id 'key_service_account'\./,
        );
        assert.ok(printed.includes(`[request id: ${notFound[0]!.requestId}]`), "the CLI output carries the request id");
    });

    it("fails with the 401 message when the admin key is wrong", async () => {
        const t = await createTestStack({
            program: async () => ({ name: AdminApiKey.get("ci-key", "key_service_account").name }),
            env: { OPENAI_BASE_URL: suite.emulator().baseUrl },
            secretConfig: { "openai:adminKey": "sk-admin-this-is-not-the-emulators-key" },
        });
        const error = await t
            .run((onOutput) => t.stack.preview({ onOutput }))
            .then(
                () => assert.fail("the preview should fail"),
                (e: unknown) => e,
            )
            .finally(() => t.dispose());
        const printed = String(error);
        assert.match(
            printed,
            /error: (?:Preview failed: )?retrieve admin API key "key_service_account" failed: HTTP 401: Incorrect API key provided\./,
        );
        assert.match(printed, /needs an admin key \(sk-admin-\.\.\.\)/);
        assert.match(printed, /\[request id: req_[0-9a-f]+\]/);
        assert.ok(!printed.includes("sk-admin-this-is-not-the-emulators-key"));
    });

    for (const credentials of ["env", "config"] as const) {
        it(`keeps an admin key from ${credentials === "env" ? "OPENAI_ADMIN_KEY" : "secret stack config"} out of state, exports and output`, async () => {
            const t = await stackWith(async () => {
                const keys = ["key_user_owned", "key_service_account", "key_expired"].map((id) => AdminApiKey.get(id, id));
                return { names: keys.map((k) => k.name), direct: getAdminApiKeyOutput({ keyId: "key_sparse" }).redactedValue };
            }, credentials);
            await t.run((onOutput) => t.stack.up({ onOutput }));
            await t.run((onOutput) => t.stack.refresh({ onOutput }));
            await t.run((onOutput) => t.stack.preview({ onOutput }));
            const plain = await t.cli(["stack", "export"]);
            const revealed = await t.cli(["stack", "export", "--show-secrets"]);
            const outputs = await t.cli(["stack", "output", "--json", "--show-secrets"]);
            const state = await t.stateFiles();
            for (const [where, text] of Object.entries({
                plain: plain.stdout,
                outputs: outputs.stdout,
                state,
                printed: t.printed.join("\n"),
            })) {
                assert.ok(text.length > 100, `${where} has something to search`);
                assert.ok(!text.includes(suite.emulator().adminKey), `the admin key appears in ${where}`);
            }

            const deployment = JSON.parse(revealed.stdout) as { deployment: { resources: StateResource[] } };
            if (credentials === "config") {
                // The engine hands the whole stack config to the default provider of dynamic
                // resources and keeps it, encrypted, in that provider's state (pkg/resource/deploy
                // target.go, GetPackageConfig). Those copies are the engine's, and the only ones.
                const defaultProvider = deployment.deployment.resources.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
                for (const bag of [defaultProvider?.inputs, defaultProvider?.outputs]) {
                    assert.ok(JSON.stringify(bag?.["openai:adminKey"]).includes(suite.emulator().adminKey));
                    delete bag?.["openai:adminKey"];
                }
                assert.ok(!plain.stdout.includes(suite.emulator().adminKey), "encrypted in the plain export");
            }
            assert.ok(!JSON.stringify(deployment).includes(suite.emulator().adminKey), "no other copy with --show-secrets");

            const resources = deployment.deployment.resources.filter((r) => r.type === KEY_TYPE);
            assert.equal(resources.length, 3);
            const providerBytes = resources.map((r) => {
                const provider = r.outputs?.["__provider"];
                return typeof provider === "string" ? provider.length : 0;
            });
            console.log(
                `      __provider: ${providerBytes[0]} bytes per resource; state: ${Buffer.byteLength(revealed.stdout)} bytes for ${resources.length} keys`,
            );
            assert.ok(
                providerBytes.every((bytes) => bytes > 0 && bytes === providerBytes[0]),
                "one serialized provider shared by every key",
            );
        });
    }

    it("runs two stacks in parallel against the same API", async () => {
        const first = await stackWith(async () => ({ owner: AdminApiKey.get("a", "key_user_owned").owner }));
        const second = await stackWith(async () => ({ owner: AdminApiKey.get("b", "key_expired").owner }), "env");
        const [one, two] = await Promise.all([
            first.run((onOutput) => first.stack.up({ onOutput })),
            second.run((onOutput) => second.stack.up({ onOutput })),
        ]);
        assert.equal(one.outputs["owner"]?.value.id, "user_ada");
        assert.equal(two.outputs["owner"]?.value.id, "user_grace");
        assert.deepEqual(
            suite
                .emulator()
                .requests.map((r) => `${r.path} ${r.status}`)
                .sort(),
            ["/v1/organization/admin_api_keys/key_expired 200", "/v1/organization/admin_api_keys/key_user_owned 200"],
        );
    });
});

describe("Waiting for the rate limit on the real Pulumi engine", () => {
    const suite = withEmulatorStacks();

    it("tells the user watching the update why it waits", async () => {
        const emulator = suite.emulator();
        const t = await suite.stackWith(
            async () => ({
                read: AdminApiKey.get("ci-key", "key_service_account").id,
                direct: getAdminApiKeyOutput({ keyId: "key_expired" }).id,
            }),
            "env",
        );
        const tooMany = { kind: "status" as const, status: 429, headers: { "retry-after-ms": "1500" } };
        emulator.injectFaults(tooMany, tooMany);
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(up.outputs["read"]?.value, "key_service_account");
        assert.equal(up.outputs["direct"]?.value, "key_expired");
        const printed = t.printed.join("\n");
        const waits =
            printed.match(
                /pulumi-openai-admin: waiting 1\.\d s before GET \/organization\/admin_api_keys\/\{key_id\}: rate limited by the API \(429\)/g,
            ) ?? [];
        // Each 429 makes one wait (the provider's and the program's print alike), shown on the stack's line.
        assert.ok(waits.length >= 2, `both waits are shown:\n${printed}`);
        assert.ok(!printed.includes(emulator.adminKey));
    });
});
