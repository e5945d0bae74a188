import { z } from "zod";
import type { QueryValue } from "../core/client";
import { Paging } from "../core/pagination";
import { PathTemplate, propertyNameOf } from "../core/paths";
import type { ResultFields } from "./reports";

/**
 * Everything this package knows about one Administration API resource, as data plus small
 * functions: its wire shape, its public shape and the mapping between them, where it lives,
 * how it pages, and what create, update and delete mean. The generic layers (operations,
 * Pulumi providers and data sources, the emulator) are driven by it, and a Pulumi package
 * schema is generated from it (see `packageSchema` in schema.ts).
 *
 * `W` is the wire object, `O` the public object (camelCase, with `id`), `I` the inputs of
 * the managed resource.
 */
export interface ResourceDeclaration<W extends object = object, O extends PublicObject = PublicObject, I extends object = object> {
    /** The Pulumi type name, e.g. `Project`: resources are `pulumi-nodejs:dynamic/openai:Project`. */
    readonly type: string;
    /** One object in words, for messages: `project service account`. */
    readonly noun: string;
    /** Several in words: `project service accounts`. */
    readonly plural: string;
    /** One sentence on what it is, for documentation and schemas. */
    readonly description: string;
    /**
     * The item's path. Its last parameter is the object's own id; the ones before it are its
     * parents (a project's children hang below `/organization/projects/{project_id}`).
     */
    readonly path: PathTemplate;
    /**
     * The argument names of the path parameters, in order (`["projectId", "keyId"]`). Default:
     * each parameter in camelCase. A child's resource id joins them with `/`.
     */
    readonly idProperties?: readonly string[];
    /** The wire `object` value, e.g. `organization.project`. */
    readonly object: string;
    /** The zod schema of a wire object. Unknown fields pass; optional fields may be missing. */
    readonly wire: () => z.ZodType<W>;
    /** The zod schema of the public object: documents the outputs (and is checked in tests). */
    readonly outputs: () => z.ZodType<O>;
    /** Maps a wire object to the public object: the one place that does. */
    readonly toPublic: (wire: W) => O;
    /** How a single object is read: its own `GET`, or from its collection's list (no `GET` exists). */
    readonly retrieve: "get" | "list";
    /** The list endpoint (the item path without its id) and how it pages; absent when there is none. */
    readonly list?: ListDeclaration<O>;
    /** The public field that names an object, for lookups by name (`name`, `email`, `model`). */
    readonly nameField?: keyof O & string;
    /** Whether names are unique, so that an existing object can be adopted by name. */
    readonly uniqueNames?: boolean;
    /** The key under which `getXs` returns its list, e.g. `projects`. */
    readonly listKey: string;
    /** Checks a deploy can make of an object (`expect`), by name. */
    readonly expectations?: ExpectationSpecs<O>;
    /** Present for resources that can be managed (`new X(...)`). */
    readonly managed?: ManagedDeclaration<W, O, I>;
}

/** The public shape every resource has: its own id (the last path parameter). */
export interface PublicObject {
    readonly id: string;
}

/** A list endpoint: its paging, filters applied by the API, and filters applied here. */
export interface ListDeclaration<O> {
    readonly paging: Paging;
    /**
     * The filters `getXs` accepts besides the parent ids, as a zod shape (strict: a misspelt
     * filter is refused). Each is either sent as a query parameter (`query`) or applied to
     * the results (`keep`).
     */
    readonly filters?: () => z.ZodRawShape;
    /** Query parameters for the given filters, e.g. `include_archived`. */
    readonly query?: (filters: Readonly<Record<string, unknown>>) => Readonly<Record<string, QueryValue>>;
    /** Whether an object passes the given filters; `now` in Unix seconds. */
    readonly keep?: (object: O, filters: Readonly<Record<string, unknown>>, now: number) => boolean;
    /**
     * Query parameters for the list that serves batched reads and lookups by name, when
     * the default list would leave some objects out (`include_archived` for projects).
     */
    readonly everything?: Readonly<Record<string, string | number | boolean>>;
    /**
     * Checks over the whole list, by name, that `getXs({ expect })` makes besides each
     * object's own expectations: the owners are exactly these people, the list is empty.
     */
    readonly gates?: ListGateSpecs<O>;
}

