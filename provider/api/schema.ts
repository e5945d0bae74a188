import { z } from "zod";
import { SETTING_SOURCES } from "../core/settings";
import { AnyDeclaration, ownIdPropertyOf, parentPropertiesOf } from "./declaration";
import { declarations, reportDeclarations } from "./index";
import { AnyReportDeclaration } from "./declaration";

/** A property in a Pulumi package schema (a subset of Pulumi's `PropertySpec`). */
export interface PropertySpec {
    readonly type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    readonly items?: PropertySpec;
    readonly additionalProperties?: PropertySpec;
    readonly oneOf?: readonly PropertySpec[];
    readonly $ref?: string;
    readonly description?: string;
    readonly secret?: boolean;
    readonly replaceOnChanges?: boolean;
}

/** An object type: its properties and which are required. */
export interface ObjectSpec {
    readonly description?: string;
    readonly properties: Record<string, PropertySpec>;
    readonly required: string[];
}

/** The parts of a Pulumi package schema this package's declarations describe. */
export interface PackageSchema {
    readonly name: string;
    readonly description: string;
    readonly config: { readonly variables: Record<string, PropertySpec> };
    readonly types: Record<string, ObjectSpec & { readonly type: "object" }>;
    readonly resources: Record<
        string,
        ObjectSpec & { readonly inputProperties: Record<string, PropertySpec>; readonly requiredInputs: string[] }
    >;
    readonly functions: Record<string, { readonly description: string; readonly inputs: ObjectSpec; readonly outputs: ObjectSpec }>;
}

type JsonSchema = {
    type?: string | string[];
    properties?: Record<string, JsonSchema>;
    required?: string[];
    items?: JsonSchema;
    anyOf?: JsonSchema[];
    oneOf?: JsonSchema[];
    enum?: unknown[];
    const?: unknown;
    description?: string;
};

const PACKAGE = "openai";
const token = (name: string) => `${PACKAGE}:index:${name}`;
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The Pulumi package schema that the declarations describe: every resource (inputs, outputs,
 * secrets, what replaces), every `getX`/`getXs` function and the object types they use, and
 * the provider's configuration. It shows that the declarations are complete enough for a
 * multi-language provider plugin, and `pulumi schema check` accepts it (tested).
 *
 * @param name the package name; `openai`
 * @returns the schema, as JSON-ready data
 */
