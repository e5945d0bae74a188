// Every resource of this package runs on this one provider: the engine's dynamic-provider
// process loads it once (from `__provider`, see dynamicProvider.ts) and each call names its
// declaration in the `__type` property. So: types only from @pulumi/pulumi, no credential
// read or kept before `configure`, no module-level state.
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { forgetListings, readBatched } from "../api/batchedReads";
import { AnyDeclaration, ownIdPropertyOf, parentPropertiesOf, PublicObject } from "../api/declaration";
import { assertExpectationsOf, validateExpectationsOf } from "../api/expectations";
import { declarationOf } from "../api/index";
import {
    checkInputs,
    ClientFactory,
    createObject,
    deleteObject,
    idsOf,
    Ids,
    listObjects,
    Located,
    resourceIdOf,
    retrieveObject,
    updateObject,
} from "../api/operations";
import { createAdminClient } from "../core/client";
import { Attempt, InvalidInputError, isExpectedFailure, NotFoundError, OpenAIAdminError } from "../core/errors";
import { waitMessage } from "../core/rateLimiter";
import { resolveSettings } from "../core/settings";
import { adoptionFailures, ADOPT, INTERNAL_PROPERTIES, ROTATE_AFTER_DAYS, rotationFailures } from "./managedInputs";

/** Props the engine passes: the declaration's name, and for `X.get` the read-only marker. */
interface EngineProps {
    readonly __type?: unknown;
    readonly __get?: unknown;
    readonly expect?: unknown;
    readonly [property: string]: unknown;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Runs a provider operation and hands any failure to the engine as a real `Error`.
 * Serialized by value, this package's error classes are rebuilt as plain functions whose
 * instances are not `Error`s, and the engine would print "[object Object]".
 */
async function forEngine<T>(operation: () => Promise<T>): Promise<T> {
    try {
        return await operation();
    } catch (error) {
        if (error instanceof Error && !isExpectedFailure(error)) {
            throw error;
        }
        const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
        const engineError = error instanceof Error ? error : new Error(typeof message === "string" ? message : String(error));
        engineError.name = typeof name === "string" ? name : "Error";
        if (isExpectedFailure(error)) {
            showAsOneLine(engineError);
        }
        throw engineError;
    }
}

// An expected failure is not a bug: the engine shows its message as the resource's one
// `error:` line, so its stack is that one line (no frame), and the copy that the SDK's
// dynamic provider prints on stderr first (`${error}: ${error.stack}`: the message twice,
// for a failed check, diff, read or delete) is dropped. The SDK prints it in the same turn
// of the event loop, so the drop is armed until the next one only; an unexpected line prints.
function showAsOneLine(error: Error): void {
    Object.defineProperty(error, "stack", { value: `${error.name}: ${error.message}`, writable: true, configurable: true });
    // Kept on the console (not in this module) because the provider is serialized by value.
    const holder = console as Console & { openaiAdminEchoes?: Set<string> };
    if (holder.openaiAdminEchoes === undefined) {
        const echoes = new Set<string>();
        const print = console.error.bind(console);
        console.error = (...args: unknown[]) => {
            if (args.length === 1 && typeof args[0] === "string" && echoes.delete(args[0])) {
                return;
            }
            print(...args);
        };
        holder.openaiAdminEchoes = echoes;
    }
    const echo = `${String(error)}: ${error.stack}`;
    holder.openaiAdminEchoes.add(echo);
    setImmediate(() => holder.openaiAdminEchoes?.delete(echo));
}

// A create, update or delete: once it is over, no later read is served by a list of the
// type's objects made before it (see readBatched).
async function changing<T>(type: unknown, operation: () => Promise<T>): Promise<T> {
    try {
        return await forEngine(operation);
    } finally {
        let declaration: AnyDeclaration | undefined;
        try {
            declaration = declarationOf(type);
        } catch {
            // An unknown type changed nothing.
        }
        if (declaration !== undefined) {
            forgetListings(declaration);
        }
    }
}

// The engine's protobuf encoding refuses undefined values ("Unexpected struct type"); an
// absent optional output is left out instead.
function definedOnly<T extends object>(outputs: T): T {
    return Object.fromEntries(Object.entries(outputs).filter(([, value]) => value !== undefined)) as T;
}

function userInputs(props: EngineProps): Record<string, unknown> {
    return Object.fromEntries(Object.entries(props).filter(([name]) => !INTERNAL_PROPERTIES.includes(name)));
}

/**
 * The generic dynamic provider: reads (`X.get`), and creates, diffs, updates, refreshes and
 * deletes managed resources, each as its declaration says.
 */
export class DeclaredResourceProvider implements pulumi.dynamic.ResourceProvider {
    // Set in the provider process by `configure`; never set where the provider is serialized.
    private stackConfig: pulumi.dynamic.Config | undefined;

