import { readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv2020, { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const REPO_ROOT = path.resolve(__dirname, "../../..");

/** The OpenAPI document of the OpenAI API; it sits next to the repo and is never copied into it. */
export const SPEC_PATH = path.resolve(REPO_ROOT, "../shared/reference/openai-openapi.yaml");

// Every `$ref` is rewritten against this id, so that schemas of operations and components
// resolve in the one copy of `components` that each Ajv instance holds.
const SPEC_ID = "https://openapi.invalid/openai-openapi.json";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
type Method = (typeof METHODS)[number];

/** A JSON Reference, e.g. `{ $ref: "#/components/schemas/Project" }`. */
export interface Reference {
    readonly $ref: string;
}

/** A parameter of an operation. */
export interface Parameter {
    readonly name: string;
    readonly in: "query" | "path" | "header" | "cookie";
    readonly required?: boolean;
    readonly schema?: unknown;
    readonly style?: string;
}

/** A body in one content type. */
export interface MediaType {
    readonly schema?: unknown;
}

/** What an operation accepts as a body. */
export interface RequestBody {
    readonly required?: boolean;
    readonly content?: Readonly<Record<string, MediaType>>;
}

/** One declared answer of an operation. */
export interface ResponseObject {
    readonly content?: Readonly<Record<string, MediaType>>;
}

/** One method on one path. */
export interface Operation {
    readonly operationId?: string;
    readonly parameters?: readonly (Parameter | Reference)[];
    readonly requestBody?: RequestBody | Reference;
    readonly responses?: Readonly<Record<string, ResponseObject | Reference>>;
}

/** The operations on one path template, plus parameters they share. */
export type PathItem = { readonly [M in Method]?: Operation } & { readonly parameters?: readonly (Parameter | Reference)[] };

/** The parts of an OpenAPI 3.1 document the checker reads. */
export interface OpenApiDocument {
    readonly openapi: string;
    readonly paths: Readonly<Record<string, PathItem>>;
    readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

/** A request as the package sends it. */
export interface OpenApiRequest {
    /** HTTP method, any case. */
    readonly method: string;
    /**
     * Path below the API root, with its query string if any, e.g.
     * `/organization/projects/proj_1/users?limit=100`. A leading `/v1` is dropped, and a full
     * URL is cut down to its path and query.
     */
    readonly path: string;
    /** The parsed JSON body; `undefined` when the request has none. */
    readonly body?: unknown;
}

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isReference(value: unknown): value is Reference {
    return isObject(value) && typeof value["$ref"] === "string";
}

let spec: OpenApiDocument | undefined;

/**
 * Parses the OpenAPI document at {@link SPEC_PATH}, once per process.
 *
 * @returns the document
 * @throws Error when the file is missing or is not an OpenAPI document
 */
export function loadSpec(): OpenApiDocument {
    if (spec === undefined) {
        let text: string;
        try {
            text = readFileSync(SPEC_PATH, "utf8");
        } catch (error) {
            throw new Error(`cannot read the OpenAPI document at ${SPEC_PATH} (it belongs in ../shared/reference next to the repo)`, {
                cause: error,
            });
        }
        const parsed: unknown = parse(text);
        if (!isObject(parsed) || typeof parsed["openapi"] !== "string" || !isObject(parsed["paths"])) {
            throw new Error(`${SPEC_PATH} is not an OpenAPI document`);
        }
        spec = parsed as unknown as OpenApiDocument;
    }
    return spec;
}

/** Follows local `$ref`s (`#/...`) until it reaches an object that is not a reference. */
function resolve<T>(document: OpenApiDocument, node: T | Reference): T {
    let current: unknown = node;
    for (let hops = 0; isReference(current); hops++) {
        const ref = current.$ref;
        if (!ref.startsWith("#/") || hops > 20) {
            throw new Error(`cannot resolve $ref ${ref}`);
        }
        current = ref
            .slice(2)
            .split("/")
            .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
            .reduce<unknown>((target, part) => (isObject(target) ? target[part] : undefined), document);
        if (current === undefined) {
            throw new Error(`$ref ${ref} points at nothing`);
        }
    }
    return current as T;
}

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_SINGLES = new Set([
    "items",
    "additionalItems",
    "additionalProperties",
    "unevaluatedItems",
    "unevaluatedProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
]);

/**
 * Turns an OpenAPI schema into one Ajv validates as its authors meant: refs made absolute,
 * the OpenAPI 3.0 `nullable` (which the document still uses, sometimes without `type`, which
 * Ajv rejects) turned into "or null", 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum`
 * turned into 3.1's numbers, `$recursiveRef: "#"` pointed at the component it sits in, and
 * annotations Ajv does not use dropped. Walks only schema positions, so that a
 * property that happens to be named `nullable` or `x-foo` stays a property.
 */
function normalizeSchema(schema: unknown, self: string | undefined): unknown {
    if (Array.isArray(schema)) {
        return schema.map((item) => normalizeSchema(item, self));
    }
    if (!isObject(schema)) {
        return schema;
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
        if (key.startsWith("x-") || key === "nullable" || key === "discriminator" || key === "example" || key === "$recursiveAnchor") {
            continue;
        }
        if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) {
            out[key] = SPEC_ID + value;
        } else if (key === "$recursiveRef") {
            if (self !== undefined) {
                out["$ref"] = self;
            }
        } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
            out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, normalizeSchema(sub, self)]));
        } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
            out[key] = value.map((sub) => normalizeSchema(sub, self));
        } else if (SCHEMA_SINGLES.has(key)) {
            out[key] = normalizeSchema(value, self);
        } else {
            out[key] = value;
        }
    }
    for (const [exclusive, bound] of [
        ["exclusiveMinimum", "minimum"],
        ["exclusiveMaximum", "maximum"],
    ] as const) {
        if (typeof out[exclusive] === "boolean") {
            if (out[exclusive] === true) {
                out[exclusive] = out[bound];
                delete out[bound];
            } else {
                delete out[exclusive];
            }
        }
    }
    return schema["nullable"] === true ? { anyOf: [out, { type: "null" }] } : out;
}

