// A mocha root hook (loaded by .mocharc.json): after every test, each request that reached an
// emulator must be one the official OpenAPI document describes, and each answer the emulator
// gave must parse as the document says. So no test can pass while the package sends, or the
// emulator answers, something the real API would not.
import * as assert from "node:assert/strict";
import { AdminApiEmulator, startedEmulators } from "./emulator";
import { checkRequest, checkResponse } from "./openApi";

// Seeds that break the document on purpose: the real API leaves fields out that its document
// calls required, and the package must cope (see seedKeys: key_sparse).
const DELIBERATELY_SPARSE = /\/key_sparse$|^\/v1\/organization\/admin_api_keys(\?|$)/;

/**
 * What an emulator received or answered that the OpenAPI document does not describe.
 *
 * @param emulator an emulator, running or closed
 * @returns one line per problem; empty when every request and answer conforms
 */
export function wireProblems(emulator: Pick<AdminApiEmulator, "requests">): string[] {
    const problems: string[] = [];
    for (const request of emulator.requests) {
        const where = `${request.method} ${request.path}`;
        problems.push(...checkRequest(request).map((problem) => `${where}: ${problem}`));
        if (request.answer !== undefined && !DELIBERATELY_SPARSE.test(request.path)) {
            problems.push(...checkResponse(request, request.status, request.answer).map((problem) => `${where} answer: ${problem}`));
        }
    }
    return problems;
}

export const mochaHooks = {
    afterEach(): void {
        const problems = startedEmulators.splice(0).flatMap(wireProblems);
        assert.deepEqual(problems, [], "requests or answers the OpenAPI document does not describe");
    },
};