/** One offender of a list gate: an object of the list, or a principal the list lacks. */
export interface ListGateFailure {
    /** The offending object's or principal's id (or email), e.g. `user_abc`. */
    readonly id: string;
    /** What is wrong with it, in words. */
    readonly message: string;
}

/** A check over a whole list: its argument schema and the offenders it finds. */
export interface ListGateSpec<O> {
    /** The zod schema of the expected value. */
    readonly schema: () => z.ZodType;
    /** Every offender, each named; empty when the gate holds. */
    readonly check: (objects: readonly O[], expected: never) => readonly ListGateFailure[];
}

/** List gates by name, checked in declaration order. */
export type ListGateSpecs<O> = Readonly<Record<string, ListGateSpec<O>>>;

/** One kind of expectation: its argument schema and the check it makes. */
export interface ExpectationSpec<O> {
    /** The zod schema of the expected value. */
    readonly schema: () => z.ZodType;
    /** Returns the failure in words (naming the expected and the actual value), or undefined when it holds. */
    readonly check: (object: O, expected: never, nowSeconds: number) => string | undefined;
}

/** Expectations by name, checked in declaration order. */
export type ExpectationSpecs<O> = Readonly<Record<string, ExpectationSpec<O>>>;

/** What `delete` does to the object of a managed resource. */
export type DeleteBehaviour =
    /** `DELETE` the item; already gone counts as done. */
    | { readonly kind: "delete" }
    /** `POST` to the item's path plus `suffix` (projects: `/archive`): the API cannot delete it. */
    | { readonly kind: "archive"; readonly suffix: string }
    /** `POST` the item's values as they were before the first change, kept in state (rate limits). */
    | { readonly kind: "reset" }
    /** Send nothing: the object stays, and the stack forgets it. */
    | { readonly kind: "release" };

