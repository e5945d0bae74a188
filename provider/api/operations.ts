import { AdminClient, QueryValue } from "../core/client";
import { Attempt, InvalidInputError, isOutcomeUnknown, NotFoundError } from "../core/errors";
import { listAll } from "../core/pagination";
import { collectionOf, fillPath, PathTemplate, withSuffix } from "../core/paths";
import { propertyFailures, schemaOnce } from "../core/validation";
import { z } from "zod";
import { AnyDeclaration, DeleteBehaviour, idPropertiesOf, ownIdPropertyOf, parentPropertiesOf, PublicObject } from "./declaration";

/** Makes a client for one attempt; errors in the settings name that attempt. */
export type ClientFactory = (attempt: Attempt) => AdminClient;

/** Ids by argument name: `{ projectId: "proj_abc", serviceAccountId: "svc_acct_def" }`. */
export type Ids = Readonly<Record<string, unknown>>;

/** A public object with the ids of its parents added (`projectId` for a project's children). */
export type Located<O> = O & Readonly<Record<string, unknown>>;

/**
 * The ids named by a resource id: a top-level object's id is its own id; a child's is
 * `<parent id>/<own id>` (split at the first `/`s, so a stray `/` stays in the last part and
 * is refused there).
 *
 * @param declaration the resource
 * @param resourceId the Pulumi resource id
 * @returns the ids by argument name
 */
export function idsOf(declaration: AnyDeclaration, resourceId: string): Ids {
    const names = idPropertiesOf(declaration);
    const parts = String(resourceId).split("/");
    const head = parts.slice(0, names.length - 1);
    const last = parts.slice(names.length - 1).join("/");
    return Object.fromEntries(
        names.map((name, index) => [name, index < head.length ? head[index] : index === names.length - 1 ? last : undefined]),
    );
}

/**
 * The resource id of an object: its ids joined by `/`, parents first.
 *
 * @param declaration the resource
 * @param ids the ids by argument name
 * @returns e.g. `proj_abc/svc_acct_def`
 */
export function resourceIdOf(declaration: AnyDeclaration, ids: Ids): string {
    return idPropertiesOf(declaration)
        .map((name) => String(ids[name]))
        .join("/");
}

/** Fills a path of the declaration, naming each bad id by its argument name; throws before sending. */
function fill(attempt: Attempt, declaration: AnyDeclaration, template: PathTemplate, ids: Ids): string {
    const names = idPropertiesOf(declaration).slice(0, template.params.length);
    return fillPath(
        attempt,
        template,
        names.map((name) => ids[name]),
        names,
    );
}

function describeIds(declaration: AnyDeclaration, ids: Ids): string {
    return idPropertiesOf(declaration)
        .map((name) => (typeof ids[name] === "string" ? ids[name] : "?"))
        .join("/");
}

/** Adds the parent ids to a public object, so that a child says which project it is in. */
function locate<O extends PublicObject>(declaration: AnyDeclaration, object: O, ids: Ids): Located<O> {
    const parents = Object.fromEntries(parentPropertiesOf(declaration).map((name) => [name, ids[name]]));
    return { ...object, ...parents };
}

function collectionRequest(attempt: Attempt, declaration: AnyDeclaration, ids: Ids) {
    const template = collectionOf(declaration.path);
    return { path: fill(attempt, declaration, template, ids), route: template.route };
}

/**
 * Checks an object's ids as a retrieve would, before anything is sent.
 *
 * @param declaration the resource
 * @param ids its ids by argument name
 * @throws {InvalidInputError} naming the first id that is not usable
 */
export function checkIds(declaration: AnyDeclaration, ids: Ids): void {
    fill({ operation: `retrieve ${declaration.noun}` }, declaration, declaration.path, ids);
}

/**
 * Retrieves one object by its ids: `GET` its path, or, for resources without one, its
 * collection's list. Ids are checked before the client is made, so a bad id sends nothing.
 *
 * @param connect makes the client once the ids are known to be valid
 * @param declaration the resource
 * @param ids its ids by argument name
 * @returns the object, with its parent ids
 * @throws {InvalidInputError} when an id is not usable
 * @throws {NotFoundError} when no object has those ids
 */
