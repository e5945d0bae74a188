import * as assert from "node:assert/strict";
import { accessAsCode } from "../../examples/access-as-code/program";
import { lookupAdminApiKeys } from "../../examples/admin-api-key-lookup/program";
import { auditAdminApiKeys, KeyAuditRow } from "../../examples/key-audit/program";
import { rotatingDeployKey } from "../../examples/key-rotation/program";
import { gateDeployKey } from "../../examples/ownership-gate/program";
import { onboardProject } from "../../examples/project-onboarding/program";
import { AdminApiEmulator, startEmulator } from "../../provider/emulator";
import { createTestStack, TestStack } from "./harness";

describe("The examples on the real Pulumi engine", () => {
    let emulator: AdminApiEmulator;
    let stack: TestStack | undefined;
    const savedEnv = { ...process.env };

    beforeEach(async () => {
        emulator = await startEmulator();
        // The examples' programs run in this process, as a program started by `pulumi up`
        // would, and read the same variables as the engine.
        process.env["OPENAI_ADMIN_KEY"] = emulator.adminKey;
        process.env["OPENAI_BASE_URL"] = emulator.baseUrl;
    });
    afterEach(async () => {
        process.env = { ...savedEnv };
        await stack?.dispose();
        await emulator.close();
    });

    async function stackFor(program: () => Promise<Record<string, unknown>>): Promise<TestStack> {
        stack = await createTestStack({ program, env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl } });
        return stack;
    }

    it("admin-api-key-lookup exports each key's metadata", async () => {
        const t = await stackFor(async () => lookupAdminApiKeys(["key_user_owned", "key_sparse"]));
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const keys = up.outputs["keys"]?.value as Array<{ id: string; owner: { name: string | null } }>;
        assert.deepEqual(
            keys.map((k) => [k.id, k.owner.name]),
            [
                ["key_user_owned", "Ada Lovelace"],
                ["key_sparse", null],
            ],
        );
    });

    it("key-audit exports one row per key with its status", async () => {
        const t = await stackFor(async () => auditAdminApiKeys(45));
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const rows = up.outputs["keys"]?.value as KeyAuditRow[];
        assert.deepEqual(
            rows.map((row) => `${row.id}: ${row.status}`),
            ["key_user_owned: never expires", "key_service_account: expires soon", "key_expired: expired", "key_sparse: never expires"],
        );
        assert.deepEqual(up.outputs["counts"]?.value, { "never expires": 2, "expires soon": 1, expired: 1 });
    });

    it("ownership-gate passes a service account's key and blocks a user's", async () => {
        const passing = await stackFor(async () =>
            gateDeployKey({ keyId: "key_service_account", ownerType: "service_account", minDaysToExpiry: 14 }),
        );
        const up = await passing.run((onOutput) => passing.stack.up({ onOutput }));
        assert.equal(up.outputs["deployKeyId"]?.value, "key_service_account");
        await passing.dispose();

        const blocked = await stackFor(async () =>
            gateDeployKey({ keyId: "key_user_owned", ownerType: "service_account", minDaysToExpiry: 14 }),
        );
        const error = await blocked
            .run((onOutput) => blocked.stack.preview({ onOutput }))
            .then(
                () => assert.fail("the preview should be blocked"),
                (e: unknown) => String(e),
            );
        assert.match(
            error,
            /admin API key "key_user_owned" fails 1 expectation: ownerType: owner type is "user", expected "service_account"/,
        );
    });

    it("key-rotation creates a key, then rotates it to a new one", async () => {
        let generation = "2026-11";
        const t = await stackFor(async () => rotatingDeployKey(generation, 30));
        const first = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(first.outputs["keyName"]?.value, "deploy 2026-11");
        assert.equal(first.outputs["value"]?.secret, true);

        generation = "2026-12";
        const second = await t.run((onOutput) => t.stack.up({ onOutput }));
        assert.equal(second.outputs["keyName"]?.value, "deploy 2026-12");
        assert.notEqual(second.outputs["keyId"]?.value, first.outputs["keyId"]?.value);
        assert.equal(emulator.keys.has(String(first.outputs["keyId"]?.value)), false, "the old key is deleted");
        assert.equal(emulator.keys.has(String(second.outputs["keyId"]?.value)), true);
    });

    it("project-onboarding creates a project with a deploy account, people and limits, its key a secret; destroy archives it", async () => {
        const t = await stackFor(async () =>
            onboardProject({
                projectName: "Checkout",
                ownerIds: ["user_ada"],
                memberEmails: ["grace@example.com"],
                rateLimits: [{ model: "gpt-4o-mini", maxRequestsPer1Minute: 500, maxTokensPer1Minute: 200_000 }],
                keyRotationDays: 90,
            }),
        );
        const up = await t.run((onOutput) => t.stack.up({ onOutput }));
        const projectId = String(up.outputs["projectId"]?.value);
        assert.match(projectId, /^proj_/);
        assert.equal(up.outputs["projectStatus"]?.value, "active");
        assert.equal(emulator.objects("Project").get(projectId)?.["name"], "Checkout");
        const accountId = `${projectId}/${String(up.outputs["serviceAccountId"]?.value)}`;
        assert.equal(emulator.objects("ProjectServiceAccount").get(accountId)?.["name"], "deploy-bot");
        assert.deepEqual(up.outputs["people"]?.value, [
            { userId: "user_ada", email: "ada@example.com", role: "owner" },
            { userId: "user_grace", email: "grace@example.com", role: "member" },
        ]);
        assert.deepEqual(up.outputs["rateLimits"]?.value, [
            { model: "gpt-4o-mini", maxRequestsPer1Minute: 500, maxTokensPer1Minute: 200_000 },
        ]);

        assert.equal(up.outputs["deployKey"]?.secret, true);
        const deployKey = String(up.outputs["deployKey"]?.value);
        assert.match(deployKey, /^sk-svcacct-/);
        assert.match(String(up.outputs["deployKeyId"]?.value), /^key_/);
        assert.match(t.printed.join("\n"), /deployKey\s*:\s*\[secret\]/);
        for (const [where, text] of Object.entries({ state: await t.stateFiles(), printed: t.printed.join("\n") })) {
            assert.ok(!text.includes(deployKey), `the deploy key appears in plain text in the ${where}`);
        }

        // Every project starts with the organization's limits, as the seeded default project still has them.
        const untouched = structuredClone(emulator.objects("ProjectRateLimit").get("proj_default/rl-gpt-4o-mini"));
        await t.run((onOutput) => t.stack.destroy({ onOutput }));
        const project = emulator.objects("Project").get(projectId);
        assert.equal(project?.["status"], "archived", "the API cannot delete projects: destroy archives it");
        assert.equal(typeof project?.["archived_at"], "number");
        assert.equal(emulator.objects("ProjectServiceAccount").has(accountId), false, "the account and its key are deleted");
        assert.deepEqual(
            [...emulator.objects("ProjectUser").keys()].filter((id) => id.startsWith(`${projectId}/`)),
            [],
            "the people are removed from the project",
        );
        assert.deepEqual(emulator.objects("ProjectUser").get("proj_web/user_grace")?.["role"], "member", "and stay in other projects");
        assert.deepEqual(emulator.objects("ProjectRateLimit").get(`${projectId}/rl-gpt-4o-mini`), untouched, "the limits are put back");
    });

    it("access-as-code gives roles to groups when its gates hold, and stops the preview when the owners differ", async () => {
        const settings = {
            projectId: "proj_research",
            platformGroupId: "group_platform",
            dataGroupId: "group_data",
            ownersProjectId: "proj_web",
            owners: ["ada@example.com"],
        };
        const passing = await stackFor(async () => accessAsCode(settings));
        const up = await passing.run((onOutput) => passing.stack.up({ onOutput }));
        const auditor = String(up.outputs["auditorRoleId"]?.value);
        const operator = String(up.outputs["operatorRoleId"]?.value);
        assert.deepEqual(up.outputs["assignments"]?.value, [`group_platform/${auditor}`, `proj_research/group_data/${operator}`]);
        assert.equal(emulator.objects("Role").get(auditor)?.["name"], "Usage Auditor");
        await passing.dispose();

        const blocked = await stackFor(async () => accessAsCode({ ...settings, owners: ["grace@example.com"] }));
        const error = await blocked
            .run((onOutput) => blocked.stack.preview({ onOutput }))
            .then(
                () => assert.fail("the preview should be blocked"),
                (e: unknown) => String(e),
            );
        assert.match(
            error,
            /2 of the project users of proj_web fail their expectations: "ada@example.com" \(owners: is an owner, expected only "grace@example.com"\), "grace@example.com" \(owners: has role "member", expected owner\)/,
        );
    });
});