function newAjv(components: JsonObject, coerce: boolean): Ajv2020 {
    const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce ? "array" : false });
    addFormats(ajv);
    // An OpenAI extension: seconds since the epoch, which cannot be negative.
    ajv.addFormat("unixtime", { type: "number", validate: (value: number) => Number.isInteger(value) && value >= 0 });
    ajv.addSchema({ $id: SPEC_ID, components: { schemas: components } });
    return ajv;
}

interface Route {
    readonly template: string;
    /** One entry per segment: the literal text, or `null` for a `{parameter}`. */
    readonly segments: readonly (string | null)[];
    readonly names: readonly (string | undefined)[];
    readonly item: PathItem;
}

interface Match {
    readonly route: Route;
    readonly method: Method;
    readonly operation: Operation;
    /** `METHOD /template`, for messages. */
    readonly label: string;
    readonly pathParams: Readonly<Record<string, string>>;
    readonly query: URLSearchParams;
}

/** Routes, Ajv instances and compiled validators for one document. */
class Checker {
    private readonly routes: readonly Route[];
    private readonly components: JsonObject;
    private bodyAjv: Ajv2020 | undefined;
    private parameterAjv: Ajv2020 | undefined;
    private readonly validators = new Map<string, ValidateFunction>();

    constructor(private readonly document: OpenApiDocument) {
        this.routes = Object.entries(document.paths)
            // Keys such as `/responses?beta=true` only tell a beta variant apart by a header; no request path matches them.
            .filter(([template]) => !template.includes("?"))
            .map(([template, item]) => {
                const parts = template.split("/").slice(1);
                return {
                    template,
                    item,
                    segments: parts.map((part) => (/^\{[^{}]+\}$/.test(part) ? null : part)),
                    names: parts.map((part) => (/^\{[^{}]+\}$/.test(part) ? part.slice(1, -1) : undefined)),
                };
            });
        this.components = Object.fromEntries(
            Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
                name,
                normalizeSchema(schema, `${SPEC_ID}#/components/schemas/${encodeURIComponent(name)}`),
            ]),
        );
    }

    /** Finds the operation a request is for, or says why there is none. */
    match(method: string, rawPath: string): Match | string {
        let target = rawPath;
        if (/^https?:\/\//i.test(target)) {
            const url = new URL(target);
            target = url.pathname + url.search;
        }
        const queryStart = target.indexOf("?");
        let pathname = queryStart < 0 ? target : target.slice(0, queryStart);
        const query = new URLSearchParams(queryStart < 0 ? "" : target.slice(queryStart + 1));
        if (pathname === "/v1" || pathname.startsWith("/v1/")) {
            pathname = pathname.slice(3);
        }
        const segments = pathname.split("/").slice(1);
        const lower = method.toLowerCase();
        const candidates = this.routes.filter(
            (route) =>
                route.segments.length === segments.length &&
                route.segments.every((literal, i) => (literal === null ? segments[i] !== "" : literal === segments[i])),
        );
        const wanted = METHODS.find((known) => known === lower);
        const withMethod = wanted === undefined ? [] : candidates.filter((route) => route.item[wanted] !== undefined);
        if (wanted === undefined || withMethod.length === 0) {
            if (candidates.length === 0) {
                return `no path in the OpenAPI document matches ${method.toUpperCase()} ${pathname}`;
            }
            const declared = candidates.flatMap((route) =>
                METHODS.filter((known) => route.item[known] !== undefined).map((m) => m.toUpperCase()),
            );
            return `${candidates.map((route) => route.template).join(" or ")} declares no ${method.toUpperCase()} operation (declared: ${[...new Set(declared)].join(", ")})`;
        }
        // The most literal template wins, judged from the left: `/certificates/activate` over `/certificates/{certificate_id}`.
        const route = withMethod.reduce((best, next) => {
            for (let i = 0; i < best.segments.length; i++) {
                const bestLiteral = best.segments[i] !== null;
                const nextLiteral = next.segments[i] !== null;
                if (bestLiteral !== nextLiteral) {
                    return nextLiteral ? next : best;
                }
            }
            return best;
        });
        const operation = route.item[wanted]!;
        const pathParams: Record<string, string> = {};
        route.names.forEach((name, i) => {
            if (name !== undefined) {
                pathParams[name] = decodeURIComponent(segments[i]!);
            }
        });
        return { route, method: wanted, operation, label: `${wanted.toUpperCase()} ${route.template}`, pathParams, query };
    }

    checkRequest(request: OpenApiRequest): string[] {
        const match = this.match(request.method, request.path);
        if (typeof match === "string") {
            return [match];
        }
        return [...this.checkParameters(match), ...this.checkBody(match, request.body)];
    }

    checkResponse(request: Pick<OpenApiRequest, "method" | "path">, status: number, body: unknown): string[] {
        const match = this.match(request.method, request.path);
        if (typeof match === "string") {
            return [match];
        }
        const responses = match.operation.responses ?? {};
        const key = [String(status), `${Math.floor(status / 100)}XX`, "default"].find((candidate) => responses[candidate] !== undefined);
        if (key === undefined) {
            if (status >= 200 && status < 300) {
                return [`${match.label} declares no ${status} answer (declared: ${Object.keys(responses).join(", ")})`];
            }
            return [];
        }
        const response = resolve(this.document, responses[key]!);
        if (response.content === undefined) {
            return body === undefined || body === "" ? [] : [`${match.label} declares no body for a ${status} answer, but one came`];
        }
        const media = response.content["application/json"];
        if (media?.schema === undefined) {
            return [];
        }
        const validate = this.validator(`${match.label} ${key}`, () =>
            this.body().compile(normalizeSchema(media.schema, undefined) as object),
        );
        return validate(body) ? [] : describeErrors(`${status} answer`, validate.errors);
    }

    private checkParameters(match: Match): string[] {
        const problems: string[] = [];
        const declared = new Map<string, Parameter>();
        for (const node of [...(match.route.item.parameters ?? []), ...(match.operation.parameters ?? [])]) {
            const parameter = resolve(this.document, node);
            declared.set(`${parameter.in} ${parameter.name}`, parameter);
        }
        const queryDeclared = [...declared.values()].filter((parameter) => parameter.in === "query");
        const schemaOf = (parameter: Parameter): unknown =>
            parameter.schema === undefined ? undefined : resolve(this.document, parameter.schema as object);
        const isArray = (parameter: Parameter) => {
            const schema = schemaOf(parameter);
            return isObject(schema) && schema["type"] === "array";
        };
        // An object parameter is sent as `name[field]=value` (as the official SDKs do for
        // `effective_at`), whether or not the document says `style: deepObject`.
        const isFields = (parameter: Parameter) => {
            const schema = schemaOf(parameter);
            return parameter.style === "deepObject" || (isObject(schema) && schema["type"] === "object");
        };

        const given = new Map<string, { parameter: Parameter; values: string[]; fields: JsonObject }>();
        for (const [key, value] of match.query) {
            const bracket = /^([^[\]]+)\[([^[\]]*)\]$/.exec(key);
            let parameter = declared.get(`query ${key}`);
            let field: string | undefined;
            if (parameter === undefined && bracket !== null) {
                const base = declared.get(`query ${bracket[1]!}`);
                if (base !== undefined && bracket[2] === "" && isArray(base)) {
                    parameter = base;
                } else if (base !== undefined && bracket[2] !== "" && isFields(base)) {
                    parameter = base;
                    field = bracket[2];
                }
            }
            if (parameter === undefined) {
                const names = queryDeclared.map((candidate) => candidate.name).join(", ") || "none";
                problems.push(`query parameter "${key}" is not declared by ${match.label} (declared: ${names})`);
                continue;
            }
            const entry = given.get(parameter.name) ?? { parameter, values: [], fields: {} };
            given.set(parameter.name, entry);
            if (field === undefined) {
                entry.values.push(value);
            } else {
                entry.fields[field] = value;
            }
        }
        for (const parameter of queryDeclared) {
            if (parameter.required === true && !given.has(parameter.name)) {
                problems.push(`required query parameter "${parameter.name}" of ${match.label} is missing`);
            }
        }

        const query: JsonObject = {};
        for (const [name, { parameter, values, fields }] of given) {
            if (values.length > 1 && !isArray(parameter)) {
                problems.push(
                    `query parameter "${name}" is given ${values.length} times, but ${match.label} declares it as a single value`,
                );
            } else if (isFields(parameter)) {
                query[name] = fields;
            } else {
                query[name] = isArray(parameter) ? values : values[0];
            }
        }
        const validate = this.validator(`${match.label} parameters`, () => {
            const properties = (where: "query" | "path") =>
                Object.fromEntries(
                    [...declared.values()]
                        .filter((parameter) => parameter.in === where && parameter.schema !== undefined)
                        .map((parameter) => [parameter.name, normalizeSchema(parameter.schema, undefined)]),
                );
            return this.parameters().compile({
                type: "object",
                properties: {
                    path: { type: "object", properties: properties("path") },
                    query: { type: "object", properties: properties("query") },
                },
            });
        });
        if (!validate({ path: { ...match.pathParams }, query })) {
            problems.push(...describeParameterErrors(validate.errors));
        }
        return problems;
    }

    private checkBody(match: Match, body: unknown): string[] {
        if (match.operation.requestBody === undefined) {
            return body === undefined ? [] : [`${match.label} declares no request body, but one was sent`];
        }
        const requestBody = resolve(this.document, match.operation.requestBody);
        if (body === undefined) {
            return requestBody.required === true ? [`${match.label} requires a request body, but none was sent`] : [];
        }
        const media = requestBody.content?.["application/json"];
        if (media === undefined) {
            return [`${match.label} takes no JSON body (content types: ${Object.keys(requestBody.content ?? {}).join(", ")})`];
        }
        if (media.schema === undefined) {
            return [];
        }
        const validate = this.validator(`${match.label} request`, () =>
            this.body().compile(normalizeSchema(media.schema, undefined) as object),
        );
        return validate(body) ? [] : describeErrors("request body", validate.errors);
    }

    private validator(key: string, compile: () => ValidateFunction): ValidateFunction {
        let validate = this.validators.get(key);
        if (validate === undefined) {
            validate = compile();
            this.validators.set(key, validate);
        }
        return validate;
    }

    private body(): Ajv2020 {
        return (this.bodyAjv ??= newAjv(this.components, false));
    }

    // Query and path values arrive as text: this instance turns "100" into 100 and "true" into true before validating.
    private parameters(): Ajv2020 {
        return (this.parameterAjv ??= newAjv(this.components, true));
    }
}

