import { z } from "zod";
import { AdminClient } from "./client";
import { Attempt, InvalidResponseError, shownText } from "./errors";
import { schemaOnce } from "./validation";

/**
 * How a list endpoint pages. The Administration API uses three styles:
 * - `cursor`: `after` = the previous page's `last_id`, while `has_more` (most collections);
 * - `next`: `after` = the previous page's `next`, while `has_more` (groups, roles, assignments);
 * - `page`: `page` = the previous page's `next_page` (usage and costs).
 */
export type PagingStyle = "cursor" | "next" | "page";

/** A list endpoint's paging: its style and the largest page it accepts. */
export interface Paging {
    readonly style: PagingStyle;
    /** Items asked for per page (`limit`): the most the endpoint accepts. */
    readonly pageSize: number;
}

/** Most pages one list may take: a server that never stops saying `has_more` is stopped here. */
export const MAX_PAGES = 1_000;
/** Most items one list may hold. */
export const MAX_ITEMS = 100_000;

/** One page as the pager sees it, whatever the style. */
interface Page<T> {
    readonly data: readonly T[];
    readonly has_more?: boolean | null;
    readonly last_id?: string | null;
    readonly next?: string | null;
    readonly next_page?: string | null;
}

function pageSchema<T>(name: string, style: PagingStyle, item: z.ZodType<T>): z.ZodType<Page<T>> {
    return schemaOnce(`page ${style} ${name}`, () => {
        const data = z.array(item);
        if (style === "page") {
            return z.looseObject({
                object: z.literal("page", { error: 'is not "page"' }),
                data,
                has_more: z.boolean().nullish(),
                next_page: z.string().nullish(),
            });
        }
        return z.looseObject({
            object: z.literal("list", { error: 'is not "list"' }),
            data,
            has_more: z.boolean(),
            first_id: z.string().nullish(),
            last_id: z.string().nullish(),
            next: z.string().nullish(),
        });
    });
}

/** What {@link listAll} needs: where the list is, how it pages, and what an item is. */
export interface ListRequest<T> {
    /** The collection's path, filled and encoded. */
    readonly path: string;
    /** Its template, e.g. `/organization/projects/{project_id}/users`. */
    readonly route: string;
    /** Query parameters besides `limit` and the cursor. */
    readonly query?: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;
    /** The endpoint's style and page size. */
    readonly paging: Paging;
    /** A name for the item schema, unique in the package (page schemas are built once). */
    readonly schemaName: string;
    /** The schema of one item. */
    readonly item: z.ZodType<T>;
    /** How to read an item's id, for a `cursor` page without `last_id`. */
    readonly itemId: (item: T) => string | undefined;
    /** What the items are called in messages, e.g. `keys`. */
    readonly plural: string;
}

/**
 * Reads every page of a list endpoint and returns all items. Stops at the last page, at an
 * empty page and at a page without a cursor; refuses a cursor that comes back, a page larger
 * than asked, and lists past {@link MAX_PAGES} pages or {@link MAX_ITEMS} items, saying how
 * far it got.
 *
 * @param client the client
 * @param attempt what is being listed, for messages (e.g. `list projects`)
 * @param request the collection, its paging and its items
 * @returns every item, in the order the API gave them
 * @throws {InvalidResponseError} for a malformed page, a repeated cursor, or a list past its bounds
 */
export async function listAll<T>(client: AdminClient, attempt: Attempt, request: ListRequest<T>): Promise<T[]> {
    const { paging, plural } = request;
    const schema = pageSchema(request.schemaName, paging.style, request.item);
    const items: T[] = [];
    const cursorsSeen = new Set<string>();
    // A cursor is what a server said: it reaches a message only through the client's redaction.
    const shown = (text: string): string => shownText(client.redact?.(text) ?? text, 200);
    let cursor: string | undefined;
    for (let pages = 0; ; pages++) {
        const cursorParam = paging.style === "page" ? "page" : "after";
        const pageAttempt: Attempt =
            cursor === undefined ? attempt : { ...attempt, operation: `${attempt.operation} ${cursorParam} "${shown(cursor)}"` };
        if (pages >= MAX_PAGES) {
            throw new InvalidResponseError(
                pageAttempt,
                `the list did not end after ${pages} pages (${items.length} ${plural}); stopped there`,
            );
        }
        const page = await client.request(
            pageAttempt,
            {
                method: "GET",
                path: request.path,
                route: request.route,
                query: { limit: paging.pageSize, ...request.query, [cursorParam]: cursor },
            },
            schema,
        );
        if (page.data.length > paging.pageSize) {
            throw new InvalidResponseError(
                pageAttempt,
                `a page held ${page.data.length} ${plural}, more than the ${paging.pageSize} asked for`,
            );
        }
        items.push(...page.data);
        if (items.length > MAX_ITEMS) {
            throw new InvalidResponseError(pageAttempt, `the list passed ${MAX_ITEMS} ${plural} after ${pages + 1} pages; stopped there`);
        }
        const next = nextCursor(page, paging.style, request.itemId);
        if (page.data.length === 0 || next === undefined) {
            return items;
        }
        if (cursorsSeen.has(next)) {
            throw new InvalidResponseError(
                pageAttempt,
                `the pagination cursor "${shown(next)}" came back a second time after ${items.length} ${plural}`,
            );
        }
        cursorsSeen.add(next);
        cursor = next;
    }
}

function nextCursor<T>(page: Page<T>, style: PagingStyle, itemId: (item: T) => string | undefined): string | undefined {
    if (style === "page") {
        return page.next_page ?? undefined;
    }
    if (page.has_more !== true) {
        return undefined;
    }
    if (style === "next") {
        return page.next ?? undefined;
    }
    const last = page.data[page.data.length - 1];
    return page.last_id ?? (last === undefined ? undefined : itemId(last));
}
