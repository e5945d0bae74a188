import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AnyDeclaration, idPropertiesOf, ownIdPropertyOf, parentPropertiesOf, PublicObject } from "../api/declaration";
import { assertEveryExpectationOf, assertExpectationsOf, validateExpectationsOf, validateListExpectationsOf } from "../api/expectations";
import { ClientFactory, Ids, listObjects, Located, retrieveObject } from "../api/operations";
import { Attempt, InvalidInputError, isExpectedFailure, OpenAIAdminError } from "../core/errors";
import { fillPath } from "../core/paths";
import { resolveSettings } from "../core/settings";
import { parseArguments, schemaOnce } from "../core/validation";
import {
    clientFactory,
    FetchDependencies,
    nowSeconds,
    programDependencies,
    ReadCache,
    READ_CACHE_MAX_ENTRIES,
    READ_CACHE_SECONDS,
} from "./programClient";

/** A lookup by name found no object, or more than one. */
export class LookupError extends OpenAIAdminError {
    override readonly name: string = "LookupError";
    /** Ids of the objects that matched (several) or nearly matched (none), for the message and for callers. */
    readonly candidates: readonly string[];

    /**
     * @param attempt the lookup, with the name as target
     * @param reason what was found
     * @param candidates ids worth naming
     */
    constructor(attempt: Attempt, reason: string, candidates: readonly string[]) {
        super(attempt, `${attempt.operation} "${attempt.target}" failed: ${reason}`);
        this.candidates = candidates;
    }
}

const lastWord = (words: string) => words.split(" ").at(-1) ?? words;

function parentIdsOf(declaration: AnyDeclaration, args: Readonly<Record<string, unknown>>): Ids {
    return Object.fromEntries(parentPropertiesOf(declaration).map((name) => [name, args[name]]));
}

// Checks ids before the cache (which reads the settings), so that a bad id is named even
// when the settings are missing too.
function checkIds(attempt: Attempt, declaration: AnyDeclaration, ids: Ids, count = idPropertiesOf(declaration).length): void {
    const names = idPropertiesOf(declaration).slice(0, count);
    const template = {
        ...declaration.path,
        params: declaration.path.params.slice(0, count),
        parts: declaration.path.parts.slice(0, count + 1),
    };
    fillPath(
        attempt,
        template,
        names.map((name) => ids[name]),
        names,
    );
}

/**
 * Reads one object by its ids or by name, from the program process (dynamic providers
 * cannot serve invokes), and checks it against expectations. The generic body of every
 * `getX` function.
 *
 * @param declaration the resource
 * @param args the ids (or the parents' ids and the name), `expect` and `cache`
 * @param deps where settings come from
 * @returns the object
 * @throws {InvalidInputError} before any request when the arguments are not usable
 * @throws {NotFoundError} when no object has those ids
 * @throws {LookupError} when no object, or several, have that name
 * @throws {ExpectationError} when the object fails an expectation
 */
export async function fetchOne<O extends PublicObject>(
    declaration: AnyDeclaration,
    args: unknown,
    deps: FetchDependencies,
): Promise<Located<O>> {
    const given = (args ?? {}) as Record<string, unknown>;
    const ownId = ownIdPropertyOf(declaration);
    const nameField = declaration.nameField;
    const byName = nameField !== undefined && given[nameField] !== undefined;
    const attempt: Attempt = { operation: byName ? `find ${declaration.noun} named` : `retrieve ${declaration.noun}` };
    if (byName === (given[ownId] !== undefined)) {
        const choices = nameField === undefined ? ownId : `${ownId}, ${nameField}`;
        throw new InvalidInputError(attempt, choices, nameField === undefined ? "must be given" : "exactly one of them must be given");
    }
    const known = new Set([...idPropertiesOf(declaration), ...(nameField === undefined ? [] : [nameField]), "expect", "cache"]);
    const unknown = Object.keys(given).find((name) => !known.has(name));
    if (unknown !== undefined) {
        throw new InvalidInputError(attempt, unknown, "is not a known field");
    }
    const expectations = validateExpectationsOf(declaration, attempt, given["expect"]);
    checkIds(attempt, declaration, given, byName ? parentPropertiesOf(declaration).length : undefined);
    const connect = clientFactory(deps);
    const object = byName
        ? await findByName<O>(connect, declaration, given, given[nameField])
        : await readOnce(deps, given["cache"] !== false, declaration, given, () => retrieveObject<O>(connect, declaration, given));
    const id = [...parentPropertiesOf(declaration).map((name) => String(object[name])), object.id].join("/");
    return assertExpectationsOf(declaration, id, object, expectations, nowSeconds(deps));
}