export async function retrieveObject<O extends PublicObject>(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    ids: Ids,
): Promise<Located<O>> {
    const operation = `retrieve ${declaration.noun}`;
    const path = fill({ operation }, declaration, declaration.path, ids);
    const attempt: Attempt = { operation, target: describeIds(declaration, ids) };
    if (declaration.retrieve === "list") {
        const ownId = ids[ownIdPropertyOf(declaration)];
        const found = (await listObjects<O>(connect, declaration, ids)).find((object) => object.id === ownId);
        if (found === undefined) {
            throw new NotFoundError(attempt, { status: 404, openaiMessage: `not among the ${declaration.plural} the list returned` });
        }
        return found;
    }
    const wire = await connect(attempt).request(attempt, { method: "GET", path, route: declaration.path.route }, wireSchema(declaration));
    return locate(declaration, declaration.toPublic(wire) as O, ids);
}

/**
 * Lists every object of a collection, page by page (see `listAll` for the bounds).
 *
 * @param connect makes the client once the parent ids are known to be valid
 * @param declaration the resource
 * @param parentIds the parents' ids (none for top-level resources)
 * @param query query parameters for the API's own filters
 * @returns every object, with its parent ids
 */
export async function listObjects<O extends PublicObject>(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    parentIds: Ids,
    query?: Readonly<Record<string, QueryValue>>,
): Promise<Array<Located<O>>> {
    const list = declaration.list;
    const attempt: Attempt = { operation: `list ${declaration.plural}` };
    if (list === undefined) {
        throw new InvalidInputError(attempt, "list", `is not offered by the API for ${declaration.plural}`);
    }
    const request = collectionRequest(attempt, declaration, parentIds);
    const parents = parentPropertiesOf(declaration);
    const pageAttempt: Attempt =
        parents.length === 0
            ? attempt
            : { ...attempt, operation: `${attempt.operation} of ${describeIds(declaration, parentIds).replace(/\/\?$/, "")}` };
    const wires = await listAll(connect(pageAttempt), pageAttempt, {
        ...request,
        query,
        paging: list.paging,
        schemaName: declaration.type,
        item: wireSchema(declaration),
        itemId: (item) => (typeof item.id === "string" ? item.id : undefined),
        plural: declaration.plural.split(" ").at(-1) ?? declaration.plural,
    });
    return wires.map((wire) => locate(declaration, declaration.toPublic(wire) as O, parentIds));
}

/** What a create returns: the object, and the one-time secrets its answer carried. */
export interface Created<O> {
    readonly object: Located<O>;
    readonly secrets: Readonly<Record<string, string | undefined>>;
}

// Declarations are held with their types erased; their wire objects are plain records here.
function wireSchema(declaration: AnyDeclaration, schema: () => z.ZodType = declaration.wire): z.ZodType<Record<string, unknown>> {
    return schema() as z.ZodType<Record<string, unknown>>;
}

const deletedSchema = () => schemaOnce("deleted", () => z.looseObject({ deleted: z.literal(true, { error: "is not true" }) }));

/**
 * Checks managed inputs against the declaration; returns the problems instead of throwing,
 * so that a provider's `check` can hand them to the engine property by property.
 *
 * @param declaration the resource
 * @param inputs the candidate inputs
 * @returns one entry per bad property; empty when the inputs are usable
 */
export function checkInputs(declaration: AnyDeclaration, inputs: unknown): Array<{ property: string; reason: string }> {
    const managed = declaration.managed;
    if (managed === undefined) {
        return [{ property: "args", reason: `${declaration.plural} can only be read` }];
    }
    const result = managed.inputs().safeParse(inputs);
    return result.success
        ? []
        : propertyFailures(result.error, "").map((f) =>
              f.reason === "is not a known field" ? { ...f, reason: "is not a known argument" } : f,
          );
}

/**
 * Creates an object: `POST` to its collection. The inputs are checked before the client is
 * made. The API has no idempotency key, so the POST is never retried blindly: after an
 * answer that was lost (timeout, broken connection, 5xx), objects of the same name created
 * since the attempt began are adopted, or deleted and the POST sent once more when the lost
 * answer held a secret (see `onLostAnswer`). Exactly one usable object results, or an error.
 *
 * @param connect makes the client once the inputs are known to be valid
 * @param declaration the resource; must declare `managed.create`
 * @param inputs the resource's inputs
 * @returns the new object and its one-time secrets
 * @throws {InvalidInputError} when the inputs are not usable
 */