    /**
     * Receives the stack's configuration (decrypted) in the provider process. The admin
     * key is looked up from it at call time, never copied out of it.
     *
     * @param req the stack configuration
     */
    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        this.stackConfig = req.config;
    }

    private settings(attempt: Attempt) {
        return resolveSettings(attempt, (name) => this.stackConfig?.get(name), process.env);
    }

    private connect(): ClientFactory {
        return (attempt) =>
            createAdminClient(this.settings(attempt), {
                // The engine shows what the provider process writes to stderr next to the update's progress.
                onWait: (waitMs, reason, endpoint) => console.error(waitMessage(waitMs, reason, endpoint)),
            });
    }

    // Reads of one account share batches; a digest, so that no key is kept as text.
    private scope(attempt: Attempt): string {
        const settings = this.settings(attempt);
        return `${settings.baseUrl} ${createHash("sha256").update(settings.adminKey).digest("hex")}`;
    }

    /**
     * Checks a managed resource's inputs before anything is sent; the engine reports each
     * failure against its property.
     *
     * @param _olds the previous inputs
     * @param news the new inputs
     * @returns the inputs unchanged, and the failures
     */
    async check(_olds: EngineProps, news: EngineProps): Promise<pulumi.dynamic.CheckResult> {
        const declaration = declarationOf(news.__type);
        const failures = [
            ...checkInputs(declaration, definedOnly(userInputs(news))),
            ...adoptionFailures(declaration, news[ADOPT]),
            ...rotationFailures(declaration, news[ROTATE_AFTER_DAYS]),
        ];
        return { inputs: news, failures };
    }

    /**
     * Creates the object, or adopts an existing one (`adopt`) and brings it to the inputs.
     * If this call fails, no usable object has been created (see `createObject`).
     *
     * @param inputs the resource's inputs
     * @returns the resource id and the outputs, secrets included
     */
    async create(inputs: EngineProps): Promise<pulumi.dynamic.CreateResult> {
        return changing(inputs.__type, async () => {
            const declaration = declarationOf(inputs.__type);
            if (inputs.__get !== undefined || declaration.managed === undefined) {
                throw new Error(`this ${declaration.type} was declared with ${declaration.type}.get and can only be read`);
            }
            const given = definedOnly(userInputs(inputs));
            const connect = this.connect();
            if (inputs[ADOPT] !== undefined || declaration.managed.create === undefined) {
                return this.adopt(connect, declaration, given, inputs);
            }
            if (declaration.managed.refuseChange?.of !== undefined && checkInputs(declaration, given).length === 0) {
                await this.refuseIfGuarded(connect, declaration, given, "create");
            }
            const created = await createObject(connect, declaration, given);
            const ids = { ...given, [ownIdPropertyOf(declaration)]: created.object.id };
            const object = await this.applyAfterCreate(connect, declaration, ids, created.object, given);
            return { id: resourceIdOf(declaration, ids), outs: this.outputs(declaration, object, inputs, created.secrets) };
        });
    }