/** How a managed resource is created, updated and deleted. */
export interface ManagedDeclaration<W extends object, O extends PublicObject, I extends object> {
    /** The inputs, camelCase, parent ids included (strict: unknown inputs are refused). */
    readonly inputs: () => z.ZodObject<{ readonly [K in keyof I]-?: z.ZodType }>;
    /** Inputs whose change replaces the object; the others update it in place. */
    readonly replaceOnChange: readonly (keyof I & string)[];
    /**
     * Whether a replacement deletes the old object before creating the new one, because the
     * API refuses the new one while the old exists (a second pending invite for an address, a
     * second access of a group to a project). Default false: new before old.
     */
    readonly deleteBeforeReplace?: boolean;
    /**
     * Create: `POST` to the collection with `body(inputs)`. `response` is the create answer's
     * schema when it differs from the wire object; `secrets` picks the one-time secrets out of
     * it. Absent for objects the API cannot create (rate limits): create then adopts the
     * object `find` returns and applies the inputs.
     */
    readonly create?: {
        readonly body: (inputs: I) => object;
        readonly response?: () => z.ZodType<W>;
        /** Secret outputs the create answer alone carries, by output name. */
        readonly secrets?: (created: W) => Readonly<Record<string, string | undefined>>;
        /**
         * After an answer that was lost (timeout, reset, 5xx): `adopt` the object of that name
         * created since the attempt began, or `deleteAndRetry` when the answer held a secret
         * that is now lost (keys), so that one usable object results.
         */
        readonly onLostAnswer: "adopt" | "deleteAndRetry";
        /**
         * Whether the create answer is only a receipt (a group membership answers with its ids):
         * the object is then read with a `GET` right after it, so that its outputs are complete.
         */
        readonly readBack?: boolean;
    };
    /** For objects without create: which existing object the inputs name (rate limits: by model). */
    readonly find?: (objects: readonly O[], inputs: I) => O | undefined;
    /**
     * Update in place: `POST` the item with `body(inputs)`; absent when every change replaces.
     * Create sends it too, right after the create, when an input that is updated in place
     * differs from the created object (a service account is created as `member`; `role` then applies).
     */
    readonly update?: { readonly body: (inputs: I) => object };
    /** For `reset`: the body that puts back the values read before the first change. */
    readonly resetBody?: (original: O) => object;
    /** What delete does. */
    readonly delete: DeleteBehaviour;
    /**
     * When what delete does depends on the stored outputs (kept inputs included), chooses it;
     * `delete` stays the default it documents. An organization user is released unless
     * `removeOnDelete` was set.
     */
    readonly deleteAs?: (stored: Readonly<Record<string, unknown>>) => DeleteBehaviour;
    /**
     * Checked on the object read just before a delete that would send something: a reason
     * means the API cannot delete it (an accepted invite), so the stack releases it instead
     * and prints the reason as a warning.
     */
    readonly releaseWhen?: (object: O) => string | undefined;
    /**
     * Checked on a fresh read just before any change is sent (create of a child, update,
     * delete): a reason refuses the change, and nothing is sent. `of` is the resource whose
     * object is checked when it is a parent (a group's membership: the group), read with the
     * leading ids; default the object itself. Used for objects managed by SCIM.
     */
    readonly refuseChange?: {
        readonly of?: () => AnyDeclaration;
        readonly reason: (object: Readonly<Record<string, unknown>>) => string | undefined;
    };
    /** Outputs that are secrets (`value`, `apiKey`). */
    readonly secretOutputs?: readonly string[];
    /**
     * Outputs, not secret, that only the create answer carries (`create.secrets` returns them
     * too), kept in state as they were: the id of a service account's first API key.
     */
    readonly createdOutputs?: readonly string[];
    /** Whether the object holds a one-time secret, so that `rotateAfterDays` applies. */
    readonly rotates?: boolean;
    /** Whether an object that exists but is no longer usable counts as gone on refresh (an archived project). */
    readonly gone?: (object: O) => boolean;
    /** Inputs that are not object fields and must be kept in state to be compared (`expiresInSeconds`). */
    readonly keptInputs?: readonly (keyof I & string)[];
}

/** The argument names of a declaration's path parameters: parents first, its own id last. */
export function idPropertiesOf(declaration: AnyDeclaration): readonly string[] {
    return declaration.idProperties ?? declaration.path.params.map(propertyNameOf);
}

/** The argument names of a declaration's parents (`["projectId"]`), empty for top-level resources. */
export function parentPropertiesOf(declaration: AnyDeclaration): readonly string[] {
    return idPropertiesOf(declaration).slice(0, -1);
}

/** The argument name of a declaration's own id (`keyId`, `serviceAccountId`). */
export function ownIdPropertyOf(declaration: AnyDeclaration): string {
    return idPropertiesOf(declaration).at(-1) ?? "id";
}

/** A declaration with its types erased, as registries and generic code hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDeclaration = ResourceDeclaration<any, any, any>;

/** The width of a usage or cost bucket, as the API names it. */
export type BucketWidth = "1m" | "1h" | "1d";

/** One filter a report endpoint accepts: its argument name maps to a query parameter and a result field. */
export interface ReportFilter {
    /** The query parameter, e.g. `project_ids` (sent as `project_ids[]=...`) or `batch`. */
    readonly param: string;
    /** The wire field of a result (or event) it matches, e.g. `project_id`; the emulator filters on it. */
    readonly field: string;
    /** `strings`: a list of values; `boolean`: one flag (`batch`). */
    readonly type: "strings" | "boolean";
    /** The accepted values, where the API enumerates them (image sizes, context levels). */
    readonly values?: readonly string[];
}

