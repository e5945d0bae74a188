import {
    GroupRoleAssignment,
    ProjectGroupRoleAssignment,
    ProjectRole,
    Role,
    getGroupRoleAssignments,
    getProjectUsers,
} from "pulumi-openai-admin";

/** Who gets what, and who must be in charge. */
export interface AccessSettings {
    /** The project whose access is given through groups only. */
    readonly projectId: string;
    /** The platform team's group: it reads usage across the organization. */
    readonly platformGroupId: string;
    /** The data team's group: it operates models in the project. */
    readonly dataGroupId: string;
    /** The project whose owners are checked. */
    readonly ownersProjectId: string;
    /** The exact owners of that project, by email or user id. */
    readonly owners: readonly string[];
}

/**
 * Access as code: the gates first (the project has no direct members, its owners are exactly
 * the people named, the data team holds no admin permission), each failure naming every
 * offending person or role and stopping `pulumi preview` and `pulumi up` before anything is
 * changed; then a custom organization role and a project role, given to groups, never to people.
 *
 * @param settings the project, the groups and the owners
 * @returns the stack outputs: the roles' ids and the assignments' ids
 */
export async function accessAsCode(settings: AccessSettings) {
    await getProjectUsers({ projectId: settings.projectId, expect: { none: true } });
    await getProjectUsers({ projectId: settings.ownersProjectId, expect: { owners: { exactly: settings.owners } } });
    await getGroupRoleAssignments({ groupId: settings.dataGroupId, expect: { withoutPermissions: ["api.organization.admin"] } });

    const auditor = new Role("usage-auditor", {
        name: "Usage Auditor",
        permissions: ["api.usage.read"],
        description: "Reads usage and costs across the organization.",
    });
    const operator = new ProjectRole("model-operator", {
        projectId: settings.projectId,
        name: "Model Operator",
        permissions: ["api.project.read", "api.model.request"],
        description: "Calls the project's models.",
    });
    const platformAudits = new GroupRoleAssignment("platform-audits", { groupId: settings.platformGroupId, roleId: auditor.id });
    const dataOperates = new ProjectGroupRoleAssignment("data-operates", {
        projectId: settings.projectId,
        groupId: settings.dataGroupId,
        roleId: operator.roleId,
    });
    return {
        auditorRoleId: auditor.id,
        operatorRoleId: operator.roleId,
        assignments: [platformAudits.id, dataOperates.id],
    };
}
