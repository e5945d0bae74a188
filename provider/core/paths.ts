import { Attempt } from "./errors";
import { encodePathSegment } from "./validation";

/**
 * A URL path below the API root with named parameters, declared once per endpoint:
 * `path\`/organization/projects/${"project_id"}\``. It gives the route (the template the
 * rate limiter and error messages use) and, with {@link fillPath}, the URL with every
 * segment checked and percent-encoded.
 */
export interface PathTemplate {
    /** The path with `{name}` placeholders, e.g. `/organization/projects/{project_id}`. */
    readonly route: string;
    /** The parameter names, in the order they appear. */
    readonly params: readonly string[];
    /** The literal parts around the parameters (one more than `params`). */
    readonly parts: readonly string[];
}

/**
 * Declares a path template; the interpolated values are parameter names, not values.
 *
 * @example
 * const item = path`/organization/projects/${"project_id"}/users/${"user_id"}`;
 * item.route; // "/organization/projects/{project_id}/users/{user_id}"
 */
export function path(strings: TemplateStringsArray, ...params: string[]): PathTemplate {
    const parts = [...strings];
    const route = parts.reduce((text, part, index) => text + part + (index < params.length ? `{${params[index]}}` : ""), "");
    return { route, params, parts };
}

/**
 * A template that adds a literal suffix to another, e.g. the `/archive` action of an item.
 *
 * @param template the base template
 * @param suffix literal text to append, starting with `/`
 * @returns the longer template
 */
export function withSuffix(template: PathTemplate, suffix: string): PathTemplate {
    const parts = [...template.parts];
    parts[parts.length - 1] = `${parts[parts.length - 1] ?? ""}${suffix}`;
    return { route: `${template.route}${suffix}`, params: template.params, parts };
}

/**
 * The template of the collection an item path belongs to: the item path without its last
 * parameter (`/organization/projects/{project_id}` gives `/organization/projects`).
 *
 * @param item an item template ending in a parameter
 * @returns the collection template
 */
export function collectionOf(item: PathTemplate): PathTemplate {
    const params = item.params.slice(0, -1);
    const parts = item.parts.slice(0, -1);
    parts[parts.length - 1] = (parts[parts.length - 1] ?? "").replace(/\/$/, "");
    return { route: item.route.replace(/\/\{[^}]+\}$/, ""), params, parts };
}

/**
 * `project_id` becomes `projectId`, `max_requests_per_1_minute` `maxRequestsPer1Minute`: the
 * one rule for turning a wire name into the name it has in arguments, outputs and messages.
 */
export function propertyNameOf(wireName: string): string {
    return wireName.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Fills a template with values, each checked as one path segment and percent-encoded.
 * Throws before anything is sent when a value is not usable, naming its argument.
 *
 * @param attempt what the caller is about to do, for the error message
 * @param template the path template
 * @param values a value for each parameter, in order
 * @param names the argument name of each parameter, for messages (default: camelCase of the parameter)
 * @returns the path, ready to send
 * @throws {InvalidInputError} naming the argument (e.g. `projectId`) and the reason
 */
export function fillPath(attempt: Attempt, template: PathTemplate, values: readonly unknown[], names?: readonly string[]): string {
    let text = template.parts[0] ?? "";
    template.params.forEach((param, index) => {
        const name = names?.[index] ?? propertyNameOf(param);
        text += encodePathSegment(attempt, name, values[index]) + (template.parts[index + 1] ?? "");
    });
    return text;
}
