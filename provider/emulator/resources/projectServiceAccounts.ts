import { randomBytes } from "node:crypto";
import { projectServiceAccounts, SERVICE_ACCOUNT_ROLES, WireProjectServiceAccount } from "../../api/organization/projects/serviceAccounts";
import { EmulatedResource, newId, Refusal } from "../emulatedResources";

const DAY = 24 * 60 * 60;

function badName(name: unknown): Refusal | undefined {
    return typeof name !== "string" || name.trim() === ""
        ? { refuse: { status: 400, message: "Missing required parameter: 'name'.", param: "name" } }
        : undefined;
}

/**
 * Project service accounts: created as `member` with a one-time API key, or with
 * `create_service_account_only` as `none` without one; the role can then be set to `member`
 * or `owner`.
 */
export const projectServiceAccountEmulation: EmulatedResource = {
    declaration: projectServiceAccounts,
    idPrefix: "svc_acct_",
    create: (body, { now }) => {
        const refused = badName(body["name"]);
        if (refused !== undefined) {
            return refused;
        }
        const only = body["create_service_account_only"];
        if (only !== undefined && only !== null && typeof only !== "boolean") {
            return {
                refuse: { status: 400, message: "create_service_account_only must be a boolean.", param: "create_service_account_only" },
            };
        }
        return {
            object: "organization.project.service_account",
            id: newId("svc_acct_"),
            name: body["name"],
            role: only === true ? "none" : "member",
            created_at: now,
        };
    },
    // The account's first key, in the answer only; an account made without a role gets none.
    createAnswer: (created) => ({
        api_key:
            created["role"] === "none"
                ? null
                : {
                      object: "organization.project.service_account.api_key",
                      value: `sk-svcacct-${randomBytes(24).toString("base64url")}`,
                      name: "Secret Key",
                      created_at: created["created_at"],
                      id: newId("key_"),
                  },
    }),
    update: (existing, body) => {
        if ("name" in body) {
            const refused = badName(body["name"]);
            if (refused !== undefined) {
                return refused;
            }
        }
        if ("role" in body && !(SERVICE_ACCOUNT_ROLES as readonly unknown[]).includes(body["role"])) {
            return { refuse: { status: 400, message: `role must be one of ${SERVICE_ACCOUNT_ROLES.join(", ")}.`, param: "role" } };
        }
        return {
            ...existing,
            ...(body["name"] === undefined ? {} : { name: body["name"] }),
            ...(body["role"] === undefined ? {} : { role: body["role"] }),
        };
    },
    // The web storefront's bots: a CI account and a deploy account that owns the project.
    seed: (now) => {
        const accounts: Array<[string, WireProjectServiceAccount]> = [
            [
                "proj_web/svc_acct_ci",
                {
                    object: "organization.project.service_account",
                    id: "svc_acct_ci",
                    name: "ci-bot",
                    role: "member",
                    created_at: now - 150 * DAY,
                },
            ],
            [
                "proj_web/svc_acct_deploy",
                {
                    object: "organization.project.service_account",
                    id: "svc_acct_deploy",
                    name: "deploy-bot",
                    role: "owner",
                    created_at: now - 120 * DAY,
                },
            ],
        ];
        return new Map(accounts);
    },
};
