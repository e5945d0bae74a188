// What every benchmark of `npm run bench` shares: the table, timing, the no-op floor resource
// and the package installed as users have it.
import { cp, mkdir, rm } from "node:fs/promises";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/** One row of the printed table. */
export interface Row {
    readonly benchmark: string;
    readonly measured: string;
    readonly baseline: string;
    readonly ratio: string;
    readonly target: string;
}

/** The rows reported so far, in order. */
export const rows: Row[] = [];

/**
 * Records a row of the table and prints it at once, so that a long run shows progress.
 *
 * @param row the figure, its same-run baseline, the ratio and the target
 */
export function report(row: Row): void {
    rows.push(row);
    console.log(`  ${row.benchmark}: ${row.measured} vs ${row.baseline} = ${row.ratio} (target ${row.target})`);
}

/**
 * Runs an action and measures it.
 *
 * @param action what to time
 * @returns its result and the time it took, milliseconds
 */
export async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
    const started = performance.now();
    const result = await action();
    return [result, performance.now() - started];
}

/** A resource read like `X.get` whose provider answers at once: the engine's floor. */
export class NoopRead extends pulumi.dynamic.Resource {
    /**
     * @param name the resource name
     * @param id the id "read"
     */
    constructor(name: string, id: string) {
        super(
            {
                async create() {
                    return { id: "noop" };
                },
                async read(readId: string) {
                    return { id: readId, props: { name: readId } };
                },
            },
            name,
            { name: undefined },
            { id },
            "bench",
            "NoopRead",
        );
    }
}

const REPO_ROOT = path.resolve(__dirname, "../..");

/** The package's module, as a program imports it. */
export type PackageModule = typeof import("../provider");

/**
 * The package as a user has it: a copy under node_modules, so that the provider serializes
 * to require() calls into it rather than to a copy of its code (as it does from this repo).
 * The provider process resolves those from its working folder, which is inside this repo.
 *
 * @returns the installed module, and a function that removes the copy
 */
export async function installedCopy(): Promise<{ module: PackageModule; remove: () => Promise<void> }> {
    const installed = path.join(REPO_ROOT, "node_modules", "pulumi-openai-admin");
    await rm(installed, { recursive: true, force: true });
    await mkdir(installed, { recursive: true });
    await cp(path.join(REPO_ROOT, "package.json"), path.join(installed, "package.json"));
    await cp(path.join(REPO_ROOT, "dist", "provider"), path.join(installed, "dist", "provider"), { recursive: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(installed) as PackageModule;
    return { module, remove: () => rm(installed, { recursive: true, force: true }) };
}

/** A resource as `pulumi stack export` shows it. */
export interface ExportedResource {
    readonly type: string;
    readonly outputs?: Record<string, unknown>;
}

/**
 * Size figures of the resources of one type in a `pulumi stack export`.
 *
 * @param exported the export's JSON text
 * @param type the type token
 * @returns how many, bytes of `__provider` of the first, and the mean bytes each takes in the
 *   state (the resource's entry as the state file indents it)
 */
export function stateSizes(exported: string, type: string): { count: number; providerBytes: number; bytesEach: number } {
    const resources = (JSON.parse(exported) as { deployment: { resources: ExportedResource[] } }).deployment.resources.filter(
        (r) => r.type === type,
    );
    const provider = resources[0]?.outputs?.["__provider"];
    const total = resources.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r, null, 4)), 0);
    return {
        count: resources.length,
        providerBytes: typeof provider === "string" ? Buffer.byteLength(provider) : 0,
        bytesEach: resources.length === 0 ? 0 : total / resources.length,
    };
}