/**
 * How a report pages through its range: `buckets` reports (usage, costs) page with
 * `page`/`next_page`, at most `maxBuckets[width]` buckets a page; `events` reports (audit
 * logs) page with `after`/`last_id`, at most `pageSize` events a page.
 */
export type ReportPaging =
    | {
          readonly style: "page";
          readonly widths: readonly BucketWidth[];
          readonly maxBuckets: Readonly<Partial<Record<BucketWidth, number>>>;
      }
    | { readonly style: "cursor"; readonly pageSize: number };

/** A gate on a report's result: its argument schema and the check it makes. */
export interface ReportGateSpec<R> {
    /** The zod schema of the gate's argument. */
    readonly schema: () => z.ZodType;
    /**
     * Returns each failure in words (naming the figure, the limit and the window), empty when
     * the gate holds. `filters` are the parsed arguments of the call, for gates that need them.
     */
    readonly check: (result: R, expected: never, window: string, filters: Readonly<Record<string, unknown>>) => string[];
    /** Refuses arguments the gate cannot be checked with (e.g. a per-project limit without `groupBy: ["project_id"]`). */
    readonly requires?: (expected: never, filters: Readonly<Record<string, unknown>>) => string | undefined;
}

/**
 * A report over a time range, not a collection: usage of one kind, costs, audit logs. As
 * data plus small functions, like {@link ResourceDeclaration}: where it is, how its range
 * pages, the filters and groupings the API allows, the wire shape of one result (or event)
 * and its public shape, and the gates a deploy can put on the result. The generic fetch
 * (`provider/pulumi/reports.ts`) and the emulator's report handler are driven by it.
 *
 * `W` is one wire result (a usage result, a cost result, an audit event), `P` its public
 * form, `R` the public report (`{ buckets }`, `{ buckets, total }`, `{ events }`).
 */
export interface ReportDeclaration<W extends object = object, P extends object = object, R extends object = object> {
    /** A short name, unique among reports: `completions`, `costs`, `audit logs`. */
    readonly name: string;
    /** The report in words, for messages: `completions usage`. */
    readonly noun: string;
    /** One sentence on what it holds, for documentation and schemas. */
    readonly description: string;
    /** The endpoint, e.g. `/organization/usage/completions`. */
    readonly path: string;
    /** The wire `object` of one result, e.g. `organization.usage.completions.result`. */
    readonly object: string;
    /** How the range pages, with the largest pages the endpoint accepts. */
    readonly paging: ReportPaging;
    /** The filters it accepts, by argument name (`projectIds`); any other is refused before sending. */
    readonly filters: Readonly<Record<string, ReportFilter>>;
    /** The wire fields results can be grouped by (`group_by`); empty or absent when none. */
    readonly groupBy?: readonly string[];
    /** The zod schema of one wire result (or event). Unknown fields pass. */
    readonly wire: () => z.ZodType<W>;
    /** The zod schema of one public result (or event). */
    readonly outputs: () => z.ZodType<P>;
    /** Maps a wire result to its public form: the one place that does. */
    readonly toPublic: (wire: W) => P;
    /**
     * The fields of one result as data (`{ input_tokens: "count", project_id: "dimension" }`),
     * for schema generation and the emulator; absent for events, whose shape varies by type.
     */
    readonly fields?: ResultFields;
    /** The wire field that counts activity (`num_model_requests`): non-zero means something was used. */
    readonly activity?: string;
    /** Figures derived from the whole report, added to it (costs: `total`). */
    readonly summarize?: (report: { readonly buckets: readonly object[] }) => Readonly<Record<string, unknown>>;
    /** Gates (`expect`) a deploy can put on the report, by name. */
    readonly gates?: Readonly<Record<string, ReportGateSpec<R>>>;
}

/** A report declaration with its types erased, as registries and generic code hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReportDeclaration = ReportDeclaration<any, any, any>;
