import { AnyDeclaration } from "../api/declaration";

/** The input that takes over an existing object instead of creating one. */
export const ADOPT = "adopt";
/** The input that replaces an object holding a one-time secret once it is this many days old. */
export const ROTATE_AFTER_DAYS = "rotateAfterDays";
/** Properties that are not the declaration's own inputs. */
export const INTERNAL_PROPERTIES: readonly string[] = ["__provider", "__type", "__get", ADOPT, ROTATE_AFTER_DAYS, "original"];

/**
 * How to take over an existing object instead of creating one: by its id, or by its name
 * where names are unique. The object is then managed as if the stack had created it: the
 * inputs are applied to it, and delete does to it what it does to a created one.
 */
export type Adopt = { readonly id: string; readonly byName?: never } | { readonly byName: true; readonly id?: never };

/** Whether `adopt` is usable for the declaration: one entry per problem, empty when it is. */
export function adoptionFailures(declaration: AnyDeclaration, adopt: unknown): Array<{ property: string; reason: string }> {
    if (adopt === undefined) {
        return [];
    }
    const given = adopt as { id?: unknown; byName?: unknown };
    const keys = typeof adopt === "object" && adopt !== null ? Object.keys(adopt) : [];
    const byId = keys.length === 1 && typeof given.id === "string" && given.id !== "";
    const byName = keys.length === 1 && given.byName === true;
    if (!byId && !byName) {
        return [{ property: ADOPT, reason: 'must be { id: "<existing id>" } or { byName: true }' }];
    }
    if (byName && declaration.uniqueNames !== true) {
        return [{ property: ADOPT, reason: `cannot be byName: ${declaration.plural} may share a name; adopt by id` }];
    }
    return [];
}

/** Whether `rotateAfterDays` is usable for the declaration. */
export function rotationFailures(declaration: AnyDeclaration, days: unknown): Array<{ property: string; reason: string }> {
    if (days === undefined) {
        return [];
    }
    if (declaration.managed?.rotates !== true) {
        return [{ property: ROTATE_AFTER_DAYS, reason: `does not apply: a ${declaration.noun} holds no one-time secret` }];
    }
    return typeof days === "number" && Number.isFinite(days) && days > 0
        ? []
        : [{ property: ROTATE_AFTER_DAYS, reason: "must be a number of days above 0" }];
}
