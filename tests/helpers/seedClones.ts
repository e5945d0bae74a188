import { AnyDeclaration } from "../../provider/api/declaration";

/**
 * A copy of a seeded wire object under another own id, written to the field the declaration
 * reads its id from (`id` for most, `group_id` for a project's group access).
 *
 * @param declaration the resource
 * @param seed a wire object the emulator holds
 * @param id the new own id
 * @returns the copy
 */
export function cloneWithId(declaration: AnyDeclaration, seed: Record<string, unknown>, id: string): Record<string, unknown> {
    const publicId = (declaration.toPublic(declaration.wire().parse(seed)) as { id: string }).id;
    const field = Object.keys(seed).find((name) => seed[name] === publicId) ?? "id";
    return { ...structuredClone(seed), [field]: id };
}
