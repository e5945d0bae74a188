import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/** The type tokens of the managed roles. */
export const ROLE_TYPES = ["pulumi-nodejs:dynamic/openai:Role", "pulumi-nodejs:dynamic/openai:ProjectRole"] as const;

/** The type tokens of the assignments that give a role to one user directly. */
export const USER_ASSIGNMENT_TYPES = [
    "pulumi-nodejs:dynamic/openai:UserRoleAssignment",
    "pulumi-nodejs:dynamic/openai:ProjectUserRoleAssignment",
] as const;

/**
 * Creates the resource policy that requires every custom role created by Pulumi to say what
 * it is for: a non-empty `description`. It runs on the inputs of `new Role` and
 * `new ProjectRole`, so a violation stops the preview before anything is sent.
 *
 * @returns the policy, mandatory by default
 *
 * @example
 * new PolicyPack("openai-access", { policies: [roleDescriptionPolicy()] });
 */
export function roleDescriptionPolicy(): ResourceValidationPolicy {
    return {
        name: "openai-role-description",
        description: "Custom OpenAI roles created by Pulumi must have a description.",
        enforcementLevel: "mandatory",
        validateResource: (args, reportViolation) => {
            // Roles read with get carry no name input; only roles being managed are held to this.
            if (!(ROLE_TYPES as readonly string[]).includes(args.type) || args.props["name"] === undefined) {
                return;
            }
            const description: unknown = args.props["description"];
            if (typeof description !== "string" || description.trim() === "") {
                reportViolation(`${args.type.split(":").at(-1)} "${args.name}" has no description; say what the role is for`);
            }
        },
    };
}

// A permission is privileged when it contains one of the configured words (default: admin).
function privilegedPermissionsOf(resource: PolicyResource, words: readonly string[]): string[] {
    const permissions: unknown = resource.props["permissions"];
    return Array.isArray(permissions)
        ? permissions.filter(
              (permission): permission is string => typeof permission === "string" && words.some((word) => permission.includes(word)),
          )
        : [];
}

/**
 * Creates the stack policy that keeps privileged roles off individual users: a role that
 * grants a privileged permission (one containing any of `privilegedWords`, default
 * `["admin"]`), or the predefined `owner` role, may be assigned to groups only. It runs on
 * the outputs of the assignments an update registers (the role's permissions are known only
 * once assigned), so a violation fails the update, naming the assignment, the user and the
 * permissions.
 *
 * @returns the policy, mandatory by default
 *
 * @example
 * new PolicyPack("openai-access", { policies: [privilegedRolesViaGroupsPolicy()] });
 */
export function privilegedRolesViaGroupsPolicy(): StackValidationPolicy {
    return {
        name: "openai-privileged-roles-via-groups",
        description: "Roles that grant admin-like permissions are assigned to groups, never to users directly.",
        enforcementLevel: "mandatory",
        configSchema: {
            properties: {
                privilegedWords: {
                    type: "array",
                    items: { type: "string", minLength: 1 },
                    default: ["admin"],
                    description: "A permission containing any of these words is privileged.",
                },
            },
        },
        validateStack: (args, reportViolation) => {
            const { privilegedWords = ["admin"] } = args.getConfig<{ privilegedWords?: string[] }>();
            for (const resource of args.resources.filter((r) => (USER_ASSIGNMENT_TYPES as readonly string[]).includes(r.type))) {
                const privileged = privilegedPermissionsOf(resource, privilegedWords);
                const owner = resource.props["predefinedRole"] === true && resource.props["name"] === "owner";
                if (privileged.length === 0 && !owner) {
                    continue;
                }
                const what = privileged.length > 0 ? `grants ${privileged.map((p) => JSON.stringify(p)).join(", ")}` : "is the owner role";
                reportViolation(
                    `${resource.type.split(":").at(-1)} "${resource.name}": role ${JSON.stringify(resource.props["name"])} ${what} ` +
                        `and is assigned to user ${String(resource.props["userId"])} directly; assign it to a group instead`,
                    resource.urn,
                );
            }
        },
    };
}