    // Some inputs the create body cannot carry (a service account's role): when one that is
    // updated in place differs from the created object, update it at once. Should that fail,
    // the new object is deleted, so that a failed create leaves no object behind.
    private async applyAfterCreate(
        connect: ClientFactory,
        declaration: AnyDeclaration,
        ids: Ids,
        created: Located<PublicObject>,
        given: Record<string, unknown>,
    ): Promise<Located<PublicObject>> {
        const update = declaration.managed?.update;
        if (update === undefined || this.changed(declaration, created, given).length === 0) {
            return created;
        }
        try {
            return await updateObject(connect, declaration, ids, update.body(given as never));
        } catch (error) {
            await deleteObject(connect, declaration, ids).catch(() => undefined);
            throw error;
        }
    }

    // Takes over an existing object: by id, by name, or (for objects the API cannot create)
    // the one the inputs name; then applies the inputs as an update would.
    private async adopt(
        connect: ClientFactory,
        declaration: AnyDeclaration,
        given: Record<string, unknown>,
        inputs: EngineProps,
    ): Promise<pulumi.dynamic.CreateResult> {
        const adopt = inputs[ADOPT];
        const managed = declaration.managed!;
        const attempt: Attempt = { operation: `adopt ${declaration.noun}` };
        const problem = checkInputs(declaration, given)[0] ?? adoptionFailures(declaration, adopt)[0];
        if (problem !== undefined) {
            throw new InvalidInputError(attempt, problem.property, problem.reason);
        }
        const how = (adopt ?? {}) as { id?: string; byName?: boolean };
        let found: Located<PublicObject> | undefined;
        if (how.id !== undefined) {
            found = await retrieveObject(connect, declaration, { ...given, [ownIdPropertyOf(declaration)]: how.id });
        } else {
            const all = await listObjects(connect, declaration, given, declaration.list?.everything);
            const nameField = declaration.nameField!;
            const matches =
                how.byName === true
                    ? all.filter((object) => object[nameField] === given[nameField])
                    : all.filter((object) => managed.find?.([object], given as never) !== undefined);
            if (matches.length === 0 && how.byName !== true) {
                throw this.nothingFound(declaration, given, all);
            }
            if (matches.length !== 1) {
                const what = how.byName === true ? `${nameField} ${JSON.stringify(given[nameField])}` : "these inputs";
                throw new InvalidInputError(
                    attempt,
                    how.byName === true ? nameField : "args",
                    `names ${matches.length === 0 ? "no" : matches.length} existing ${declaration.plural} (${what}${matches.length > 1 ? `: ${matches.map((m) => m.id).join(", ")}` : ""}); adopt by id instead`,
                );
            }
            found = matches[0]!;
        }
        const ids = { ...given, [ownIdPropertyOf(declaration)]: found.id };
        // The own id counts as a field too: a `userId` input must name the member adopted.
        const located: Record<string, unknown> = { ...found, [ownIdPropertyOf(declaration)]: found.id };
        const replaced = managed.replaceOnChange.filter(
            // Compared as JSON: an input may be a list (an invite's projects).
            (name) => given[name] !== undefined && name in located && JSON.stringify(located[name]) !== JSON.stringify(given[name]),
        );
        if (replaced.length > 0) {
            throw new InvalidInputError(
                attempt,
                replaced.join(", "),
                `differs from the existing ${declaration.noun} "${found.id}" and cannot be changed in place`,
            );
        }
        const original = found;
        const sends = managed.update !== undefined && this.sent(declaration, this.changed(declaration, found, given)).length > 0;
        if (sends) {
            await this.refuseIfGuarded(connect, declaration, ids, "update", found);
        }
        const updated = sends ? await updateObject(connect, declaration, ids, managed.update.body(given as never)) : found;
        return {
            id: resourceIdOf(declaration, ids),
            // The inputs as given, `adopt` and `rotateAfterDays` included: diffs compare them with these outputs.
            outs: this.outputs(declaration, updated, inputs, {}, original),
        };
    }

