import { randomBytes } from "node:crypto";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import { WireAdminApiKey } from "../api/organization/adminApiKeys";
import { seedKeys } from "./seedKeys";

/** One scripted misbehaviour, used by the next request that arrives. */
export type Fault =
    /** Answer with this status and an OpenAI-shaped error body (plus any headers given). */
    | { readonly kind: "status"; readonly status: number; readonly message?: string; readonly headers?: Readonly<Record<string, string>> }
    /** Answer with this raw body (HTML from a proxy, garbage, a wrong object, ...). */
    | { readonly kind: "body"; readonly body: string; readonly status?: number; readonly contentType?: string }
    /** Handle the request normally but send only the first half of the body. */
    | { readonly kind: "truncate" }
    /** Destroy the connection without answering. */
    | { readonly kind: "reset" }
    /** Carry the request out (a create creates), then destroy the connection: the answer is lost. */
    | { readonly kind: "drop" }
    /** Never answer (until the emulator closes). */
    | { readonly kind: "hang" }
    /** Wait, then handle the request normally. */
    | { readonly kind: "delay"; readonly ms: number };

/** A request the emulator received, without its headers (they carry the key). */
export interface RecordedRequest {
    readonly method: string;
    /** Path and query, e.g. `/v1/organization/admin_api_keys/key_abc`. */
    readonly path: string;
    /** Status sent, or 0 when the connection was reset or left hanging. */
    readonly status: number;
    /** The `x-request-id` sent with the answer. */
    readonly requestId: string;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
    /** The admin key requests must carry. Default: a fresh random `sk-admin-emulator-...`. */
    readonly adminKey?: string;
    /** Keys the emulator starts with. Default: {@link seedKeys}. */
    readonly keys?: readonly WireAdminApiKey[];
    /** Interface to listen on. Default `127.0.0.1`. */
    readonly host?: string;
    /** Port to listen on. Default 0: any free port. */
    readonly port?: number;
    /** Current time in Unix seconds, for seeds and created keys. Default: the real clock. */
    readonly now?: () => number;
    /**
     * A rate limit per endpoint (method and path template), as the real API enforces: a token
     * bucket of `requestsPerMinute` tokens, refilled over a minute; an empty bucket answers 429
     * with no `retry-after`. `timeScale` runs its minute faster (60: a minute lasts a second).
     * Default: no limit.
     */
    readonly rateLimit?: { readonly requestsPerMinute: number; readonly timeScale?: number };
}

/** A running emulator of the Administration API's admin-key endpoints. */
export interface AdminApiEmulator {
    /** Root URL, e.g. `http://127.0.0.1:43123`. */
    readonly url: string;
    /** What to set as `openai:baseUrl` / `OPENAI_BASE_URL`: {@link url} plus `/v1`. */
    readonly baseUrl: string;
    /** The admin key the emulator accepts. */
    readonly adminKey: string;
    /** The keys it holds, by id; change them to simulate changes made outside Pulumi. */
    readonly keys: Map<string, WireAdminApiKey>;
    /** Every request received so far, oldest first. */
    readonly requests: readonly RecordedRequest[];
    /** Queues faults; each is used by one request, in order. */
    injectFaults(...faults: Fault[]): void;
    /** Stops listening and drops open connections. */
    close(): Promise<void>;
}

const KEYS_PATH = "/v1/organization/admin_api_keys";
const MAX_CREATE_EXPIRY_SECONDS = 31_536_000;

