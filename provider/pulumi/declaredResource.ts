import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AnyDeclaration, ownIdPropertyOf, parentPropertiesOf } from "../api/declaration";
import { validateExpectationsOf } from "../api/expectations";
import { ADOPT, ROTATE_AFTER_DAYS } from "./managedInputs";
// The provider is that module's whole export (`export =`), which only this import form names.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import provider = require("./dynamicProvider");

/** The module of every type token: resources are `pulumi-nodejs:dynamic/openai:<Type>`. */
export const TYPE_MODULE = "openai";

/** What a resource class hands to `pulumi.dynamic.Resource`'s constructor. */
export interface ResourceParts {
    readonly provider: pulumi.dynamic.ResourceProvider;
    readonly props: pulumi.Inputs;
    readonly opts: pulumi.CustomResourceOptions;
    readonly type: string;
}

function shapeKeys(schema: z.ZodType): string[] {
    return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

// Every output is passed as undefined so that the SDK creates a resolver for it.
function allOutputs(declaration: AnyDeclaration): Record<string, undefined> {
    const managed = declaration.managed;
    const names = [
        ...shapeKeys(declaration.outputs()).filter((name) => name !== "id"),
        ...parentPropertiesOf(declaration),
        ...(declaration.path.params.length > 1 ? [ownIdPropertyOf(declaration)] : []),
        ...(managed === undefined
            ? []
            : [
                  ...shapeKeys(managed.inputs()),
                  ...(managed.secretOutputs ?? []),
                  ...(managed.createdOutputs ?? []),
                  ...(managed.keptInputs ?? []),
              ]),
    ];
    return Object.fromEntries(names.map((name) => [name, undefined]));
}

/**
 * The constructor arguments of `X.get(name, id, { expect })`: a read of an existing object
 * in every preview, update and refresh. A misspelt expectation fails here, in the program.
 *
 * @param declaration the resource
 * @param name the Pulumi resource name
 * @param id the object's id (`<project id>/<child id>` for children)
 * @param opts resource options and `expect`
 */
export function readParts(
    declaration: AnyDeclaration,
    name: string,
    id: pulumi.Input<pulumi.ID>,
    opts: pulumi.CustomResourceOptions & { readonly expect?: unknown },
): ResourceParts {
    const { expect, ...resourceOptions } = opts;
    const expectations =
        expect === undefined
            ? undefined
            : validateExpectationsOf(declaration, { operation: `read ${declaration.type}`, target: name }, expect);
    return {
        provider,
        props: { ...allOutputs(declaration), __type: declaration.type, __get: true, expect: expectations },
        opts: { ...resourceOptions, id },
        type: declaration.type,
    };
}

/**
 * The constructor arguments of `new X(name, args)`: a managed object, its secret outputs
 * marked as such.
 *
 * @param declaration the resource
 * @param args the inputs, with `adopt` and `rotateAfterDays` where they apply
 * @param opts resource options
 */
export function managedParts(declaration: AnyDeclaration, args: object, opts: pulumi.CustomResourceOptions = {}): ResourceParts {
    const secrets = declaration.managed?.secretOutputs ?? [];
    return {
        provider,
        props: { ...allOutputs(declaration), [ADOPT]: undefined, [ROTATE_AFTER_DAYS]: undefined, ...args, __type: declaration.type },
        opts: secrets.length === 0 ? opts : pulumi.mergeOptions(opts, { additionalSecretOutputs: [...secrets] }),
        type: declaration.type,
    };
}
