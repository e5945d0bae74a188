import { AdminApiKey } from "pulumi-openai-admin";

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Keeps one admin API key for a deploy and rotates it by generation: changing `generation`
 * renames the key, which replaces it; the engine creates the new key before it deletes the
 * old one, so the stack is never without a key.
 *
 * @param generation a label for this key's generation, e.g. `2026-11`
 * @param lifetimeDays how long each generation lives
 * @returns the stack outputs: the key's id, name, expiry and (secret) value
 */
export function rotatingDeployKey(generation: string, lifetimeDays: number) {
    const key = new AdminApiKey("deploy-key", { name: `deploy ${generation}`, expiresInSeconds: lifetimeDays * DAY_SECONDS });
    return { keyId: key.id, keyName: key.name, expiresAt: key.expiresAt, value: key.value };
}