    // For objects the API cannot create, inputs that name none of the existing ones: the
    // list was read, nothing was changed. Names what exists, so that a typo is plain.
    private nothingFound(declaration: AnyDeclaration, given: Readonly<Record<string, unknown>>, all: readonly PublicObject[]): Error {
        // Named by its own id (an organization user by `userId`) rather than by name.
        const byId = declaration.nameField === undefined || given[declaration.nameField] === undefined;
        const nameField = byId ? ownIdPropertyOf(declaration) : declaration.nameField;
        const wanted = JSON.stringify(given[nameField]);
        const where = parentPropertiesOf(declaration)
            .map((name) => String(given[name]))
            .join("/");
        const names = all.map((object) => String(byId ? object.id : (object as unknown as Record<string, unknown>)[nameField]));
        return new OpenAIAdminError(
            { operation: `find ${declaration.noun}`, target: String(given[nameField]) },
            `find ${declaration.noun} ${wanted} failed: the API cannot create ${declaration.plural}, and ${where === "" ? "the organization" : where} has none with ${nameField} ${wanted}; ` +
                (names.length === 0 ? `it has no ${declaration.plural} at all` : `the ${nameField}s it has: ${names.join(", ")}`),
        );
    }

    // Inputs (updatable in place) whose value differs from the object's.
    private changed(
        declaration: AnyDeclaration,
        olds: Readonly<Record<string, unknown>>,
        news: Readonly<Record<string, unknown>>,
    ): string[] {
        const managed = declaration.managed!;
        const names = Object.keys(managed.inputs().shape);
        return names.filter(
            (name) =>
                news[name] !== undefined &&
                !managed.replaceOnChange.includes(name) &&
                JSON.stringify(olds[name]) !== JSON.stringify(news[name]),
        );
    }

    // Changed inputs that the update body carries: an input that is only kept (`removeOnDelete`)
    // and not replaced is bookkeeping, stored without a request.
    private sent(declaration: AnyDeclaration, changed: readonly string[]): string[] {
        const managed = declaration.managed!;
        return changed.filter((name) => !(managed.keptInputs ?? []).includes(name));
    }

    // Reads the object a change applies to (or its parent, see `refuseChange`) and refuses the
    // change, before anything is sent, when the declaration says why it must not be made.
    // Returns the object read (the parent, for a parent's guard), or null when it is gone (a
    // delete then has nothing to do).
    private async refuseIfGuarded(
        connect: ClientFactory,
        declaration: AnyDeclaration,
        ids: Ids,
        action: "create" | "update" | "delete",
        known?: Located<PublicObject>,
    ): Promise<Located<PublicObject> | null> {
        const guard = declaration.managed?.refuseChange;
        const checked = guard?.of?.() ?? declaration;
        let object: Located<PublicObject> | undefined;
        try {
            object = known !== undefined && checked === declaration ? known : await retrieveObject(connect, checked, ids);
        } catch (error) {
            if (error instanceof NotFoundError && action === "delete") {
                return null;
            }
            throw error;
        }
        const reason = guard?.reason(object);
        if (reason !== undefined) {
            const target = resourceIdOf(declaration, ids);
            throw new OpenAIAdminError(
                { operation: `${action} ${declaration.noun}`, target },
                `${action} ${declaration.noun} "${target}" refused before sending: ${checked === declaration ? "it" : `its ${checked.noun} "${object.id}"`} ${reason}`,
            );
        }
        return object;
    }

