import * as assert from "node:assert/strict";
import * as http from "node:http";
import * as net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { MAX_REQUEST_BODY_BYTES } from "../../provider/emulator/server";
import { EmulatorProcess, startEmulatorProcess } from "../helpers/emulatorProcess";

// Issue 9, defect 4: the shipped emulator must answer every bad request with a 4xx and go on
// living. Each test runs the emulator in a child process (so a crash shows as its exit, not
// as the test runner's) and talks to it with raw clients, sending what the package never
// would. EMULATOR_MODULE=<path to an emulator module> runs the same tests against another
// version of it.

const KEYS = "/v1/organization/admin_api_keys";
const MiB = 1024 * 1024;

/** Sends raw bytes and resolves with the status of the answer (0 when none came). */
function rawRequest(port: number, text: string): Promise<number> {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.end(text));
        let received = "";
        socket.setEncoding("latin1");
        socket.on("data", (chunk: string) => {
            received += chunk;
        });
        socket.on("error", () => undefined);
        socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)));
    });
}

/** A request with the emulator's key, as raw text. */
function requestText(emulator: EmulatorProcess, method: string, target: string, body?: string): string {
    const head = [
        `${method} ${target} HTTP/1.1`,
        `Host: 127.0.0.1:${emulator.port}`,
        `Authorization: Bearer ${emulator.adminKey}`,
        "Connection: close",
    ];
    if (body !== undefined) {
        head.push("Content-Type: application/json", `Content-Length: ${Buffer.byteLength(body)}`);
    }
    return `${head.join("\r\n")}\r\n\r\n${body ?? ""}`;
}

/** A list of keys, as the package would ask: the emulator answers 200 while it lives. */
function healthy(emulator: EmulatorProcess): Promise<number> {
    return new Promise((resolve, reject) => {
        const request = http.get(
            `${emulator.url}${KEYS}?limit=1`,
            { headers: { authorization: `Bearer ${emulator.adminKey}` } },
            (response) => {
                response.resume();
                response.on("end", () => resolve(response.statusCode ?? 0));
            },
        );
        request.on("error", reject);
    });
}

// A crash after a bad request comes a little after it (an unhandled rejection): look twice.
async function assertLives(emulator: EmulatorProcess): Promise<void> {
    assert.equal(await healthy(emulator), 200);
    await sleep(100);
    assert.ok(emulator.alive(), "the emulator process ended");
    assert.equal(await healthy(emulator), 200);
}

/**
 * Streams a chunked body of `total` bytes until the emulator answers; resolves with the
 * status and how many body bytes had been sent when the answer came.
 */
function streamLargeBody(emulator: EmulatorProcess, total: number): Promise<{ status: number; sentWhenAnswered: number }> {
    return new Promise((resolve, reject) => {
        const chunk = Buffer.alloc(64 * 1024, "a");
        const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
        let sent = 0;
        let answered: { status: number; sentWhenAnswered: number } | undefined;
        let received = "";
        const socket = net.connect(emulator.port, "127.0.0.1");
        const pump = () => {
            while (answered === undefined && sent < total) {
                sent += chunk.length;
                if (!socket.write(framed)) {
                    socket.once("drain", pump);
                    return;
                }
            }
            if (answered === undefined) {
                socket.end("0\r\n\r\n");
            }
        };
        socket.on("connect", () => {
            socket.write(
                [
                    `POST ${KEYS} HTTP/1.1`,
                    `Host: 127.0.0.1:${emulator.port}`,
                    `Authorization: Bearer ${emulator.adminKey}`,
                    "Content-Type: application/json",
                    "Transfer-Encoding: chunked",
                    "",
                    "",
                ].join("\r\n"),
            );
            pump();
        });
        socket.setEncoding("latin1");
        socket.on("data", (data: string) => {
            received += data;
            const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
            if (status !== undefined && answered === undefined) {
                answered = { status: Number(status), sentWhenAnswered: sent };
                socket.destroy();
                resolve(answered);
            }
        });
        socket.on("error", () => undefined);
        socket.on("close", () => (answered === undefined ? reject(new Error(`no answer after ${sent} bytes`)) : undefined));
    });
}

describe("the emulator survives bad requests (issue 9, defect 4)", function () {
    this.timeout(60_000);
    let emulator: EmulatorProcess;

    beforeEach(async () => {
        emulator = await startEmulatorProcess();
    });

    afterEach(async () => {
        await emulator.stop();
    });

    it("lives on when a client goes away in the middle of a body", async () => {
        const socket = net.connect(emulator.port, "127.0.0.1");
        await new Promise<void>((resolve) => socket.on("connect", resolve));
        const head = requestText(emulator, "POST", KEYS, "x".repeat(1000)).split("\r\n\r\n")[0]!;
        socket.write(`${head}\r\n\r\n{"name":"half`);
        await sleep(50);
        socket.destroy();

        await assertLives(emulator);
    });

    it("answers 400 to an absolute-form URL that does not parse", async () => {
        const status = await rawRequest(emulator.port, requestText(emulator, "GET", `http://127.0.0.1:99999${KEYS}`));

        assert.equal(status, 400);
        await assertLives(emulator);
    });

    it("answers 400 to an id holding a malformed percent-escape", async () => {
        for (const id of ["%E0%A4%A", "%zz", "key_%"]) {
            const status = await rawRequest(emulator.port, requestText(emulator, "GET", `${KEYS}/${id}`));

            assert.equal(status, 400, id);
        }
        await assertLives(emulator);
    });

    it("answers 400 to a JSON body that is not an object", async () => {
        for (const body of ["null", "[]", '"a name"', "42", "true", "{not json"]) {
            const status = await rawRequest(emulator.port, requestText(emulator, "POST", KEYS, body));

            assert.equal(status, 400, body);
        }
        await assertLives(emulator);
    });

    it("refuses a streamed 50 MiB body with 413 before reading it whole, without holding it", async () => {
        await healthy(emulator);
        const peakBefore = await emulator.peakMemory();

        const { status, sentWhenAnswered } = await streamLargeBody(emulator, 50 * MiB);

        assert.equal(status, 413);
        assert.ok(sentWhenAnswered < 50 * MiB, `answered only after all ${sentWhenAnswered} bytes were sent`);
        await assertLives(emulator);
        const grewBy = (await emulator.peakMemory()) - peakBefore;
        assert.ok(grewBy < 25 * MiB, `its peak memory grew by ${(grewBy / MiB).toFixed(1)} MiB`);
    });

    it("refuses a body declared larger than the limit without waiting for it", async () => {
        const head = requestText(emulator, "POST", KEYS, "").replace("Content-Length: 0", `Content-Length: ${MAX_REQUEST_BODY_BYTES + 1}`);

        const status = await rawRequest(emulator.port, head);

        assert.equal(status, 413);
        await assertLives(emulator);
    });
});
