import * as pulumi from "@pulumi/pulumi";
import { Project, ProjectRateLimit, ProjectRateLimitArgs, ProjectServiceAccount, ProjectUser } from "pulumi-openai-admin";

/** The limits to set on one model of the project: any of the fields of `ProjectRateLimit`. */
export type RateLimitSetting = Omit<ProjectRateLimitArgs, "projectId" | "model"> & {
    /** The model, e.g. `gpt-4o-mini`. */
    readonly model: string;
};

/** What a new project starts with. */
export interface OnboardingSettings {
    /** The project's name. */
    readonly projectName: string;
    /** User ids of the organization members who own the project. */
    readonly ownerIds: readonly string[];
    /** Emails of the organization members who join it as members. */
    readonly memberEmails: readonly string[];
    /** The limits to set, one entry per model; the others keep the organization's. */
    readonly rateLimits: readonly RateLimitSetting[];
    /** Replace the deploy account and its key on the first `up` after this many days. */
    readonly keyRotationDays: number;
}

/**
 * Onboards a team: a new project, a `deploy-bot` service account whose one-time API key is
 * exported as a secret, its owners (by user id) and members (by email), and its rate limits.
 * `pulumi destroy` archives the project (the API cannot delete projects), deletes the
 * account and its key, removes the people from the project only, and puts the rate limits
 * back to what they were.
 *
 * @param settings the project, its people and its limits
 * @returns the stack outputs: the project, the deploy account and its secret key, the people and the limits
 */
export function onboardProject(settings: OnboardingSettings) {
    const project = new Project("project", { name: settings.projectName });
    const deployBot = new ProjectServiceAccount("deploy-bot", {
        projectId: project.id,
        name: "deploy-bot",
        role: "member",
        rotateAfterDays: settings.keyRotationDays,
    });
    const people = [
        ...settings.ownerIds.map((userId) => new ProjectUser(`owner-${userId}`, { projectId: project.id, userId, role: "owner" })),
        ...settings.memberEmails.map((email) => new ProjectUser(`member-${email}`, { projectId: project.id, email, role: "member" })),
    ];
    const limits = settings.rateLimits.map((limit) => new ProjectRateLimit(`limit-${limit.model}`, { ...limit, projectId: project.id }));
    return {
        projectId: project.id,
        projectStatus: project.status,
        serviceAccountId: deployBot.serviceAccountId,
        deployKeyId: deployBot.apiKeyId,
        // A secret output: `[secret]` when printed, encrypted in the state.
        deployKey: deployBot.apiKey,
        people: pulumi.all(people.map((person) => pulumi.all({ userId: person.userId, email: person.email, role: person.role }))),
        rateLimits: pulumi.all(
            limits.map((limit) =>
                pulumi
                    .all([limit.model, limit.maxRequestsPer1Minute, limit.maxTokensPer1Minute])
                    .apply(([model, maxRequestsPer1Minute, maxTokensPer1Minute]) => ({
                        model,
                        maxRequestsPer1Minute,
                        maxTokensPer1Minute,
                    })),
            ),
        ),
    };
}