    // The outputs stored for a managed object: its public fields (without `id`, which the
    // resource id holds), the inputs kept for diffs, the one-time secrets, and for `reset`
    // the values read before the first change.
    private outputs(
        declaration: AnyDeclaration,
        object: Located<PublicObject>,
        inputs: EngineProps,
        secrets: Readonly<Record<string, unknown>>,
        original?: PublicObject,
    ): Record<string, unknown> {
        const { id, ...fields } = object;
        const managed = declaration.managed;
        const kept = Object.fromEntries((managed?.keptInputs ?? []).map((name) => [name, inputs[name]]));
        const ownId = declaration.path.params.length > 1 ? { [ownIdPropertyOf(declaration)]: id } : {};
        return definedOnly({
            ...fields,
            ...ownId,
            ...kept,
            ...secrets,
            [ADOPT]: inputs[ADOPT],
            [ROTATE_AFTER_DAYS]: inputs[ROTATE_AFTER_DAYS],
            original: managed?.delete.kind === "reset" ? (inputs["original"] ?? original) : undefined,
            __type: declaration.type,
        });
    }

    /**
     * Compares the stored outputs with the new inputs: a change of a `replaceOnChange` input
     * (or a rotation that is due) replaces the object, new before old unless the declaration
     * says `deleteBeforeReplace`; other changes update it in place.
     *
     * @param _id the resource id
     * @param olds the stored outputs
     * @param news the new inputs
     * @returns what changes, and what forces a replacement
     */
    async diff(_id: string, olds: EngineProps, news: EngineProps): Promise<pulumi.dynamic.DiffResult> {
        const declaration = declarationOf(news.__type ?? olds.__type);
        const managed = declaration.managed!;
        const differs = (name: string) => news[name] !== undefined && JSON.stringify(olds[name]) !== JSON.stringify(news[name]);
        const replaces: string[] = managed.replaceOnChange.filter((name) =>
            managed.keptInputs?.includes(name) ? JSON.stringify(olds[name]) !== JSON.stringify(news[name]) : differs(name),
        );
        const rotateAfter = news[ROTATE_AFTER_DAYS];
        const createdAt = olds["createdAt"];
        if (
            typeof rotateAfter === "number" &&
            typeof createdAt === "number" &&
            Date.now() / 1000 - createdAt >= rotateAfter * DAY_SECONDS
        ) {
            replaces.push(ROTATE_AFTER_DAYS);
        }
        const updates = this.changed(declaration, olds, userInputs(news));
        const bookkeeping = [ROTATE_AFTER_DAYS, ADOPT].filter(
            (name) => !replaces.includes(name) && JSON.stringify(olds[name]) !== JSON.stringify(news[name]),
        );
        return {
            changes: replaces.length + updates.length + bookkeeping.length > 0,
            replaces,
            deleteBeforeReplace: replaces.length > 0 && managed.deleteBeforeReplace === true,
        };
    }

    /**
     * Updates the object in place with the new inputs.
     *
     * @param id the resource id
     * @param olds the stored outputs
     * @param news the new inputs
     * @returns the new outputs; secrets and original values carried over
     */
    async update(id: string, olds: EngineProps, news: EngineProps): Promise<pulumi.dynamic.UpdateResult> {
        return changing(news.__type ?? olds.__type, async () => {
            const declaration = declarationOf(news.__type ?? olds.__type);
            const managed = declaration.managed!;
            const given = definedOnly(userInputs(news));
            const ids = idsOf(declaration, id);
            const connect = this.connect();
            const sends = managed.update !== undefined && this.sent(declaration, this.changed(declaration, olds, given)).length > 0;
            if (sends && managed.refuseChange !== undefined) {
                await this.refuseIfGuarded(connect, declaration, ids, "update");
            }
            const object = sends
                ? await updateObject(connect, declaration, ids, managed.update.body(given as never))
                : await retrieveObject(connect, declaration, ids);
            return { outs: this.outputs(declaration, object, { ...news, original: olds["original"] }, this.secretsOf(declaration, olds)) };
        });
    }

    private secretsOf(declaration: AnyDeclaration, props: EngineProps): Record<string, unknown> {
        const managed = declaration.managed;
        return Object.fromEntries(
            [...(managed?.secretOutputs ?? []), ...(managed?.createdOutputs ?? [])].map((name) => [name, props[name]]),
        );
    }