/**
 * Starts a local emulator of the admin API keys endpoints (list, create, retrieve, delete)
 * on a loopback port, with bearer auth, OpenAI-shaped errors, an `x-request-id` on every
 * answer and scripted faults. For tests and offline demos; it keeps everything in memory.
 *
 * @param options admin key, seed keys, address, clock
 * @returns the running emulator; call `close()` when done
 *
 * @example
 * ```typescript
 * import { startEmulator } from "pulumi-openai-admin/emulator";
 *
 * const emulator = await startEmulator();
 * process.env.OPENAI_BASE_URL = emulator.baseUrl;
 * process.env.OPENAI_ADMIN_KEY = emulator.adminKey;
 * // ... run a stack, then:
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<AdminApiEmulator> {
    const now = options.now ?? (() => Math.floor(Date.now() / 1000));
    const adminKey = options.adminKey ?? `sk-admin-emulator-${randomBytes(16).toString("hex")}`;
    const keys = new Map((options.keys ?? seedKeys(now())).map((key) => [key.id, structuredClone(key)]));
    const requests: RecordedRequest[] = [];
    const faults: Fault[] = [];
    const sockets = new Set<import("node:net").Socket>();
    const buckets = new Map<string, { tokens: number; refilledAt: number }>();

    // Takes a token from the endpoint's bucket; false when it is empty.
    function admit(method: string, pathname: string): boolean {
        const limit = options.rateLimit;
        if (limit === undefined) {
            return true;
        }
        const endpoint = `${method} ${pathname.startsWith(`${KEYS_PATH}/`) ? `${KEYS_PATH}/{key_id}` : pathname}`;
        const msPerToken = 60_000 / limit.requestsPerMinute / (limit.timeScale ?? 1);
        const nowMs = performance.now();
        const bucket = buckets.get(endpoint) ?? { tokens: limit.requestsPerMinute, refilledAt: nowMs };
        bucket.tokens = Math.min(limit.requestsPerMinute, bucket.tokens + (nowMs - bucket.refilledAt) / msPerToken);
        bucket.refilledAt = nowMs;
        buckets.set(endpoint, bucket);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    const server = http.createServer((req, res) => {
        void handle(req, res);
    });
    server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });

    async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const requestId = `req_${randomBytes(16).toString("hex")}`;
        const record = (status: number) => requests.push({ method: req.method ?? "", path: req.url ?? "", status, requestId });
        const body = await readBody(req);
        const fault = faults.shift();
        if (fault?.kind === "delay") {
            await new Promise((resolve) => setTimeout(resolve, fault.ms));
        }
        if (fault?.kind === "reset") {
            record(0);
            req.socket.destroy();
            return;
        }
        if (fault?.kind === "hang") {
            record(0);
            return;
        }
        let answer: Answer;
        if (fault?.kind === "status") {
            answer = errorAnswer(fault.status, fault.message ?? defaultMessage(fault.status), fault.headers);
        } else if (fault?.kind === "body") {
            answer = { status: fault.status ?? 200, body: fault.body, contentType: fault.contentType ?? "text/html" };
        } else {
            const url = new URL(req.url ?? "/", "http://emulator");
            answer = admit(req.method ?? "GET", url.pathname)
                ? route(req.method ?? "GET", url, req.headers.authorization, body)
                : errorAnswer(429, defaultMessage(429), undefined, "rate_limit_exceeded");
        }
        if (fault?.kind === "drop") {
            record(0);
            req.socket.destroy();
            return;
        }
        if (fault?.kind === "truncate") {
            answer = { ...answer, body: answer.body.slice(0, Math.floor(answer.body.length / 2)) };
        }
        record(answer.status);
        res.writeHead(answer.status, {
            "content-type": answer.contentType ?? "application/json",
            "x-request-id": requestId,
            ...answer.headers,
        });
        res.end(answer.body);
    }

    function route(method: string, url: URL, authorization: string | undefined, body: string): Answer {
        if (authorization !== `Bearer ${adminKey}`) {
            return errorAnswer(
                401,
                "Incorrect API key provided. You need an admin key of this organization.",
                undefined,
                "invalid_api_key",
            );
        }
        if (url.pathname === KEYS_PATH) {
            if (method === "GET") {
                return listKeys(url.searchParams);
            }
            if (method === "POST") {
                return createKey(body);
            }
        }
        if (url.pathname.startsWith(`${KEYS_PATH}/`)) {
            const id = decodeURIComponent(url.pathname.slice(KEYS_PATH.length + 1));
            const key = keys.get(id);
            if (key === undefined) {
                return errorAnswer(404, `No admin API key found with id '${id}'.`);
            }
            if (method === "GET") {
                return json(200, key);
            }
            if (method === "DELETE") {
                keys.delete(id);
                return json(200, { id, object: "organization.admin_api_key.deleted", deleted: true });
            }
        }
        return errorAnswer(404, `Invalid URL (${method} ${url.pathname})`);
    }

    function listKeys(query: URLSearchParams): Answer {
        const limit = Number(query.get("limit") ?? "20");
        const order = query.get("order") ?? "asc";
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
            return errorAnswer(400, "limit must be an integer between 1 and 100.", undefined, null, "limit");
        }
        if (order !== "asc" && order !== "desc") {
            return errorAnswer(400, "order must be 'asc' or 'desc'.", undefined, null, "order");
        }
        const all = [...keys.values()];
        const sorted = order === "asc" ? all : all.reverse();
        const after = query.get("after");
        const start = after === null ? 0 : sorted.findIndex((key) => key.id === after) + 1;
        const page = sorted.slice(start, start + limit);
        return json(200, {
            object: "list",
            data: page,
            first_id: page[0]?.id ?? null,
            last_id: page[page.length - 1]?.id ?? null,
            has_more: start + limit < sorted.length,
        });
    }

    function createKey(body: string): Answer {
        let parsed: { name?: unknown; expires_in_seconds?: unknown };
        try {
            parsed = JSON.parse(body) as typeof parsed;
        } catch {
            return errorAnswer(400, "We could not parse the JSON body of your request.");
        }
        if (typeof parsed.name !== "string" || parsed.name === "") {
            return errorAnswer(400, "Missing required parameter: 'name'.", undefined, null, "name");
        }
        const expires = parsed.expires_in_seconds;
        if (
            expires !== undefined &&
            (typeof expires !== "number" || !Number.isInteger(expires) || expires < 1 || expires > MAX_CREATE_EXPIRY_SECONDS)
        ) {
            return errorAnswer(
                400,
                `expires_in_seconds must be an integer between 1 and ${MAX_CREATE_EXPIRY_SECONDS}.`,
                undefined,
                null,
                "expires_in_seconds",
            );
        }
        const value = `sk-admin-${randomBytes(24).toString("base64url")}`;
        const created: WireAdminApiKey = {
            object: "organization.admin_api_key",
            id: `key_${randomBytes(8).toString("hex")}`,
            name: parsed.name,
            redacted_value: `sk-admin...${value.slice(-3)}`,
            created_at: now(),
            expires_at: expires === undefined ? null : now() + expires,
            last_used_at: null,
            owner: {
                type: "user",
                object: "organization.user",
                id: "user_emulator",
                name: "Emulator owner",
                created_at: now(),
                role: "owner",
            },
        };
        keys.set(created.id, created);
        return json(200, { ...created, value });
    }

    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
    const address = server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;

    return {
        url,
        baseUrl: `${url}/v1`,
        adminKey,
        keys,
        requests,
        injectFaults: (...more) => {
            faults.push(...more);
        },
        close: () =>
            new Promise<void>((resolve) => {
                for (const socket of sockets) {
                    socket.destroy();
                }
                server.close(() => resolve());
            }),
    };
}

interface Answer {
    readonly status: number;
    readonly body: string;
    readonly contentType?: string;
    readonly headers?: Readonly<Record<string, string>>;
}

function json(status: number, value: unknown): Answer {
    return { status, body: JSON.stringify(value) };
}

function errorAnswer(
    status: number,
    message: string,
    headers?: Readonly<Record<string, string>>,
    code: string | null = null,
    param: string | null = null,
): Answer {
    const type = status >= 500 ? "server_error" : status === 429 ? "rate_limit_exceeded" : "invalid_request_error";
    return { status, headers, body: JSON.stringify({ error: { message, type, param, code } }) };
}

function defaultMessage(status: number): string {
    if (status === 429) {
        return "Rate limit reached for requests. Please try again later.";
    }
    if (status >= 500) {
        return "The server had an error while processing your request. Sorry about that!";
    }
    return `Emulated error ${status}.`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}
