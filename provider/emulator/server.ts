import { randomBytes } from "node:crypto";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import { AnyDeclaration, PublicObject } from "../api/declaration";
import { WireAdminApiKey } from "../api/organization/adminApiKeys";
import { collectionOf, PathTemplate, withSuffix } from "../core/paths";
import { EmulatedResource, EmulatorContext, emulatedResources, newId, Refusal } from "./emulatedResources";
import { serveReport } from "./reports";
import { seedKeys } from "./seedKeys";
import { seedOrganization } from "./seedOrganization";

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
    /** The JSON body received, when there was one. */
    readonly body?: unknown;
    /** The JSON body of a 2xx answer the emulator sent (not a scripted fault's). */
    readonly answer?: unknown;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
    /** The admin key requests must carry. Default: a fresh random `sk-admin-emulator-...`. */
    readonly adminKey?: string;
    /** Keys the emulator starts with. Default: {@link seedKeys}. */
    readonly keys?: readonly WireAdminApiKey[];
    /**
     * Objects of the other resource types it starts with, by type name (`Project`) and
     * resource id (`<project id>/<own id>` for children). Default: {@link seedOrganization}.
     */
    readonly objects?: Readonly<Record<string, ReadonlyMap<string, object>>>;
    /** Interface to listen on. Default `127.0.0.1`. */
    readonly host?: string;
    /** Port to listen on. Default 0: any free port. */
    readonly port?: number;
    /** Current time in Unix seconds, for seeds and created objects. Default: the real clock. */
    readonly now?: () => number;
    /**
     * A rate limit per endpoint (method and path template), as the real API enforces: a token
     * bucket of `requestsPerMinute` tokens, refilled over a minute; an empty bucket answers 429
     * with no `retry-after`. `timeScale` runs its minute faster (60: a minute lasts a second).
     * Default: no limit.
     */
    readonly rateLimit?: { readonly requestsPerMinute: number; readonly timeScale?: number };
}

/** A running emulator of the Administration API. */
export interface AdminApiEmulator {
    /** Root URL, e.g. `http://127.0.0.1:43123`. */
    readonly url: string;
    /** What to set as `openai:baseUrl` / `OPENAI_BASE_URL`: {@link url} plus `/v1`. */
    readonly baseUrl: string;
    /** The admin key the emulator accepts. */
    readonly adminKey: string;
    /** The admin API keys it holds, by id; change them to simulate changes made outside Pulumi. */
    readonly keys: Map<string, WireAdminApiKey>;
    /**
     * The objects of a resource type it holds (`Project`, `ProjectUser`, ...), by resource id
     * (`<project id>/<own id>` for children); change them to simulate changes made outside Pulumi.
     */
    objects(type: string): Map<string, Record<string, unknown>>;
    /** Every request received so far, oldest first. */
    readonly requests: readonly RecordedRequest[];
    /** Queues faults; each is used by one request, in order. */
    injectFaults(...faults: Fault[]): void;
    /** Stops listening and drops open connections. */
    close(): Promise<void>;
}

/** Largest request body the emulator reads; a larger one is refused before it is read whole. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

const API_ROOT = "/v1";

/** One route: a method and a path pattern of a declared resource. */
interface Route {
    readonly method: string;
    readonly pattern: RegExp;
    /** The path template, the rate limiter's key. */
    readonly template: string;
    readonly resource: EmulatedResource;
    readonly kind: "list" | "create" | "retrieve" | "update" | "delete" | "action";
    readonly action?: string;
}

