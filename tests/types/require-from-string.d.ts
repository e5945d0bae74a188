declare module "require-from-string" {
    /** Compiles `code` as a CommonJS module whose requires resolve from `filename`'s folder (default: the working directory). */
    function requireFromString(code: string, filename?: string): unknown;
    export = requireFromString;
}
