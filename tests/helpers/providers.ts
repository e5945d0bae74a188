import type * as pulumi from "@pulumi/pulumi";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module's whole export is the provider (`export =`)
import provider = require("../../provider/pulumi/dynamicProvider");

/** The one provider object every resource names in `__provider`. */
export const dynamicProvider: pulumi.dynamic.ResourceProvider = provider;

const MARKS = ["__type", "__get"];

function withoutMarks<T>(props: T): T {
    if (props === undefined || props === null) {
        return props;
    }
    return Object.fromEntries(Object.entries(props as Record<string, unknown>).filter(([name]) => !MARKS.includes(name))) as T;
}

/**
 * The provider as the engine calls it for one resource type: every call carries the
 * resource's `__type` (and, for `X.get`, `__get`), as the props the engine passes do. Results
 * come back without those marks, so that specs compare only the resource's own outputs.
 *
 * @param inner the provider (loaded back from its serialized text, as the engine does)
 * @param type the declaration's type name, e.g. `AdminApiKey`
 * @param mode `get` for `X.get` resources, `managed` for `new X(...)`
 */
export function asResource(
    inner: pulumi.dynamic.ResourceProvider,
    type: string,
    mode: "get" | "managed",
): Required<pulumi.dynamic.ResourceProvider> {
    const mark = (props: object | undefined = {}) => ({ ...props, __type: type, ...(mode === "get" ? { __get: true } : {}) });
    return {
        configure: (req) => inner.configure!(req),
        check: async (olds, news) => {
            const result = await inner.check!(olds, mark(news));
            return { ...result, inputs: withoutMarks(result.inputs) };
        },
        create: async (inputs) => {
            const result = await inner.create(mark(inputs));
            return { ...result, outs: withoutMarks(result.outs) };
        },
        read: async (id, props) => {
            const result = await inner.read!(id, mark(props));
            return result.props === undefined ? result : { ...result, props: withoutMarks(result.props) };
        },
        diff: (id, olds, news) => inner.diff!(id, mark(olds), mark(news)),
        update: async (id, olds, news) => {
            const result = await inner.update!(id, mark(olds), mark(news));
            return { ...result, outs: withoutMarks(result.outs) };
        },
        delete: (id, props) => inner.delete!(id, mark(props)),
    };
}