// Shares one request among the reads of an id, per API root and admin key, for
// READ_CACHE_SECONDS; a failed read is forgotten, so that the next one tries again. Each
// caller gets its own copy, so that no caller can change what another sees.
async function readOnce<O>(
    deps: FetchDependencies,
    useCache: boolean,
    declaration: AnyDeclaration,
    ids: Ids,
    read: () => Promise<O>,
): Promise<O> {
    const cache = useCache ? deps.readCache : undefined;
    if (cache === undefined) {
        return read();
    }
    const target = idPropertiesOf(declaration)
        .map((name) => String(ids[name]))
        .join("/");
    const settings = resolveSettings({ operation: `retrieve ${declaration.noun}`, target }, deps.config, deps.env);
    // A digest, so that the cache never holds the key itself as text.
    const account = createHash("sha256").update(settings.adminKey).digest("hex");
    const cacheKey = `${settings.baseUrl} ${account} ${declaration.type} ${target}`;
    const now = nowSeconds(deps);
    const cached = cache.get(cacheKey);
    if (cached !== undefined && now - cached.readAt < READ_CACHE_SECONDS) {
        return structuredClone((await cached.object) as O);
    }
    const object = read();
    // Deleted first, so that the entry moves to the end: the map stays in order of reading.
    cache.delete(cacheKey);
    cache.set(cacheKey, { readAt: now, object });
    boundReadCache(cache, now);
    object.catch(() => {
        if (cache.get(cacheKey)?.object === object) {
            cache.delete(cacheKey);
        }
    });
    return structuredClone(await object);
}

// A long-lived process (the Automation API) reads many ids: expired reads are dropped, and
// past READ_CACHE_MAX_ENTRIES the oldest, so that the cache never grows without bound.
function boundReadCache(cache: ReadCache, now: number): void {
    for (const [key, entry] of cache) {
        if (now - entry.readAt >= READ_CACHE_SECONDS) {
            cache.delete(key);
        }
    }
    for (const key of cache.keys()) {
        if (cache.size <= READ_CACHE_MAX_ENTRIES) {
            break;
        }
        cache.delete(key);
    }
}

async function findByName<O extends PublicObject>(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    given: Ids,
    name: unknown,
): Promise<Located<O>> {
    const nameField = declaration.nameField!;
    if (typeof name !== "string" || name.trim() === "") {
        throw new InvalidInputError({ operation: `find ${declaration.noun} named` }, nameField, "must be a non-empty string");
    }
    const attempt: Attempt = { operation: `find ${declaration.noun} named`, target: name };
    const one = lastWord(declaration.noun);
    const many = lastWord(declaration.plural);
    const client = connect(attempt);
    // Ids and names come from the server: they pass through the client's redaction of the key.
    const redact = (text: string) => client.redact?.(text) ?? text;
    const all = (await listObjects<O>(() => client, declaration, parentIdsOf(declaration, given), declaration.list?.everything)).map(
        (object) => ({ ...object, id: redact(object.id) }) as Located<O>,
    );
    const nameOf = (object: Located<O>) => {
        const value = object[nameField] as string | null | undefined;
        return typeof value === "string" ? redact(value) : value;
    };
    const matches = all.filter((object) => object[nameField] === name);
    if (matches.length === 1) {
        return matches[0]!;
    }
    if (matches.length > 1) {
        const ids = matches.map((object) => object.id);
        throw new LookupError(
            attempt,
            `${matches.length} ${many} have that ${nameField} (${ids.join(", ")}); look one up by ${ownIdPropertyOf(declaration)}`,
            ids,
        );
    }
    const folded = name.trim().toLowerCase();
    const near = all.filter((object) => nameOf(object)?.trim().toLowerCase() === folded);
    const hint =
        near.length === 0
            ? ""
            : `; ${many} with nearly that ${nameField}: ${near.map((object) => `${object.id} (${JSON.stringify(nameOf(object))})`).join(", ")}`;
    const where =
        parentPropertiesOf(declaration).length === 0
            ? "of the organization"
            : `of ${parentPropertiesOf(declaration)
                  .map((p) => String(given[p]))
                  .join("/")}`;
    throw new LookupError(
        attempt,
        `no ${one} has that ${nameField} among the ${all.length} ${many} ${where}${hint}`,
        near.map((object) => object.id),
    );
}

