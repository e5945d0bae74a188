import { z } from "zod";
import { propertyNameOf } from "../core/paths";
import type { BucketWidth, ReportFilter } from "./declaration";

/**
 * What a field of a report result is, as data: `count` a required integer, `optionalCount`
 * an integer the API may leave out, `amount` a number, `dimension` a grouping value (null
 * unless grouped by it), `flag` a grouping boolean.
 */
export type FieldKind = "count" | "optionalCount" | "amount" | "dimension" | "flag";

/** The fields of a result by wire name, e.g. `{ input_tokens: "count", project_id: "dimension" }`. */
export type ResultFields = Readonly<Record<string, FieldKind>>;

/** `input_cached_tokens` as `inputCachedTokens`, at the type level. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

type FieldType<K extends FieldKind> = K extends "count" | "amount"
    ? number
    : K extends "optionalCount"
      ? number | null
      : K extends "flag"
        ? boolean | null
        : string | null;

/** The public result of a field table: each field camelCase, typed by its kind. */
export type PublicResult<F extends ResultFields> = { readonly [K in keyof F & string as CamelCase<K>]: FieldType<F[K]> };

/** The wire result of a field table, as the API sends it. */
export type WireResult<F extends ResultFields> = { readonly object: string } & {
    readonly [K in keyof F & string]?: FieldType<F[K]> | undefined;
};

/** `input_cached_tokens` as `inputCachedTokens`: the package's one naming rule (see core/paths.ts). */
export const camelCase = propertyNameOf;

function wireFieldSchema(kind: FieldKind): z.ZodType {
    switch (kind) {
        case "count":
            return z.number().int();
        case "amount":
            return z.number();
        case "optionalCount":
            return z.number().int().nullish();
        case "flag":
            return z.boolean().nullish();
        case "dimension":
            return z.string().nullish();
    }
}

function publicFieldSchema(kind: FieldKind): z.ZodType {
    switch (kind) {
        case "count":
            return z.number().int();
        case "amount":
            return z.number();
        case "optionalCount":
            return z.number().int().nullable();
        case "flag":
            return z.boolean().nullable();
        case "dimension":
            return z.string().nullable();
    }
}

/**
 * The wire schema, public schema and mapping of a result described by its field table.
 *
 * @param object the wire `object` of a result, e.g. `organization.usage.completions.result`
 * @param fields the fields by wire name
 * @returns the parts of a report declaration that describe one result
 */
export function resultShape<F extends ResultFields>(object: string, fields: F) {
    return {
        object,
        fields,
        wire: () =>
            z.looseObject({
                object: z.literal(object, { error: `is not "${object}"` }),
                ...Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, wireFieldSchema(kind)])),
            }) as unknown as z.ZodType<WireResult<F>>,
        outputs: () =>
            z.strictObject(
                Object.fromEntries(Object.entries(fields).map(([name, kind]) => [camelCase(name), publicFieldSchema(kind)])),
            ) as unknown as z.ZodType<PublicResult<F>>,
        toPublic: (wire: WireResult<F>): PublicResult<F> =>
            Object.fromEntries(
                Object.entries(fields).map(([name, kind]) => {
                    const value = (wire as Record<string, unknown>)[name];
                    return [camelCase(name), value ?? (kind === "count" || kind === "amount" ? 0 : null)];
                }),
            ) as PublicResult<F>,
    };
}

/** A list-of-strings filter on a result field (`projectIds` → `project_ids`, field `project_id`). */
export function idsFilter(param: string, field: string, values?: readonly string[]): ReportFilter {
    return { param, field, type: "strings", ...(values === undefined ? {} : { values }) };
}

/** One time bucket of a usage or cost report, public form. */
export interface Bucket<P> {
    /** Start of the bucket, Unix seconds (inclusive). */
    readonly startTime: number;
    /** End of the bucket, Unix seconds (exclusive). */
    readonly endTime: number;
    /** The bucket's results: one, or one per group when grouped; none when nothing was used. */
    readonly results: readonly P[];
}

/** The wire schema of one bucket holding results of the given schema. */
export function wireBucketSchema<W>(result: z.ZodType<W>) {
    return z.looseObject({
        object: z.literal("bucket", { error: 'is not "bucket"' }),
        start_time: z.number().int(),
        end_time: z.number().int(),
        results: z.array(result),
    });
}

/** A bucket as the API sends it. */
export type WireBucket<W> = z.infer<ReturnType<typeof wireBucketSchema<W>>>;

/** Seconds in a bucket of each width. */
export const BUCKET_SECONDS: Readonly<Record<BucketWidth, number>> = { "1m": 60, "1h": 3_600, "1d": 86_400 };

/** The usage endpoints' bucket limits: the most buckets one page may hold, per width. */
export const USAGE_MAX_BUCKETS: Readonly<Record<BucketWidth, number>> = { "1m": 1440, "1h": 168, "1d": 31 };
