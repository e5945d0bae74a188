import * as http from "node:http";
import { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { ClientSettings } from "../../provider/core/settings";

/** A request a {@link LocalServer} received. */
export interface ReceivedRequest {
    readonly method: string;
    readonly url: string;
    readonly headers: http.IncomingHttpHeaders;
}

/** A plain-http server on 127.0.0.1 whose answers a test decides. */
export interface LocalServer {
    /** `http://127.0.0.1:<port>/v1`. */
    readonly baseUrl: string;
    /** `http://127.0.0.1:<port>`. */
    readonly origin: string;
    readonly requests: ReceivedRequest[];
    /** Stops the server and drops its open connections. */
    close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 with a free port.
 *
 * @param handler answers each request; it may write slowly or never end
 * @param onConnect answers CONNECT requests (a proxy's tunnel), when given
 */
export async function startLocalServer(
    handler: (request: http.IncomingMessage, response: http.ServerResponse) => void,
    onConnect?: (request: http.IncomingMessage, socket: import("node:stream").Duplex) => void,
): Promise<LocalServer> {
    const requests: ReceivedRequest[] = [];
    const server = http.createServer((request, response) => {
        requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
        handler(request, response);
    });
    if (onConnect !== undefined) {
        server.on("connect", (request: http.IncomingMessage, socket: import("node:stream").Duplex) => {
            requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
            onConnect(request, socket);
        });
    }
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        baseUrl: `${origin}/v1`,
        origin,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** An admin key shaped like a real one, long enough to be recognised as a secret. */
export const TEST_ADMIN_KEY = "sk-admin-hardening-0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Client settings for tests: small limits so that every failure ends quickly.
 *
 * @param baseUrl the API root
 * @param overrides any setting to change
 */
export function testSettings(baseUrl: string, overrides: Partial<ClientSettings> = {}): ClientSettings {
    return {
        adminKey: TEST_ADMIN_KEY,
        baseUrl,
        timeoutMs: 200,
        maxRetries: 0,
        retryBudgetMs: 1_000,
        requestsPerMinute: undefined,
        maxConcurrentRequests: 1,
        ...overrides,
    };
}

/** Every rendering of an error that could reach a terminal, a log or a state file. */
export function renderings(error: unknown): string[] {
    const texts = [String(error), inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error) ?? ""];
    if (error instanceof Error) {
        texts.push(error.message, error.stack ?? "");
        texts.push(JSON.stringify(Object.getOwnPropertyNames(error).map((name): unknown => String(Reflect.get(error, name)))));
    }
    return texts;
}

/**
 * Sets environment variables for the length of `body`, then puts the old values back.
 *
 * @param values variables to set; `undefined` unsets one
 * @param body what to run with them
 */
export async function withEnv<T>(values: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
    const apply = (entries: Record<string, string | undefined>) => {
        for (const [name, value] of Object.entries(entries)) {
            if (value === undefined) {
                delete process.env[name];
            } else {
                process.env[name] = value;
            }
        }
    };
    apply(values);
    try {
        return await body();
    } finally {
        apply(saved);
    }
}

/** The variables that point HTTP clients at a proxy, all unset: tests start from no proxy. */
export const NO_PROXY_ENV: Record<string, undefined> = {
    HTTP_PROXY: undefined,
    http_proxy: undefined,
    HTTPS_PROXY: undefined,
    https_proxy: undefined,
    ALL_PROXY: undefined,
    all_proxy: undefined,
    NO_PROXY: undefined,
    no_proxy: undefined,
};

/**
 * Awaits a promise that must reject, and returns what it rejected with.
 *
 * @param run starts the call
 */
export async function failureOf(run: () => Promise<unknown>): Promise<Error> {
    try {
        await run();
    } catch (error) {
        if (error instanceof Error) {
            return error;
        }
        throw new Error(`rejected with a non-Error: ${inspect(error)}`, { cause: error });
    }
    throw new Error("expected a rejection, but the call succeeded");
}

/**
 * Awaits a promise, failing the test when it takes longer than `ms`: a generous bound that
 * says a call ended, never how fast it was.
 *
 * @param ms the bound, milliseconds of real time
 * @param promise what must end
 */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`did not end within ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([promise, late]);
    } finally {
        clearTimeout(timer);
    }
}