export async function createObject<O extends PublicObject>(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    inputs: Readonly<Record<string, unknown>>,
): Promise<Created<O>> {
    const managed = declaration.managed;
    const create = managed?.create;
    const nameField = declaration.nameField;
    const name = nameField === undefined ? undefined : inputs[nameField];
    const attempt: Attempt = { operation: `create ${declaration.noun} named`, target: typeof name === "string" ? name : "?" };
    const problem = checkInputs(declaration, inputs)[0];
    if (problem !== undefined) {
        throw new InvalidInputError({ operation: `create ${declaration.noun}` }, problem.property, problem.reason);
    }
    if (create === undefined) {
        throw new InvalidInputError({ operation: `create ${declaration.noun}` }, "args", `the API cannot create ${declaration.plural}`);
    }
    const request = collectionRequest(attempt, declaration, inputs);
    const client = connect(attempt);
    const post = async (): Promise<Created<O>> => {
        const wire = await client.request(
            attempt,
            { method: "POST", ...request, body: create.body(inputs as never) },
            wireSchema(declaration, create.response),
        );
        const object = locate(declaration, declaration.toPublic(wire) as O, inputs);
        const secrets = create.secrets?.(wire) ?? {};
        return create.readBack === true
            ? {
                  object: await retrieveObject<O>(() => client, declaration, { ...inputs, [ownIdPropertyOf(declaration)]: object.id }),
                  secrets,
              }
            : { object, secrets };
    };
    const startedAt = Date.now() / 1000;
    try {
        return await post();
    } catch (error) {
        if (!isOutcomeUnknown(error) || nameField === undefined) {
            throw error;
        }
        // The object may have been created with its answer lost. Without an idempotency key,
        // look for what this attempt may have left: same name, created since it began (a
        // minute's margin for clock skew).
        const leftovers = (
            await listObjects<O & { createdAt?: number | null }>(() => client, declaration, inputs, declaration.list?.everything)
        ).filter((object) => (object as Record<string, unknown>)[nameField] === name && (object.createdAt ?? startedAt) >= startedAt - 60);
        const adopted = leftovers[0];
        if (create.onLostAnswer === "adopt" && adopted !== undefined) {
            return { object: adopted, secrets: {} };
        }
        for (const leftover of leftovers) {
            await deleteObject(() => client, declaration, { ...inputs, [ownIdPropertyOf(declaration)]: leftover.id });
        }
        return await post();
    }
}

/**
 * Updates an object in place: `POST` to its path with the declaration's update body.
 *
 * @param connect makes the client once the ids are known to be valid
 * @param declaration the resource; must declare `managed.update`
 * @param ids the object's ids
 * @param body the wire body
 * @returns the updated object
 */
export async function updateObject<O extends PublicObject>(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    ids: Ids,
    body: object,
): Promise<Located<O>> {
    const operation = `update ${declaration.noun}`;
    const path = fill({ operation }, declaration, declaration.path, ids);
    const attempt: Attempt = { operation, target: describeIds(declaration, ids) };
    const wire = await connect(attempt).request(
        attempt,
        { method: "POST", path, route: declaration.path.route, body },
        wireSchema(declaration),
    );
    return locate(declaration, declaration.toPublic(wire) as O, ids);
}

/**
 * Does what the declaration says delete means: `DELETE` the item, archive it, put back its
 * original values, or send nothing (release). An object that is already gone counts as done.
 *
 * @param connect makes the client once the ids are known to be valid
 * @param declaration the resource
 * @param ids the object's ids
 * @param original for `reset`: the object as it was before the first change
 * @param behaviour what delete means, when the declaration's `deleteAs` chose it; default its `delete`
 * @returns true when this call changed something, false when it was already gone or released
 */
export async function deleteObject(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    ids: Ids,
    original?: PublicObject,
    behaviour: DeleteBehaviour = declaration.managed?.delete ?? { kind: "delete" },
): Promise<boolean> {
    const operation = `${behaviour.kind === "reset" ? "reset" : behaviour.kind} ${declaration.noun}`;
    const path = fill({ operation }, declaration, declaration.path, ids);
    const attempt: Attempt = { operation, target: describeIds(declaration, ids) };
    try {
        switch (behaviour.kind) {
            case "release":
                return false;
            case "delete":
                await connect(attempt).request(attempt, { method: "DELETE", path, route: declaration.path.route }, deletedSchema());
                return true;
            case "archive": {
                const archive = withSuffix(declaration.path, behaviour.suffix);
                await connect(attempt).request(
                    attempt,
                    { method: "POST", path: `${path}${behaviour.suffix}`, route: archive.route },
                    declaration.wire(),
                );
                return true;
            }
            case "reset": {
                const body = original === undefined ? undefined : declaration.managed?.resetBody?.(original);
                if (body === undefined) {
                    return false;
                }
                await connect(attempt).request(
                    attempt,
                    { method: "POST", path, route: declaration.path.route, body },
                    wireSchema(declaration),
                );
                return true;
            }
        }
    } catch (error) {
        if (error instanceof NotFoundError) {
            return false;
        }
        throw error;
    }
}
