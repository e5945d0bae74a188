import { AnyDeclaration, AnyReportDeclaration } from "./declaration";
import { auditLogsReport } from "./organization/auditLogs";
import { costsReport } from "./organization/costs";
import { usageReports } from "./organization/usage";
import { adminApiKeys } from "./organization/adminApiKeys";
import { projects } from "./organization/projects";
import { projectServiceAccounts } from "./organization/projects/serviceAccounts";
import { projectUsers } from "./organization/projects/users";
import { projectApiKeys } from "./organization/projects/apiKeys";
import { projectRateLimits } from "./organization/projects/rateLimits";
import { projectRoles, roles } from "./organization/roles";
import {
    groupRoleAssignments,
    projectGroupRoleAssignments,
    projectUserRoleAssignments,
    userRoleAssignments,
} from "./organization/roleAssignments";
import { organizationUsers } from "./organization/users";
import { invites } from "./organization/invites";
import { groups } from "./organization/groups";
import { groupUsers } from "./organization/groups/users";
import { projectGroups } from "./organization/projects/groups";

/** Every resource this package declares, by type name. */
export const declarations: Readonly<Record<string, AnyDeclaration>> = Object.fromEntries(
    [
        ...[adminApiKeys, projects, projectServiceAccounts, projectUsers, projectApiKeys, projectRateLimits],
        ...[organizationUsers, invites, groups, groupUsers, projectGroups],
        ...[roles, projectRoles, userRoleAssignments, groupRoleAssignments, projectUserRoleAssignments, projectGroupRoleAssignments],
    ].map((declaration) => [declaration.type, declaration]),
);

/**
 * The declaration of a type name, as the provider finds it in a resource's `__type`.
 *
 * @param type e.g. `Project`
 * @returns its declaration
 * @throws {Error} for a name this package does not declare (state written by another version)
 */
export function declarationOf(type: unknown): AnyDeclaration {
    // State written before 0.2 holds admin API keys only, without `__type`.
    const declaration = type === undefined ? adminApiKeys : typeof type === "string" ? declarations[type] : undefined;
    if (declaration === undefined) {
        throw new Error(
            `pulumi-openai-admin does not know the resource type ${JSON.stringify(type)}: is the state from a newer version of the package?`,
        );
    }
    return declaration;
}

/** Every report this package declares (usage of each kind, costs, audit logs): reports over a time range, not collections. */
export const reportDeclarations: readonly AnyReportDeclaration[] = [...Object.values(usageReports), costsReport, auditLogsReport];
