import { AnyDeclaration, ownIdPropertyOf, parentPropertiesOf, PublicObject } from "./declaration";
import { ClientFactory, Ids, listObjects, Located, retrieveObject } from "./operations";

/** How long a read waits for others of the same collection to join it, milliseconds. */
export const BATCH_WINDOW_MS = 15;
/** The longest a batch stays open, milliseconds, however many reads keep joining. */
export const MAX_BATCH_WAIT_MS = 100;

interface PendingRead {
    readonly ids: Ids;
    readonly resolve: (object: Located<PublicObject>) => void;
    readonly reject: (error: unknown) => void;
}

interface Batch {
    readonly reads: PendingRead[];
    readonly openedAt: number;
    timer: ReturnType<typeof setTimeout> | undefined;
}

/** Open batches by scope, collection and parent ids; one registry serves a whole process. */
export type BatchRegistry = Map<string, Batch>;

/** The registry this process's reads share, on globalThis so that serialized copies share it too. */
export function processBatches(): BatchRegistry {
    const holder = globalThis as { __pulumiOpenAIAdminBatches?: BatchRegistry };
    holder.__pulumiOpenAIAdminBatches ??= new Map();
    return holder.__pulumiOpenAIAdminBatches;
}

/**
 * Reads one object, sharing the work with other reads of the same collection made at the
 * same moment in this process: the engine refreshes every resource of a stack at once, and
 * the admin API allows only a few requests a minute per endpoint. A read that stays alone
 * costs one `GET`, as before; reads that come together are served by one list of their
 * collection (100 a page), and any id the list did not hold is retrieved on its own, so the
 * results (a 404 included) are those of single reads.
 *
 * @param connect makes the client
 * @param declaration the resource
 * @param ids the object's ids
 * @param scope what separates accounts: reads with different API roots or keys never share
 * @param registry where open batches live (default: the process's)
 * @returns the object, as {@link retrieveObject} would return it
 */
export function readBatched<O extends PublicObject>(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    ids: Ids,
    scope: string,
    registry: BatchRegistry = processBatches(),
): Promise<Located<O>> {
    if (declaration.list === undefined || declaration.retrieve === "list") {
        // Without a list there is nothing to share; list-only resources are read by listing anyway.
        return retrieveObject<O>(connect, declaration, ids);
    }
    const parents = parentPropertiesOf(declaration).map((name) => String(ids[name]));
    const key = [scope, declaration.type, ...parents].join(" ");
    let batch = registry.get(key);
    if (batch === undefined) {
        batch = { reads: [], openedAt: Date.now(), timer: undefined };
        registry.set(key, batch);
    }
    const open = batch;
    const read = new Promise<Located<O>>((resolve, reject) => {
        open.reads.push({ ids, resolve: resolve as (object: Located<PublicObject>) => void, reject });
    });
    // Each read that joins gives the others a little longer, up to the batch's limit.
    clearTimeout(open.timer);
    const wait = Math.max(0, Math.min(BATCH_WINDOW_MS, open.openedAt + MAX_BATCH_WAIT_MS - Date.now()));
    open.timer = setTimeout(() => {
        registry.delete(key);
        void serve(connect, declaration, open.reads);
    }, wait);
    return read;
}

async function serve(connect: ClientFactory, declaration: AnyDeclaration, reads: readonly PendingRead[]): Promise<void> {
    const one = async (read: PendingRead) => {
        try {
            read.resolve(await retrieveObject(connect, declaration, read.ids));
        } catch (error) {
            read.reject(error);
        }
    };
    const distinct = new Set(reads.map((read) => String(read.ids[ownIdPropertyOf(declaration)])));
    if (distinct.size <= 1) {
        await Promise.all(reads.map(one));
        return;
    }
    let listed: Map<string, Located<PublicObject>>;
    try {
        const objects = await listObjects(connect, declaration, reads[0]!.ids, declaration.list?.everything);
        listed = new Map(objects.map((object) => [object.id, object]));
    } catch {
        // A list that fails (a bad parent id, no permission to list) says nothing of each
        // object: read them one by one, so that each gets its own answer.
        await Promise.all(reads.map(one));
        return;
    }
    await Promise.all(
        reads.map((read) => {
            const found = listed.get(String(read.ids[ownIdPropertyOf(declaration)]));
            return found === undefined ? one(read) : Promise.resolve(read.resolve(found));
        }),
    );
}
