import * as assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import * as net from "node:net";
import { CommandError } from "@pulumi/pulumi/automation";
import { AdminApiKey, getAdminApiKeyOutput } from "../../provider";
import { createTestStack } from "./harness";

// Issue 9, defect 11: an expected failure (here: the API unreachable) shows on the CLI as one
// clear `error:` line per resource or function, with no stack trace, no colour codes and no
// message repeated; stack traces are for bugs only.

/** A loopback port nothing listens on: taken from the system, then closed again. */
async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function occurrences(text: string, part: string): number {
    return text.split(part).length - 1;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

// An inline program that the engine abandoned (a failed preview of an earlier test) never
// returns, and the Automation API leaves its error handlers on this process: each would
// report this test's program error once more. A program run by the CLI has a process of its
// own, so they are set aside while this test runs.
type Listener = (...args: unknown[]) => void;
const events: EventEmitter = process;
const EVENTS = ["unhandledRejection", "uncaughtException"] as const;

function setAsideStaleProgramHandlers(): () => void {
    const stale = EVENTS.flatMap((event) =>
        (events.listeners(event) as Listener[])
            .filter((listener) => listener.toString().includes("errorSet"))
            .map((listener) => ({ event, listener })),
    );
    for (const { event, listener } of stale) {
        events.off(event, listener);
    }
    return () => {
        for (const { event, listener } of stale) {
            events.on(event, listener);
        }
    };
}

describe("how expected failures look on the CLI (issue 9, defect 11)", () => {
    const savedEnv = { ...process.env };
    let restoreHandlers: () => void = () => undefined;
    beforeEach(() => {
        restoreHandlers = setAsideStaleProgramHandlers();
    });
    afterEach(() => {
        restoreHandlers();
        process.env = { ...savedEnv };
    });

    it("shows an unreachable API as one error line per resource and function, with no stack trace", async () => {
        const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
        const env = { OPENAI_BASE_URL: baseUrl, OPENAI_ADMIN_KEY: "sk-admin-cli-errors-0123456789", OPENAI_MAX_RETRIES: "0" };
        // The inline program runs in this process, as a program started by the CLI inherits its environment.
        Object.assign(process.env, env);
        const t = await createTestStack({
            env,
            program: async () => {
                AdminApiKey.get("ci-key", "key_abc");
                getAdminApiKeyOutput({ keyId: "key_def" });
            },
        });
        try {
            const printed: string[] = [];
            const error = await t.stack.preview({ onOutput: (text) => printed.push(text) }).then(
                () => assert.fail("the preview should fail"),
                (e: unknown) => e,
            );
            assert.ok(error instanceof CommandError, String(error));
            const output = printed.join("");
            const lines = output.split("\n").filter((line) => line.trim() !== "");
            const diagnostics = output.slice(output.indexOf("Diagnostics:"), output.indexOf("Resources:"));
            // Measured for issue 9: 32 non-empty lines (14 in Diagnostics) before the fix, 18 to 20 (6)
            // after; the progress lines vary.
            console.log(
                `      (the preview printed ${lines.length} non-empty lines, ${diagnostics.split("\n").filter((l) => l.trim()).length} in Diagnostics)`,
            );

            for (const id of ["key_abc", "key_def"]) {
                const message = `retrieve admin API key "${id}" failed: could not reach ${baseUrl} (ECONNREFUSED`;
                assert.equal(occurrences(diagnostics, message), 1, `once in Diagnostics: ${message}\n${output}`);
                assert.match(diagnostics, new RegExp(`^ {4}error: (Preview failed: )?${escape(message)}`, "m"), "as an error: line");
                assert.ok(
                    lines.every((line) => occurrences(line, message) <= 1),
                    `no line repeats the message\n${output}`,
                );
            }
            assert.doesNotMatch(output, /^\s+at /m, "no stack frame");
            assert.doesNotMatch(output, /\.ts:\d+/, "no frame in a .ts file");
            assert.doesNotMatch(output, /Unhandled exception/, "no unhandled exception");
            assert.doesNotMatch(output, ANSI, "no colour codes");
        } finally {
            await t.dispose();
        }
    });
});
