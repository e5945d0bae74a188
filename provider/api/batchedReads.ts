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
    if (declaration.list === undefined) {
        // Without a list there is nothing to share.
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
    // Reads of one id share one answer: a second read of it would cost a request and say the same.
    const byId = new Map<string, PendingRead[]>();
    for (const read of reads) {
        const id = String(read.ids[ownIdPropertyOf(declaration)]);
        byId.set(id, [...(byId.get(id) ?? []), read]);
    }
    const settle = (group: readonly PendingRead[], object: Located<PublicObject>) =>
        group.forEach((read, index) => read.resolve(index === 0 ? object : structuredClone(object)));
    const one = async (group: readonly PendingRead[]) => {
        try {
            settle(group, await retrieveObject(connect, declaration, group[0]!.ids));
        } catch (error) {
            group.forEach((read) => read.reject(error));
        }
    };
    if (byId.size <= 1) {
        await Promise.all([...byId.values()].map(one));
        return;
    }
    let listed: Map<string, Located<PublicObject>>;
    try {
        const objects = await listObjects(connect, declaration, reads[0]!.ids, declaration.list?.everything);
        listed = new Map(objects.map((object) => [object.id, object]));
    } catch {
        // A list that fails (a bad parent id, no permission to list) says nothing of each
        // object: read them one by one, so that each gets its own answer.
        await Promise.all([...byId.values()].map(one));
        return;
    }
    await Promise.all(
        [...byId].map(([id, group]) => {
            const found = listed.get(id);
            return found === undefined ? one(group) : Promise.resolve(settle(group, found));
        }),
    );
}