function explain(error: ErrorObject): string {
    const message = error.message ?? `fails "${error.keyword}"`;
    const allowed: unknown = error.params["allowedValues"];
    if (error.keyword === "enum" && Array.isArray(allowed)) {
        return `${message}: ${allowed.map((value) => JSON.stringify(value)).join(", ")}`;
    }
    if (error.keyword === "const") {
        return `${message}: ${JSON.stringify(error.params["allowedValue"])}`;
    }
    if (error.keyword === "additionalProperties") {
        return `${message}: "${String(error.params["additionalProperty"])}"`;
    }
    return message;
}

const VALUE_KEYWORDS = new Set(["type", "enum", "const"]);

/**
 * Ajv reports an `anyOf` that nothing matched as one error per branch followed by "must match a
 * schema in anyOf"; this folds the branches' type, enum and const errors at the same place into
 * the one line a reader wants: "must be string or must be null".
 */
function condense(errors: readonly ErrorObject[] | null | undefined): { instancePath: string; text: string }[] {
    const lines: { instancePath: string; text: string; keyword: string }[] = [];
    for (const error of errors ?? []) {
        const line = { instancePath: error.instancePath, text: explain(error), keyword: error.keyword };
        if (error.keyword === "anyOf" || error.keyword === "oneOf") {
            let first = lines.length;
            while (first > 0 && lines[first - 1]!.instancePath === error.instancePath && VALUE_KEYWORDS.has(lines[first - 1]!.keyword)) {
                first--;
            }
            if (lines.length - first > 1) {
                line.text = lines
                    .splice(first)
                    .map((alternative) => alternative.text)
                    .join(" or ");
            }
        }
        lines.push(line);
    }
    const seen = new Set<string>();
    return lines.filter((line) => {
        const key = `${line.instancePath} ${line.text}`;
        if (seen.has(key)) {
            return false;
        }
        seen.add(key);
        return true;
    });
}

