import * as pulumi from "@pulumi/pulumi";

/** A resource whose `keyId` output is computed on create, so it is unknown during the first preview. */
export class KeyIdSource extends pulumi.dynamic.Resource {
    declare readonly keyId: pulumi.Output<string>;

    constructor(name: string, args: { target: pulumi.Input<string> }) {
        super(
            {
                async create(inputs: { target: string }) {
                    return { id: `source-${inputs.target}`, outs: { target: inputs.target, keyId: inputs.target } };
                },
            },
            name,
            { target: args.target, keyId: undefined },
            {},
            "e2e",
            "KeyIdSource",
        );
    }
}

/** A stand-in for anything that depends on a key: it records the key id it was given. */
export class DependsOnKey extends pulumi.dynamic.Resource {
    declare readonly keyId: pulumi.Output<string>;

    constructor(name: string, args: { keyId: pulumi.Input<string> }) {
        super(
            {
                async create(inputs: { keyId: string }) {
                    return { id: `uses-${inputs.keyId}`, outs: { keyId: inputs.keyId } };
                },
            },
            name,
            { keyId: args.keyId },
            {},
            "e2e",
            "DependsOnKey",
        );
    }
}
