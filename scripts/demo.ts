// `npm start`: runs examples/admin-api-key-lookup on the real Pulumi engine and prints its
// outputs as a table. Without OPENAI_ADMIN_KEY it starts the package's emulator and looks up
// the emulator's seeded keys; with it, it reads OPENAI_ADMIN_KEY_IDS from the real API.
// The same stack also lists the organization's projects (getProjectsOutput), archived ones
// included, and prints them as a second table.
// State stays in .pulumi-demo/, so a second run is an update of the same stack.
import { mkdir } from "node:fs/promises";
import * as path from "node:path";
import * as automation from "@pulumi/pulumi/automation";
import Table from "cli-table3";
import { lookupAdminApiKeys } from "../examples/admin-api-key-lookup/program";
import { AdminApiKeyMetadata } from "../provider/api/organization/adminApiKeys";
import { ProjectInfo } from "../provider/api/organization/projects";
import { getProjectsOutput } from "../provider";
import { AdminApiEmulator, startEmulator } from "../provider/emulator";
import { RoleInfo } from "../provider/api/organization/roles";
import { getRoles } from "../provider/pulumi/role";
import { OrganizationUserInfo } from "../provider/api/organization/users";
import { getUsers } from "../provider/pulumi/organizationUser";

const REPO_ROOT = path.resolve(__dirname, "../..");
const DEMO_DIR = path.join(REPO_ROOT, ".pulumi-demo");

interface Target {
    readonly stackName: string;
    readonly keyIds: string[];
    readonly env: Record<string, string>;
    readonly emulator?: AdminApiEmulator;
}

function step(text: string): void {
    console.log(`\n==> ${text}`);
}

async function chooseTarget(): Promise<Target> {
    const adminKey = process.env["OPENAI_ADMIN_KEY"];
    if (adminKey !== undefined && adminKey !== "") {
        const keyIds = (process.env["OPENAI_ADMIN_KEY_IDS"] ?? "")
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id !== "");
        if (keyIds.length === 0) {
            throw new Error(
                "OPENAI_ADMIN_KEY is set, so the demo reads the real API: set OPENAI_ADMIN_KEY_IDS=key_abc,key_def to the admin key ids to look up",
            );
        }
        step(`OPENAI_ADMIN_KEY is set: looking up ${keyIds.length} key(s) in the real Administration API`);
        return { stackName: "openai", keyIds, env: {} };
    }
    const emulator = await startEmulator();
    step(`OPENAI_ADMIN_KEY is not set: started the local emulator at ${emulator.baseUrl}`);
    return {
        stackName: "emulator",
        keyIds: [...emulator.keys.keys()],
        env: { OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl },
        emulator,
    };
}

function when(unixSeconds: number | null): string {
    return unixSeconds === null ? "never" : new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace("T", " ");
}

function printTable(keys: readonly AdminApiKeyMetadata[]): void {
    const table = new Table({
        head: ["id", "name", "owner", "owner type", "role", "created (UTC)", "expires (UTC)", "last used (UTC)", "value"],
        // Colour codes only where a terminal will render them.
        style: process.stdout.isTTY ? {} : { head: [], border: [] },
    });
    for (const key of keys) {
        table.push([
            key.id,
            key.name ?? "(none)",
            key.owner.name ?? key.owner.id ?? "(unknown)",
            key.owner.type ?? "(unknown)",
            key.owner.role ?? "(unknown)",
            when(key.createdAt),
            when(key.expiresAt),
            when(key.lastUsedAt),
            key.redactedValue,
        ]);
    }
    console.log(table.toString());
}

function printProjects(projects: readonly ProjectInfo[]): void {
    const table = new Table({
        head: ["id", "name", "status", "residency", "created (UTC)"],
        style: process.stdout.isTTY ? {} : { head: [], border: [] },
    });
    for (const project of projects) {
        table.push([
            project.id,
            project.name ?? "(none)",
            project.status ?? "(unknown)",
            project.residency ?? "(unknown)",
            when(project.createdAt),
        ]);
    }
    console.log(table.toString());
}

function printRolesTable(roles: readonly RoleInfo[]): void {
    const table = new Table({
        head: ["id", "name", "kind", "permissions", "description"],
        style: process.stdout.isTTY ? {} : { head: [], border: [] },
    });
    for (const role of roles) {
        table.push([
            role.id,
            role.name,
            role.predefinedRole ? "predefined" : "custom",
            role.permissions.join(", "),
            role.description ?? "",
        ]);
    }
    console.log(table.toString());
}

function printPeopleTable(users: readonly OrganizationUserInfo[]): void {
    const table = new Table({
        head: ["id", "name", "email", "role", "SCIM", "joined (UTC)"],
        style: process.stdout.isTTY ? {} : { head: [], border: [] },
    });
    for (const user of users) {
        table.push([
            user.id,
            user.name ?? "(none)",
            user.email ?? "(none)",
            user.role ?? "(unknown)",
            user.isScimManaged ? "yes" : "",
            when(user.addedAt),
        ]);
    }
    console.log(table.toString());
}

async function main(): Promise<void> {
    const started = Date.now();
    const target = await chooseTarget();
    // The inline program runs in this process, so it reads the same variables as the engine.
    Object.assign(process.env, target.env);
    try {
        const workDir = path.join(DEMO_DIR, "project");
        const backendDir = path.join(DEMO_DIR, "state");
        await mkdir(workDir, { recursive: true });
        await mkdir(backendDir, { recursive: true });
        const stack = await automation.LocalWorkspace.createOrSelectStack(
            {
                stackName: target.stackName,
                projectName: "admin-api-key-lookup",
                program: async () => ({
                    ...lookupAdminApiKeys(target.keyIds),
                    // Read from the program's process: a list costs one request a page, nothing in state.
                    projects: getProjectsOutput({ includeArchived: true }).projects,
                }),
            },
            {
                workDir,
                envVars: {
                    PULUMI_BACKEND_URL: `file://${backendDir}`,
                    PULUMI_CONFIG_PASSPHRASE: process.env["PULUMI_CONFIG_PASSPHRASE"] ?? "pulumi-openai-admin-demo",
                    PULUMI_SKIP_UPDATE_CHECK: "true",
                    ...target.env,
                },
            },
        );
        step(`pulumi up: stack "${target.stackName}", state in ${path.relative(process.cwd(), backendDir) || backendDir}`);
        const result = await stack.up({ onOutput: (text) => process.stdout.write(text) });
        const keys = (result.outputs["keys"]?.value ?? []) as AdminApiKeyMetadata[];
        step(`Exported outputs: ${keys.length} admin API key(s)`);
        printTable(keys);
        const projects = (result.outputs["projects"]?.value ?? []) as ProjectInfo[];
        step(`Exported outputs: ${projects.length} project(s), archived ones included`);
        printProjects(projects);
        const { users } = await getUsers();
        step(`The organization's people: ${users.length}`);
        printPeopleTable(users);
        const { roles } = await getRoles();
        step(`The organization's roles: ${roles.length}`);
        printRolesTable(roles);
        const changes = Object.entries(result.summary.resourceChanges ?? {})
            .map(([kind, count]) => `${count} ${kind}`)
            .join(", ");
        console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s (${changes}). Run it again: it updates the same stack.`);
    } finally {
        await target.emulator?.close();
    }
}

main().catch((error: unknown) => {
    const message =
        error instanceof automation.CommandError
            ? error.message
            : error instanceof Error
              ? `${error.name}: ${error.message}`
              : String(error);
    console.error(`\nThe demo failed: ${message}`);
    process.exitCode = 1;
});
