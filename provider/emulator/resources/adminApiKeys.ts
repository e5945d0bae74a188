import { randomBytes } from "node:crypto";
import { adminApiKeys } from "../../api/organization/adminApiKeys";
import { EmulatedResource, newId } from "../emulatedResources";

const MAX_KEY_EXPIRY_SECONDS = 31_536_000;

/** Admin API keys: created with a one-time `value`; the seeds come from `seedKeys` (see `startEmulator`). */
export const adminApiKeyEmulation: EmulatedResource = {
    declaration: adminApiKeys,
    idPrefix: "key_",
    create: (body, { now }) => {
        if (typeof body["name"] !== "string" || body["name"] === "") {
            return { refuse: { status: 400, message: "Missing required parameter: 'name'.", param: "name" } };
        }
        const expires = body["expires_in_seconds"];
        if (
            expires !== undefined &&
            (typeof expires !== "number" || !Number.isInteger(expires) || expires < 1 || expires > MAX_KEY_EXPIRY_SECONDS)
        ) {
            return {
                refuse: {
                    status: 400,
                    message: `expires_in_seconds must be an integer between 1 and ${MAX_KEY_EXPIRY_SECONDS}.`,
                    param: "expires_in_seconds",
                },
            };
        }
        return {
            object: "organization.admin_api_key",
            id: newId("key_"),
            name: body["name"],
            redacted_value: "",
            created_at: now,
            expires_at: expires === undefined ? null : now + expires,
            last_used_at: null,
            owner: {
                type: "user",
                object: "organization.user",
                id: "user_emulator",
                name: "Emulator owner",
                created_at: now,
                role: "owner",
            },
        };
    },
    createAnswer: (created) => {
        const value = `sk-admin-${randomBytes(24).toString("base64url")}`;
        created["redacted_value"] = `sk-admin...${value.slice(-3)}`;
        return { value };
    },
};
