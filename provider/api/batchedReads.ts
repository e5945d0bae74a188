import { AnyDeclaration, ownIdPropertyOf, parentPropertiesOf, PublicObject } from "./declaration";
import { checkIds, ClientFactory, Ids, listObjects, Located, resourceIdOf, retrieveObject } from "./operations";

/** How long a read waits for others of the same collection to join it, milliseconds. */
export const BATCH_WINDOW_MS = 15;
/** The longest a batch stays open, milliseconds, however many reads keep joining. */
export const MAX_BATCH_WAIT_MS = 100;
/**
 * How long a list of a collection serves later reads of its items, milliseconds: as long as
 * the functions' read cache. The engine runs at most `--parallel` (default 8) reads at once,
 * and under a rate limit each list waits its turn, so the reads of one collection reach the
 * provider a few at a time, seconds apart; without this each few would cost a list of its own.
 */
export const LIST_REUSE_MS = 60_000;

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

/** A list of a collection, under way or done: its objects by own id, or undefined when it failed. */
interface Listing {
    readonly objects: Promise<Map<string, Located<PublicObject>> | undefined>;
    /** When the list ended; undefined while it is under way. */
    endedAt: number | undefined;
}

/**
 * What a process knows of one collection: the open batch, the last list; and, in the entry
 * of the type (its key without parent ids), the last read of an object of the type.
 */
interface Collection {
    batch: Batch | undefined;
    listing: Listing | undefined;
    lastRead: { readonly resourceId: string; readonly at: number } | undefined;
}

/** Collections by scope, resource type and parent ids; one registry serves a whole process. */
export type BatchRegistry = Map<string, Collection>;

/** The registry this process's reads share, on globalThis so that serialized copies share it too. */
export function processBatches(): BatchRegistry {
    const holder = globalThis as { __pulumiOpenAIAdminBatches?: BatchRegistry };
    holder.__pulumiOpenAIAdminBatches ??= new Map();
    return holder.__pulumiOpenAIAdminBatches;
}

/**
 * Forgets the lists of every collection of a resource type, so that no read after a change
 * made by this process is served from a list made before it.
 *
 * @param declaration the resource that was created, changed or deleted
 * @param registry where lists live (default: the process's)
 */
export function forgetListings(declaration: AnyDeclaration, registry: BatchRegistry = processBatches()): void {
    for (const [key, collection] of registry) {
        if (key.split(" ").includes(declaration.type)) {
            collection.listing = undefined;
            collection.lastRead = undefined;
        }
    }
}

/**
 * Reads one object, sharing the work with other reads of the same collection in this
 * process: the engine refreshes every resource of a stack at once, and the admin API allows
 * only a few requests a minute per endpoint. A read that stays alone costs one `GET`, as
 * before; reads that come together are served by one list of their collection (100 a page),
 * and so are the reads of that collection in the {@link LIST_REUSE_MS} after it; a lone read
 * that follows a read of another object of the type within that time lists its collection. Any id the list did not
 * hold is retrieved on its own, so the results (a 404 included) are those of single reads.
 *
 * @param connect makes the client
 * @param declaration the resource
 * @param ids the object's ids
 * @param scope what separates accounts: reads with different API roots or keys never share
 * @param registry where batches and lists live (default: the process's)
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
    try {
        // A bad id is refused before it can join a batch, whose list would be sent.
        checkIds(declaration, ids);
    } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const parents = parentPropertiesOf(declaration).map((name) => String(ids[name]));
    const entry = (key: string): Collection => {
        let found = registry.get(key);
        if (found === undefined) {
            found = { batch: undefined, listing: undefined, lastRead: undefined };
            registry.set(key, found);
        }
        return found;
    };
    const collection = entry([scope, declaration.type, ...parents].join(" "));
    const ofType = entry([scope, declaration.type].join(" "));
    const listing = collection.listing;
    if (listing !== undefined && (listing.endedAt === undefined || Date.now() - listing.endedAt < LIST_REUSE_MS)) {
        return fromListing(connect, declaration, ids, listing) as Promise<Located<O>>;
    }
    let batch = collection.batch;
    if (batch === undefined) {
        batch = { reads: [], openedAt: Date.now(), timer: undefined };
        collection.batch = batch;
    }
    const open = batch;
    const owner = collection;
    const read = new Promise<Located<O>>((resolve, reject) => {
        open.reads.push({ ids, resolve: resolve as (object: Located<PublicObject>) => void, reject });
    });
    // Each read that joins gives the others a little longer, up to the batch's limit.
    clearTimeout(open.timer);
    const wait = Math.max(0, Math.min(BATCH_WINDOW_MS, open.openedAt + MAX_BATCH_WAIT_MS - Date.now()));
    open.timer = setTimeout(() => {
        owner.batch = undefined;
        void serve(connect, declaration, open.reads, owner, ofType);
    }, wait);
    return read;
}

async function retrieveFor(connect: ClientFactory, declaration: AnyDeclaration, reads: readonly PendingRead[]): Promise<void> {
    try {
        const object = await retrieveObject(connect, declaration, reads[0]!.ids);
        reads.forEach((read, index) => read.resolve(index === 0 ? object : structuredClone(object)));
    } catch (error) {
        reads.forEach((read) => read.reject(error));
    }
}

// A read served by a list: the listed object, or a read of its own when the list did not
// hold it (made since, or never there: the 404 of a single read) or failed.
async function fromListing(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    ids: Ids,
    listing: Listing,
): Promise<Located<PublicObject>> {
    const objects = await listing.objects;
    const found = objects?.get(String(ids[ownIdPropertyOf(declaration)]));
    // Each reader gets its own copy: no caller can change what another sees.
    return found === undefined ? retrieveObject(connect, declaration, ids) : structuredClone(found);
}

async function serve(
    connect: ClientFactory,
    declaration: AnyDeclaration,
    reads: readonly PendingRead[],
    collection: Collection,
    ofType: Collection,
): Promise<void> {
    const now = Date.now();
    const distinct = new Set(reads.map((read) => resourceIdOf(declaration, read.ids)));
    // A read of another object of the type shortly before says the process is reading many
    // (the engine's refresh, a few at a time): then even a lone read lists its collection.
    const last = ofType.lastRead;
    const another = last !== undefined && now - last.at < LIST_REUSE_MS && !distinct.has(last.resourceId);
    ofType.lastRead = { resourceId: [...distinct][0]!, at: now };
    if (distinct.size <= 1 && !another) {
        // Reads of one id share one answer: a second request would say the same.
        await retrieveFor(connect, declaration, reads);
        return;
    }
    const listing: Listing = {
        // A list that fails (a bad parent id, no permission to list) says nothing of each
        // object: each is then read on its own, so that each gets its own answer.
        objects: listObjects(connect, declaration, reads[0]!.ids, declaration.list?.everything).then(
            (objects) => new Map(objects.map((object) => [object.id, object])),
            () => undefined,
        ),
        endedAt: undefined,
    };
    collection.listing = listing;
    void listing.objects.then((objects) => {
        listing.endedAt = Date.now();
        if (objects === undefined && collection.listing === listing) {
            collection.listing = undefined;
        }
    });
    await Promise.all(
        reads.map(async (read) => {
            try {
                read.resolve(await fromListing(connect, declaration, read.ids, listing));
            } catch (error) {
                read.reject(error);
            }
        }),
    );
}