    /**
     * Reads the object. For `X.get` (read-only), an object that does not exist fails with a
     * `NotFoundError`, and one that misses its expectations with an `ExpectationError`, which
     * stops the preview or update before anything that depends on it. On refresh of a
     * managed resource, an object deleted (or archived) outside Pulumi returns an empty id,
     * which removes it from the state; the secrets the API never returns again are carried over.
     *
     * @param id the resource id
     * @param props the inputs (`X.get`) or the stored outputs (refresh)
     * @returns the id and the current outputs, or an empty id when the object is gone
     */
    async read(id: string, props: EngineProps = {}): Promise<pulumi.dynamic.ReadResult> {
        return forEngine(async () => {
            const declaration = declarationOf(props.__type);
            const ids: Ids = idsOf(declaration, id);
            const operation = `retrieve ${declaration.noun}`;
            if (props.__get !== undefined) {
                const expectations = validateExpectationsOf(declaration, { operation, target: id }, props.expect);
                const object = await readBatched(this.connect(), declaration, ids, this.scope({ operation, target: id }));
                assertExpectationsOf(declaration, id, object, expectations, Date.now() / 1000);
                const { id: ownId, ...fields } = object;
                const ownIdOutput = declaration.path.params.length > 1 ? { [ownIdPropertyOf(declaration)]: ownId } : {};
                return {
                    id: resourceIdOf(declaration, { ...ids, [ownIdPropertyOf(declaration)]: ownId }),
                    props: definedOnly({ ...fields, ...ownIdOutput, __type: declaration.type, __get: true }),
                };
            }
            let object: Located<PublicObject>;
            try {
                object = await readBatched(this.connect(), declaration, ids, this.scope({ operation, target: id }));
            } catch (error) {
                if (error instanceof NotFoundError) {
                    return { id: "" };
                }
                throw error;
            }
            if (declaration.managed?.gone?.(object) === true) {
                return { id: "" };
            }
            return { id, props: this.outputs(declaration, object, props, this.secretsOf(declaration, props)) };
        });
    }

    /**
     * Does what the declaration says delete means (delete, archive, reset or release, chosen
     * from the stored outputs by `deleteAs`); an object that is already gone counts as done.
     * Where the declaration guards changes (`refuseChange`) or knows objects the API cannot
     * delete (`releaseWhen`), the object is read first: a refused delete sends nothing, and an
     * undeletable object is released with a warning on stderr, which the CLI shows.
     *
     * @param id the resource id
     * @param props the stored outputs
     */
    async delete(id: string, props: EngineProps): Promise<void> {
        await changing(props.__type, async () => {
            const declaration = declarationOf(props.__type);
            const managed = declaration.managed;
            const behaviour = managed?.deleteAs?.(props) ?? managed?.delete ?? { kind: "delete" };
            const ids = idsOf(declaration, id);
            const connect = this.connect();
            if (behaviour.kind !== "release" && managed?.refuseChange !== undefined) {
                if ((await this.refuseIfGuarded(connect, declaration, ids, "delete")) === null) {
                    return;
                }
            }
            if (behaviour.kind !== "release" && managed?.releaseWhen !== undefined) {
                const current = await this.currentOrGone(connect, declaration, ids);
                if (current === undefined) {
                    return;
                }
                const reason = managed.releaseWhen(current);
                if (reason !== undefined) {
                    console.error(`warning: ${declaration.noun} "${id}" released, not deleted: ${reason}`);
                    return;
                }
            }
            await deleteObject(connect, declaration, ids, props["original"] as PublicObject | undefined, behaviour);
        });
    }

    // The object, or undefined when it no longer exists.
    private async currentOrGone(connect: ClientFactory, declaration: AnyDeclaration, ids: Ids): Promise<Located<PublicObject> | undefined> {
        try {
            return await retrieveObject(connect, declaration, ids);
        } catch (error) {
            if (error instanceof NotFoundError) {
                return undefined;
            }
            throw error;
        }
    }
}