export function packageSchema(): PackageSchema {
    const types: PackageSchema["types"] = {};
    const resources: PackageSchema["resources"] = {};
    const functions: PackageSchema["functions"] = {};

    // JSON Schema (from zod) to Pulumi's property spec; nested objects become named types.
    const property = (schema: JsonSchema, typeName: string): PropertySpec => {
        const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((variant) => variant.type !== "null");
        if (variants.length === 1) {
            return {
                ...property(variants[0]!, typeName),
                ...(schema.description === undefined ? {} : { description: schema.description }),
            };
        }
        if (variants.length > 1) {
            return { oneOf: variants.map((variant, index) => property(variant, `${typeName}${index}`)) };
        }
        const kind = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
        const description = schema.description === undefined ? {} : { description: schema.description };
        switch (kind) {
            case "string":
            case "number":
            case "integer":
            case "boolean":
                return { type: kind, ...description };
            case "array":
                return { type: "array", items: property(schema.items ?? {}, `${typeName}Item`), ...description };
            case "object":
                if (schema.properties === undefined || Object.keys(schema.properties).length === 0) {
                    return { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" }, ...description };
                }
                types[token(typeName)] = { type: "object", ...objectSpec(schema, typeName) };
                return { $ref: `#/types/${token(typeName)}`, ...description };
            default:
                if (schema.enum !== undefined || schema.const !== undefined) {
                    return { type: "string", ...description };
                }
                return { $ref: "pulumi.json#/Any", ...description };
        }
    };
    const objectSpec = (schema: JsonSchema, typeName: string): ObjectSpec => ({
        properties: Object.fromEntries(
            Object.entries(schema.properties ?? {}).map(([name, value]) => [name, property(value, `${typeName}${capitalized(name)}`)]),
        ),
        required: [...(schema.required ?? [])],
    });
    const jsonOf = (schema: z.ZodType, io: "input" | "output"): JsonSchema =>
        z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;

    for (const declaration of Object.values(declarations)) {
        const outputs = objectSpec(jsonOf(declaration.outputs(), "output"), declaration.type);
        const { id: _id, ...outputProperties } = outputs.properties;
        const ids = Object.fromEntries(
            [...parentPropertiesOf(declaration), ...(declaration.path.params.length > 1 ? [ownIdPropertyOf(declaration)] : [])].map(
                (name) => [name, { type: "string" as const, description: `The ${name} this ${declaration.noun} belongs to or is.` }],
            ),
        );
        resources[token(declaration.type)] = {
            description: declaration.description,
            properties: { ...outputProperties, ...ids, ...managedOutputs(declaration) },
            required: [...outputs.required.filter((name) => name !== "id"), ...Object.keys(ids)],
            ...resourceInputs(declaration, (schema, typeName) => objectSpec(jsonOf(schema, "input"), typeName)),
        };
        addFunctions(declaration, outputs, (schema, typeName) => objectSpec(jsonOf(schema, "input"), typeName));
    }

    function addFunctions(
        declaration: AnyDeclaration,
        outputs: ObjectSpec,
        inputsOf: (schema: z.ZodType, typeName: string) => ObjectSpec,
    ): void {
        const idNames = [...parentPropertiesOf(declaration), ownIdPropertyOf(declaration)];
        const expect = z.object(
            Object.fromEntries(Object.entries(declaration.expectations ?? {}).map(([name, spec]) => [name, spec.schema().optional()])),
        );
        const getInputs = inputsOf(
            z.object({
                ...Object.fromEntries(idNames.map((name) => [name, z.string().optional()])),
                ...(declaration.nameField === undefined ? {} : { [declaration.nameField]: z.string().optional() }),
                expect: expect.optional(),
            }),
            `Get${declaration.type}Args`,
        );
        functions[token(`get${declaration.type}`)] = {
            description: `Reads one ${declaration.noun} by id${declaration.nameField === undefined ? "" : ` or by ${declaration.nameField}`}.`,
            inputs: { ...getInputs, required: [...parentPropertiesOf(declaration)] },
            outputs: {
                ...outputs,
                properties: {
                    ...outputs.properties,
                    ...Object.fromEntries(parentPropertiesOf(declaration).map((name) => [name, { type: "string" as const }])),
                },
            },
        };
        if (declaration.list !== undefined) {
            const listInputs = inputsOf(
                z.object({
                    ...Object.fromEntries(parentPropertiesOf(declaration).map((name) => [name, z.string()])),
                    ...(declaration.list.filters?.() ?? {}),
                }),
                `Get${declaration.type}sArgs`,
            );
            types[token(declaration.type)] = { type: "object", description: declaration.description, ...outputs };
            functions[token(`get${declaration.type}s`)] = {
                description: `Lists the ${declaration.plural}, every page, optionally filtered.`,
                inputs: listInputs,
                outputs: {
                    properties: { [declaration.listKey]: { type: "array", items: { $ref: `#/types/${token(declaration.type)}` } } },
                    required: [declaration.listKey],
                },
            };
        }
    }

    for (const report of reportDeclarations) {
        addReport(report);
    }

    // A report over a time range: its window, its filters (lists of strings or flags), its
    // grouping and gates as inputs; its results (buckets of results, or events) as outputs.
    function addReport(report: AnyReportDeclaration): void {
        const name = report.name
            .split(/[^A-Za-z0-9]+/)
            .filter((part) => part !== "")
            .map(capitalized)
            .join("");
        const result = objectSpec(jsonOf(report.outputs(), "output"), `${name}Result`);
        types[token(`${name}Result`)] = { type: "object", description: report.description, ...result };
        const time: PropertySpec = { oneOf: [{ type: "number" }, { type: "string" }], description: "Unix seconds or an ISO 8601 time." };
        const inputs: Record<string, PropertySpec> = {
            startTime: time,
            endTime: time,
            ...Object.fromEntries(
                Object.entries(report.filters).map(([argument, filter]) => [
                    argument,
                    filter.type === "boolean" ? { type: "boolean" } : { type: "array", items: { type: "string" } },
                ]),
            ),
            ...(report.groupBy === undefined || report.groupBy.length === 0
                ? {}
                : { groupBy: { type: "array", items: { type: "string" } } }),
            ...(report.paging.style === "page" ? { bucketWidth: { type: "string", description: report.paging.widths.join(", ") } } : {}),
        };
        const many = report.paging.style === "page" ? "buckets" : "events";
        functions[token(`get${name}Report`)] = {
            description: report.description,
            inputs: { properties: inputs, required: [] },
            outputs: { properties: { [many]: { type: "array", items: { $ref: `#/types/${token(`${name}Result`)}` } } }, required: [many] },
        };
    }

    types[token("Adopt")] = {
        type: "object",
        description: "Which existing object to take over: by its id, or by its name where names are unique.",
        properties: { id: { type: "string" }, byName: { type: "boolean" } },
        required: [],
    };
    return {
        name: PACKAGE,
        description: "Manage and inspect an OpenAI organization through its Administration API.",
        config: {
            // Every setting, named as stack config takes it; the environment variable is the fallback.
            variables: Object.fromEntries(
                Object.entries(SETTING_SOURCES).map(([name, source]) => [
                    name,
                    {
                        type: name === "adminKey" || name === "baseUrl" ? "string" : "integer",
                        ...(name === "adminKey" ? { secret: true } : {}),
                        description: `${source.config}, or the environment variable ${source.env}.`,
                    } satisfies PropertySpec,
                ]),
            ),
        },
        types,
        resources,
        functions,
    };
}

// Outputs a managed resource keeps besides the object's fields: secrets and kept inputs.
function managedOutputs(declaration: AnyDeclaration): Record<string, PropertySpec> {
    const managed = declaration.managed;
    if (managed === undefined) {
        return {};
    }
    return Object.fromEntries([
        ...(managed.secretOutputs ?? []).map((name) => [
            name,
            { type: "string", secret: true, description: "Returned once, at creation." },
        ]),
        ...(managed.createdOutputs ?? []).map((name) => [name, { type: "string", description: "Returned at creation." }]),
    ]) as Record<string, PropertySpec>;
}

// A managed resource's inputs: the declaration's, with replace-on-change marked, plus adoption and rotation.
function resourceInputs(
    declaration: AnyDeclaration,
    inputsOf: (schema: z.ZodType, typeName: string) => ObjectSpec,
): { inputProperties: Record<string, PropertySpec>; requiredInputs: string[] } {
    const managed = declaration.managed;
    if (managed === undefined) {
        return { inputProperties: {}, requiredInputs: [] };
    }
    const inputs = inputsOf(managed.inputs(), `${declaration.type}Args`);
    const properties: Record<string, PropertySpec> = Object.fromEntries(
        Object.entries(inputs.properties).map(([name, spec]) => [
            name,
            managed.replaceOnChange.includes(name) ? { ...spec, replaceOnChanges: true } : spec,
        ]),
    );
    properties["adopt"] = { $ref: `#/types/${token("Adopt")}`, description: "Take over an existing object instead of creating one." };
    if (managed.rotates === true) {
        properties["rotateAfterDays"] = {
            type: "number",
            description: "Replace the object, new before old, once it is this many days old.",
        };
    }
    return { inputProperties: properties, requiredInputs: inputs.required };
}