function listArgsSchema(declaration: AnyDeclaration) {
    return schemaOnce(`list args ${declaration.type}`, () =>
        z.strictObject({
            ...Object.fromEntries(parentPropertiesOf(declaration).map((name) => [name, z.unknown()])),
            ...(declaration.list?.filters?.() ?? {}),
            // What every listed object must satisfy, where the resource has expectations.
            ...(declaration.expectations === undefined && declaration.list?.gates === undefined ? {} : { expect: z.unknown().optional() }),
        }),
    );
}

/**
 * Lists the objects of a collection (every page) from the program process, filtered: the
 * generic body of every `getXs` function.
 *
 * @param declaration the resource
 * @param args the parents' ids, the filters, and `expect`: what every listed object must satisfy
 * @param deps where settings come from
 * @returns `{ [listKey]: objects }`
 * @throws {InvalidInputError} before any request for an unknown filter or a bad value
 * @throws {ExpectationError} when any listed object fails `expect`, naming each one and what it failed
 */
export async function fetchMany<O extends PublicObject>(
    declaration: AnyDeclaration,
    args: unknown,
    deps: FetchDependencies,
): Promise<Record<string, Array<Located<O>>>> {
    const attempt: Attempt = { operation: `list ${declaration.plural}` };
    const filters = parseArguments(attempt, listArgsSchema(declaration), args ?? {}, "") as Record<string, unknown>;
    const expectations = validateListExpectationsOf(declaration, attempt, filters["expect"]);
    const parents = parentIdsOf(declaration, filters);
    checkIds(attempt, declaration, parents, parentPropertiesOf(declaration).length);
    const now = nowSeconds(deps);
    const list = declaration.list!;
    const all = await listObjects<O>(clientFactory(deps), declaration, parents, list.query?.(filters));
    const kept = list.keep === undefined ? all : all.filter((object) => list.keep!(object, filters, now));
    const parentIds = parentPropertiesOf(declaration).map((name) => String(parents[name]));
    assertEveryExpectationOf(
        declaration,
        parentIds.length === 0 ? "the organization" : parentIds.join("/"),
        kept.map((object) => ({ id: [...parentIds, object.id].join("/"), object })),
        expectations,
        now,
    );
    return { [declaration.listKey]: kept };
}

/**
 * A program-side call whose expected failure (any of this package's errors) Pulumi shows as
 * its one message line, as a `RunError`: no stack trace, no "Unhandled exception". The error
 * keeps its class and fields (a program may catch a `NotFoundError`); it is marked so that
 * `pulumi.RunError.isInstance` (which works across copies of the SDK) recognises it. A bug
 * keeps its stack trace.
 *
 * @param call the call's promise
 * @returns what the call returns
 */
export async function forProgram<T>(call: Promise<T>): Promise<T> {
    try {
        return await call;
    } catch (error) {
        if (isExpectedFailure(error) && !pulumi.RunError.isInstance(error)) {
            Object.defineProperty(error, RUN_ERROR_MARK, { value: true });
        }
        throw error;
    }
}

// The member RunError.isInstance looks for (see @pulumi/pulumi/errors.js); a unit test
// checks that the SDK still recognises it.
const RUN_ERROR_MARK = "__pulumiRunError";

/** Pulumi inputs of an arguments object: each field an input, as Pulumi's generated SDKs have them. */
export type InputArgs<T> = { readonly [K in keyof T]: pulumi.Input<T[K]> };

/**
 * The `getX` and `getXOutput` pair of a resource, over {@link fetchOne}.
 *
 * @param declaration the resource
 * @returns the functions; the per-resource files give them their public names and docs
 */
export function getFunctions<Args, Result>(declaration: AnyDeclaration) {
    const get = (args: Args): Promise<Result> => forProgram(fetchOne(declaration, args, programDependencies()) as Promise<Result>);
    const getOutput = (args: InputArgs<Args>): pulumi.Output<Result> => pulumi.output(args).apply((resolved) => get(resolved as Args));
    return { get, getOutput };
}

/**
 * The `getXs` and `getXsOutput` pair of a resource, over {@link fetchMany}.
 *
 * @param declaration the resource
 * @returns the functions; the per-resource files give them their public names and docs
 */
export function listFunctions<Args, Result>(declaration: AnyDeclaration) {
    const list = (args?: Args): Promise<Result> => forProgram(fetchMany(declaration, args, programDependencies()) as Promise<Result>);
    const listOutput = (args?: InputArgs<Args>): pulumi.Output<Result> =>
        pulumi.output(args ?? {}).apply((resolved) => list(resolved as Args));
    return { list, listOutput };
}
