import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import * as automation from "@pulumi/pulumi/automation";
import { AdminApiEmulator, startEmulator } from "../../provider/emulator";
import { wireProblems } from "../helpers/wireCheck";

const REPO_ROOT = path.resolve(__dirname, "../../..");

/** Everything the CLI printed during one operation. */
export interface Captured {
    readonly stdout: string;
    readonly stderr: string;
}

/** A stack on a file backend in its own folder below `.e2e/`, run by the real Pulumi CLI. */
export interface TestStack {
    readonly stack: automation.Stack;
    /** Folder of the file backend: every state file the engine wrote is below it. */
    readonly backendDir: string;
    /** Everything the CLI printed so far, across operations. */
    readonly printed: string[];
    /** Runs an operation and records what the CLI printed, even when it fails. */
    run<T extends { stdout: string; stderr: string }>(operation: (onOutput: (text: string) => void) => Promise<T>): Promise<T>;
    /** Runs the `pulumi` CLI itself in the stack's folder with the stack's environment (not recorded in `printed`). */
    cli(args: readonly string[]): Promise<Captured>;
    /** Concatenated contents of every file under the backend folder. */
    stateFiles(): Promise<string>;
    /** Removes the stack's folders. */
    dispose(): Promise<void>;
}

/** Options of {@link createTestStack}. */
export interface TestStackOptions {
    readonly program: automation.PulumiFn;
    /** Environment variables for the CLI and the provider process (`OPENAI_*`). */
    readonly env?: Record<string, string>;
    /** Plain stack config. */
    readonly config?: Record<string, string>;
    /** Secret stack config, set as `pulumi config set --secret` does. */
    readonly secretConfig?: Record<string, string>;
}

/**
 * Creates a stack with an inline program. Its working folder sits inside the repo so that
 * the dynamic-provider process resolves `@pulumi/pulumi`, axios and zod from the repo's
 * node_modules, as it would from a user's project.
 */
export async function createTestStack(options: TestStackOptions): Promise<TestStack> {
    await mkdir(path.join(REPO_ROOT, ".e2e"), { recursive: true });
    const root = await mkdtemp(path.join(REPO_ROOT, ".e2e", "stack-"));
    const backendDir = path.join(root, "backend");
    const workDir = path.join(root, "work");
    await mkdir(backendDir);
    await mkdir(workDir);
    const envVars = {
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_HOME: path.join(root, "home"),
        // Never hand a developer's real key or endpoint to a test stack by accident.
        OPENAI_ADMIN_KEY: "",
        OPENAI_BASE_URL: "",
        ...options.env,
    };
    const stack = await automation.LocalWorkspace.createStack(
        { stackName: "e2e", projectName: "openai-admin-e2e", program: options.program },
        {
            workDir,
            pulumiHome: envVars.PULUMI_HOME,
            envVars,
        },
    );
    for (const [key, value] of Object.entries(options.config ?? {})) {
        await stack.setConfig(key, { value });
    }
    for (const [key, value] of Object.entries(options.secretConfig ?? {})) {
        await stack.setConfig(key, { value, secret: true });
    }
    const printed: string[] = [];
    return {
        stack,
        backendDir,
        printed,
        async run(operation) {
            try {
                const result = await operation((text) => printed.push(text));
                printed.push(result.stdout, result.stderr);
                return result;
            } catch (error) {
                if (error instanceof automation.CommandError) {
                    printed.push(String(error));
                }
                throw error;
            }
        },
        async cli(args) {
            const result = await promisify(execFile)("pulumi", [...args, "--stack", "e2e", "--non-interactive"], {
                cwd: workDir,
                env: { ...process.env, ...envVars },
                maxBuffer: 64 * 1024 * 1024,
            });
            return result;
        },
        async stateFiles() {
            const files = await readdir(backendDir, { recursive: true, withFileTypes: true });
            const contents = await Promise.all(
                files.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), "utf8")),
            );
            return contents.join("\n");
        },
        dispose: () => rm(root, { recursive: true, force: true }),
    };
}

/** A resource as `pulumi stack export` shows it. */
export interface StateResource {
    readonly type: string;
    readonly id?: string;
    readonly urn: string;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
}

/** The type token of every AdminApiKey resource. */
export const KEY_TYPE = "pulumi-nodejs:dynamic/openai:AdminApiKey";

/** The resources in a stack's state, optionally of one type only. */
export async function stateResources(t: TestStack, type?: string): Promise<StateResource[]> {
    const deployment = await t.stack.exportStack();
    const resources = (deployment.deployment as { resources?: StateResource[] }).resources ?? [];
    return type === undefined ? resources : resources.filter((resource) => resource.type === type);
}

/** What {@link withEmulatorStacks} gives a suite. */
export interface EmulatorStacks {
    /** The current test's emulator. */
    readonly emulator: () => AdminApiEmulator;
    /**
     * A stack whose credentials point at the emulator: from secret stack config, or from the
     * environment. An inline program runs in this process, so for "env" this process gets the
     * variables too, as a program started by `pulumi up` inherits the CLI's.
     */
    readonly stackWith: (program: automation.PulumiFn, credentials?: "config" | "env") => Promise<TestStack>;
}

/**
 * Registers mocha hooks that give each test of the suite a fresh emulator, and that dispose
 * the stacks it made and restore the environment afterwards.
 */
export function withEmulatorStacks(): EmulatorStacks {
    let emulator: AdminApiEmulator | undefined;
    const stacks: TestStack[] = [];
    const savedEnv = { ...process.env };
    beforeEach(async () => {
        emulator = await startEmulator();
    });
    afterEach(async function () {
        process.env = { ...savedEnv };
        await Promise.all(stacks.splice(0).map((t) => t.dispose()));
        await emulator?.close();
        // What the engine's provider process and the program sent must be what the OpenAPI
        // document describes, as in the unit tests (checked once the test itself passed).
        if (emulator !== undefined && this.currentTest?.state === "passed") {
            assert.deepEqual(wireProblems(emulator), [], "requests or answers the OpenAPI document does not describe");
        }
    });
    const current = (): AdminApiEmulator => {
        if (emulator === undefined) {
            throw new Error("no emulator outside a test");
        }
        return emulator;
    };
    return {
        emulator: current,
        stackWith: async (program, credentials = "config") => {
            const { adminKey, baseUrl } = current();
            if (credentials === "env") {
                process.env["OPENAI_ADMIN_KEY"] = adminKey;
                process.env["OPENAI_BASE_URL"] = baseUrl;
            }
            const t = await createTestStack(
                credentials === "config"
                    ? { program, config: { "openai:baseUrl": baseUrl }, secretConfig: { "openai:adminKey": adminKey } }
                    : { program, env: { OPENAI_ADMIN_KEY: adminKey, OPENAI_BASE_URL: baseUrl } },
            );
            stacks.push(t);
            return t;
        },
    };
}
