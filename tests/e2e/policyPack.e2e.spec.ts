import * as assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { AdminApiKey, Role, UserRoleAssignment } from "../../provider";
import { AdminApiEmulator, startEmulator } from "../../provider/emulator";
import { createTestStack, TestStack } from "./harness";

const POLICY_PACK = path.resolve(__dirname, "../../../policy-pack");

describe("The policy pack on the real Pulumi engine", () => {
    let emulator: AdminApiEmulator;
    let t: TestStack | undefined;
    let configDir: string;

    beforeEach(async () => {
        emulator = await startEmulator();
        configDir = await mkdtemp(path.join(os.tmpdir(), "policy-config-"));
    });
    afterEach(async () => {
        await t?.dispose();
        await rm(configDir, { recursive: true, force: true });
        await emulator.close();
    });

    async function stackWith(program: () => Promise<Record<string, unknown>>): Promise<TestStack> {
        t = await createTestStack({ program, env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl } });
        return t;
    }

    async function configFile(config: Record<string, Record<string, unknown>>): Promise<string> {
        const file = path.join(configDir, "policy-config.json");
        await writeFile(file, JSON.stringify(config));
        return file;
    }

    const failureOf = (operation: Promise<unknown>) =>
        operation.then(
            () => assert.fail("the operation should fail"),
            (e: unknown) => String(e),
        );

    it("stops a preview that would create a key that never expires, before anything is sent", async () => {
        const stack = await stackWith(async () => ({ id: new AdminApiKey("deploy", { name: "deploy" }).id }));
        const error = await failureOf(stack.run((onOutput) => stack.stack.preview({ onOutput, policyPacks: [POLICY_PACK] })));
        assert.match(error, /openai-admin-api-key-lifetime/);
        assert.match(error, /AdminApiKey "deploy" never expires; set expiresInSeconds to at most 90 days/);
        assert.equal(emulator.requests.length, 0);
    });

    it("fails an update whose new key is owned by a principal the rules do not allow", async () => {
        const stack = await stackWith(async () => ({
            id: new AdminApiKey("deploy", { name: "deploy", expiresInSeconds: 30 * 86_400 }).id,
        }));
        const policyPackConfigs = [await configFile({ "openai-admin-api-key-rules": { ownerType: "service_account" } })];
        const error = await failureOf(stack.run((onOutput) => stack.stack.up({ onOutput, policyPacks: [POLICY_PACK], policyPackConfigs })));
        assert.match(error, /openai-admin-api-key-rules/);
        assert.match(error, /AdminApiKey "deploy": ownerType: owner type is "user", expected "service_account"/);
    });

    it("lets an update through when every rule holds, and does not see keys read with get", async () => {
        const stack = await stackWith(async () => ({
            created: new AdminApiKey("deploy", { name: "deploy", expiresInSeconds: 30 * 86_400 }).id,
            // Owned by a user: the rules below would refuse it, but the engine does not pass read resources to policies.
            read: AdminApiKey.get("platform", "key_user_owned").id,
        }));
        const policyPackConfigs = [
            await configFile({
                "openai-admin-api-key-rules": { ownerId: "user_emulator", ownerRole: "owner", notExpired: true, minDaysToExpiry: 7 },
            }),
        ];
        const up = await stack.run((onOutput) => stack.stack.up({ onOutput, policyPacks: [POLICY_PACK], policyPackConfigs }));
        assert.match(up.stdout, /openai-admin-keys@v0\.1\.0/);
        assert.equal(up.outputs["read"]?.value, "key_user_owned");
    });

    it("stops a preview that would create a role without a description, before anything is sent", async () => {
        const stack = await stackWith(async () => ({ id: new Role("auditor", { name: "Auditor", permissions: ["api.usage.read"] }).id }));
        const error = await failureOf(stack.run((onOutput) => stack.stack.preview({ onOutput, policyPacks: [POLICY_PACK] })));
        assert.match(error, /openai-role-description/);
        assert.match(error, /Role "auditor" has no description; say what the role is for/);
        assert.equal(emulator.requests.length, 0);
    });

    it("fails an update that gives the owner role to a user directly, naming the assignment and the user", async () => {
        const stack = await stackWith(async () => ({
            id: new UserRoleAssignment("katherine-owner", { userId: "user_katherine", roleId: "role_owner" }).id,
        }));
        const error = await failureOf(stack.run((onOutput) => stack.stack.up({ onOutput, policyPacks: [POLICY_PACK] })));
        assert.match(error, /openai-privileged-roles-via-groups/);
        assert.match(
            error,
            /UserRoleAssignment "katherine-owner": role "owner" grants "api.organization.admin" and is assigned to user user_katherine directly; assign it to a group instead/,
        );
    });
});