function describeErrors(what: string, errors: readonly ErrorObject[] | null | undefined): string[] {
    return condense(errors).map(({ instancePath, text }) => `${what}${instancePath === "" ? "" : ` at ${instancePath}`}: ${text}`);
}

function describeParameterErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
    return condense(errors).map(({ instancePath, text }) => {
        const [, where, name, ...rest] = instancePath.split("/");
        if (where === undefined || name === undefined) {
            return `parameters: ${text}`;
        }
        const unescaped = name.replace(/~1/g, "/").replace(/~0/g, "~");
        return `${where} parameter "${unescaped}"${rest.length === 0 ? "" : ` at /${rest.join("/")}`}: ${text}`;
    });
}

let checker: Checker | undefined;

function currentChecker(): Checker {
    return (checker ??= new Checker(loadSpec()));
}

/**
 * Checks a request against the OpenAPI document: the method and path must match an operation
 * (a literal path segment wins over a `{parameter}`), every query parameter must be declared
 * by it and fit its schema (arrays as repeated parameters or `name[]`), required ones must be
 * present, and the body must be what the operation accepts: none, or JSON that fits its schema.
 *
 * @param request method, path below the API root (with query string; `/v1` is dropped) and parsed body
 * @returns problems found, each a sentence; empty when the request conforms
 */
export function checkRequest(request: OpenApiRequest): string[] {
    return currentChecker().checkRequest(request);
}

/**
 * Checks an answer against the OpenAPI document: its body must fit the JSON schema the
 * operation declares for that status (or its `2XX` / `default` entry). A success status the
 * operation does not declare is a problem; an error status it does not declare is not checked,
 * as the document declares few of the errors the API sends.
 *
 * @param request method and path of the request answered, as for {@link checkRequest}
 * @param status the HTTP status of the answer
 * @param body the parsed JSON body, `undefined` when there is none
 * @returns problems found, each a sentence; empty when the answer conforms
 */
export function checkResponse(request: Pick<OpenApiRequest, "method" | "path">, status: number, body: unknown): string[] {
    return currentChecker().checkResponse(request, status, body);
}