function patternOf(template: PathTemplate): RegExp {
    const escaped = template.parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${API_ROOT}${escaped.join("([^/]+)")}$`);
}

function routesOf(resource: EmulatedResource): Route[] {
    const declaration = resource.declaration;
    const item = declaration.path;
    const collection = collectionOf(item);
    const routes: Route[] = [];
    const add = (method: string, template: PathTemplate, kind: Route["kind"], action?: string) =>
        routes.push({ method, pattern: patternOf(template), template: template.route, resource, kind, action });
    for (const [suffix] of Object.entries(resource.actions ?? {})) {
        add("POST", withSuffix(item, suffix), "action", suffix);
    }
    if (declaration.list !== undefined) {
        add("GET", collection, "list");
    }
    if (declaration.managed?.create !== undefined) {
        add("POST", collection, "create");
    }
    if (declaration.retrieve === "get") {
        add("GET", item, "retrieve");
    }
    if (resource.update !== undefined || declaration.managed?.update !== undefined || declaration.managed?.delete.kind === "reset") {
        add("POST", item, "update");
    }
    if (
        declaration.managed === undefined ||
        declaration.managed.delete.kind === "delete" ||
        declaration.managed.deleteAs !== undefined ||
        resource.refuseDelete !== undefined
    ) {
        add("DELETE", item, "delete");
    }
    return routes;
}

/**
 * Starts a local emulator of the Administration API on a loopback port: every declared
 * resource (admin API keys, projects and their children) served from one in-memory store
 * driven by the same declarations as the package, with bearer auth, OpenAI-shaped errors,
 * an `x-request-id` on every answer, per-endpoint rate limits and scripted faults. For
 * tests and offline demos.
 *
 * @param options admin key, seed objects, address, clock, rate limit
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
    const store = new Map<string, Map<string, Record<string, unknown>>>();
    const seeded = options.objects ?? seedOrganization(now());
    for (const [type, objects] of Object.entries(seeded)) {
        store.set(type, new Map([...objects].map(([id, object]) => [id, structuredClone(object) as Record<string, unknown>])));
    }
    store.set(
        "AdminApiKey",
        new Map((options.keys ?? seedKeys(now())).map((key) => [key.id, structuredClone(key) as unknown as Record<string, unknown>])),
    );
    const objects = (type: string) => {
        let collection = store.get(type);
        if (collection === undefined) {
            collection = new Map();
            store.set(type, collection);
        }
        return collection;
    };
    const routes = emulatedResources.flatMap(routesOf);
    const requests: RecordedRequest[] = [];
    const faults: Fault[] = [];
    const sockets = new Set<import("node:net").Socket>();
    const buckets = new Map<string, { tokens: number; refilledAt: number }>();

    // Takes a token from the endpoint's bucket; false when it is empty.
    function admit(endpoint: string): boolean {
        const limit = options.rateLimit;
        if (limit === undefined) {
            return true;
        }
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
        // A bad request must never end the emulator's process.
        handle(req, res).catch(() => {
            if (!res.headersSent) {
                res.writeHead(400, { "content-type": "application/json" });
                res.end(errorAnswer(400, "Bad request.").body);
            } else {
                res.destroy();
            }
        });
    });
    server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => socket.destroy());
    });
    server.on("clientError", (_error, socket) => socket.destroy());

    async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const requestId = `req_${randomBytes(16).toString("hex")}`;
        const read = await readBody(req);
        const body = read.kind === "read" ? parseJson(read.text) : undefined;
        const record = (status: number, answer?: unknown) =>
            requests.push({ method: req.method ?? "", path: req.url ?? "", status, requestId, body, answer });
        if (read.kind === "aborted") {
            record(0);
            return;
        }
        if (read.kind === "tooLarge") {
            record(413);
            refuseTooLarge(req, res, requestId);
            return;
        }
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
        let served = false;
        if (fault?.kind === "status") {
            answer = errorAnswer(fault.status, fault.message ?? defaultMessage(fault.status), fault.headers);
        } else if (fault?.kind === "body") {
            answer = { status: fault.status ?? 200, body: fault.body, contentType: fault.contentType ?? "text/html" };
        } else {
            answer = serve(req.method ?? "GET", req.url ?? "/", req.headers.authorization, read.text);
            served = true;
        }
        if (fault?.kind === "drop") {
            record(0);
            req.socket.destroy();
            return;
        }
        if (fault?.kind === "truncate") {
            answer = { ...answer, body: answer.body.slice(0, Math.floor(answer.body.length / 2)) };
            served = false;
        }
        record(answer.status, served && answer.status < 300 ? parseJson(answer.body) : undefined);
        res.writeHead(answer.status, {
            "content-type": answer.contentType ?? "application/json",
            "x-request-id": requestId,
            ...answer.headers,
        });
        res.end(answer.body);
    }

    function serve(method: string, rawUrl: string, authorization: string | undefined, text: string): Answer {
        let url: URL;
        try {
            url = new URL(rawUrl, "http://emulator");
        } catch {
            return errorAnswer(400, "The request URL could not be parsed.");
        }
        const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
        if (!admit(`${method} ${route?.template ?? url.pathname}`)) {
            return errorAnswer(429, defaultMessage(429), undefined, "rate_limit_exceeded");
        }
        if (authorization !== `Bearer ${adminKey}`) {
            return errorAnswer(
                401,
                "Incorrect API key provided. You need an admin key of this organization.",
                undefined,
                "invalid_api_key",
            );
        }
        // Reports (usage, costs, audit logs) are read-only and made up from their declarations.
        const report = method === "GET" ? serveReport(url.pathname.slice(API_ROOT.length), url.searchParams, now()) : undefined;
        if (report !== undefined) {
            return report.status === 200 ? json(200, report.value) : errorAnswer(400, report.message, undefined, null, report.param);
        }
        if (route === undefined) {
            return errorAnswer(404, `Invalid URL (${method} ${url.pathname})`);
        }
        let ids: string[];
        try {
            ids = (route.pattern.exec(url.pathname) ?? []).slice(1).map((segment) => decodeURIComponent(segment));
        } catch {
            return errorAnswer(400, "The request URL holds a malformed percent-escape.");
        }
        let body: Record<string, unknown> = {};
        if (text !== "") {
            const parsed = parseJson(text);
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
                return errorAnswer(400, "We could not parse the JSON body of your request: it must be an object.");
            }
            body = parsed as Record<string, unknown>;
        }
        return serveRoute(route, ids, url.searchParams, body);
    }

    function serveRoute(route: Route, ids: string[], query: URLSearchParams, body: Record<string, unknown>): Answer {
        const { resource } = route;
        const declaration = resource.declaration;
        const collection = objects(declaration.type);
        const context: EmulatorContext = { now: now(), ids, objects };
        const parentIds = route.kind === "list" || route.kind === "create" ? ids : ids.slice(0, -1);
        const parentMissing = missingParent(declaration, parentIds);
        if (parentMissing !== undefined) {
            return parentMissing;
        }
        const resourceId = ids.join("/");
        if (route.kind === "list") {
            return listPage(resource, collection, parentIds, query);
        }
        if (route.kind === "create") {
            const made = (resource.create ?? defaultCreate(resource))(body, context);
            if ("refuse" in made) {
                return refusal(made as Refusal);
            }
            const created = made;
            const extra = resource.createAnswer?.(created) ?? {};
            // The own id as the declaration reads it: a project group's is its `group_id`.
            collection.set([...parentIds, (declaration.toPublic(created) as PublicObject).id].join("/"), created);
            return json(200, resource.createResponse?.(created, context) ?? { ...created, ...extra });
        }
        const existing = collection.get(resourceId);
        if (existing === undefined) {
            return errorAnswer(404, `No ${declaration.noun} found with id '${ids.at(-1) ?? ""}'.`);
        }
        switch (route.kind) {
            case "retrieve":
                return json(200, existing);
            case "update": {
                const updated = (
                    resource.update ?? ((old: Record<string, unknown>, changes: Record<string, unknown>) => ({ ...old, ...changes }))
                )(existing, body, context);
                if ("refuse" in updated) {
                    return refusal(updated as Refusal);
                }
                collection.set(resourceId, updated);
                return json(200, updated);
            }
            case "delete": {
                const refused = resource.refuseDelete?.(existing);
                if (refused !== undefined) {
                    return refusal(refused);
                }
                collection.delete(resourceId);
                return json(200, { object: `${declaration.object}.deleted`, id: ids.at(-1), deleted: true });
            }
            case "action": {
                const changed = resource.actions![route.action!]!(existing, context);
                collection.set(resourceId, changed);
                return json(200, changed);
            }
        }
    }

    // A child's collection answers 404 when its parent does not exist, as the API does.
    function missingParent(declaration: AnyDeclaration, parentIds: readonly string[]): Answer | undefined {
        if (parentIds.length === 0) {
            return undefined;
        }
        // `/organization/projects/{project_id}/rate_limits` hangs below the item `/organization/projects/{project_id}`.
        const parentRoute = collectionOf(declaration.path).route.replace(/\/[^/{}]+$/, "");
        const parent = emulatedResources.find((candidate) => candidate.declaration.path.route === parentRoute);
        if (parent === undefined || objects(parent.declaration.type).has(parentIds.join("/"))) {
            return undefined;
        }
        return errorAnswer(404, `No ${parent.declaration.noun} found with id '${parentIds.at(-1) ?? ""}'.`);
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
        baseUrl: `${url}${API_ROOT}`,
        adminKey,
        keys: objects("AdminApiKey") as unknown as Map<string, WireAdminApiKey>,
        objects,
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

function defaultCreate(resource: EmulatedResource) {
    return (body: Record<string, unknown>, { now }: EmulatorContext): Record<string, unknown> => ({
        ...body,
        object: resource.declaration.object,
        id: newId(resource.idPrefix),
        created_at: now,
    });
}

// One page of a collection, in the declaration's paging style, with the API's limit bounds.
function listPage(
    resource: EmulatedResource,
    collection: Map<string, Record<string, unknown>>,
    parentIds: readonly string[],
    query: URLSearchParams,
): Answer {
    const paging = resource.declaration.list!.paging;
    const limit = Number(query.get("limit") ?? "20");
    if (!Number.isInteger(limit) || limit < 1 || limit > paging.pageSize) {
        return errorAnswer(400, `limit must be an integer between 1 and ${paging.pageSize}.`, undefined, null, "limit");
    }
    const order = query.get("order") ?? "asc";
    if (order !== "asc" && order !== "desc") {
        return errorAnswer(400, "order must be 'asc' or 'desc'.", undefined, null, "order");
    }
    const prefix = parentIds.length === 0 ? "" : `${parentIds.join("/")}/`;
    // Cursors are own ids, the last part of the store's key (a project group has no `id` field).
    const all = [...collection.entries()]
        .filter(([id]) => id.startsWith(prefix) && !id.slice(prefix.length).includes("/"))
        .map(([id, object]) => ({ ownId: id.slice(prefix.length), object }))
        .filter(({ object }) => resource.listFilter?.(object, query) ?? true);
    const sorted = order === "asc" ? all : all.reverse();
    const after = query.get("after");
    const start = after === null ? 0 : sorted.findIndex(({ ownId }) => ownId === after) + 1;
    const entries = sorted.slice(start, start + limit);
    const page = entries.map(({ object }) => object);
    const hasMore = start + limit < sorted.length;
    const lastId = entries[entries.length - 1]?.ownId ?? null;
    return json(
        200,
        paging.style === "next"
            ? { object: "list", data: page, has_more: hasMore, next: hasMore ? lastId : null }
            : { object: "list", data: page, first_id: entries[0]?.ownId ?? null, last_id: lastId, has_more: hasMore },
    );
}

function refusal({ refuse }: Refusal): Answer {
    return errorAnswer(refuse.status, refuse.message, undefined, null, refuse.param ?? null);
}

function parseJson(text: string): unknown {
    if (text === "") {
        return undefined;
    }
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

/** What reading a request's body gave. */
type BodyRead = { readonly kind: "read"; readonly text: string } | { readonly kind: "tooLarge" } | { readonly kind: "aborted" };

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

// Answers 413 while the body is still arriving, and closes the connection: the rest of the
// body is discarded as it comes (so the client can read the answer), for a few seconds at most.
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, requestId: string): void {
    const answer = errorAnswer(413, `Request body larger than ${MAX_REQUEST_BODY_BYTES} bytes.`);
    res.writeHead(answer.status, { "content-type": "application/json", "x-request-id": requestId, connection: "close" });
    res.end(answer.body);
    req.resume();
    setTimeout(() => req.socket.destroy(), 5_000).unref();
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

// Reads a body up to MAX_REQUEST_BODY_BYTES. A larger one (declared or streamed) is refused as
// soon as it is known: the read ends there, and the rest is discarded as it arrives, never
// held. A client that goes away mid-body ends the read (it does not fail it).
function readBody(req: http.IncomingMessage): Promise<BodyRead> {
    return new Promise((resolve) => {
        const declared = Number(req.headers["content-length"] ?? "0");
        if (declared > MAX_REQUEST_BODY_BYTES) {
            req.resume();
            resolve({ kind: "tooLarge" });
            return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = (read: BodyRead) => {
            if (!done) {
                done = true;
                chunks.length = 0;
                resolve(read);
            }
        };
        req.on("data", (chunk: Buffer) => {
            if (done) {
                return;
            }
            size += chunk.length;
            if (size > MAX_REQUEST_BODY_BYTES) {
                finish({ kind: "tooLarge" });
                return;
            }
            chunks.push(chunk);
        });
        req.on("end", () => finish({ kind: "read", text: Buffer.concat(chunks).toString("utf8") }));
        req.on("error", () => finish({ kind: "aborted" }));
        req.on("aborted", () => finish({ kind: "aborted" }));
        req.on("close", () => finish({ kind: "aborted" }));
    });
}
