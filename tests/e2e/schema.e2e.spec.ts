import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { packageSchema } from "../../provider/api/schema";

// `pulumi schema check` validates a package schema against Pulumi's metaschema and the rules
// of its code generators: if it accepts what the declarations describe, a provider plugin
// for every Pulumi language could be generated from them.
describe("the package schema generated from the declarations", () => {
    let dir: string;
    before(async () => {
        dir = await mkdtemp(path.join(os.tmpdir(), "schema-"));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    const check = async (schema: object) => {
        const file = path.join(dir, `schema-${Math.random().toString(36).slice(2)}.json`);
        await writeFile(file, JSON.stringify(schema));
        return promisify(execFile)("pulumi", ["schema", "check", file, "--color", "never"], {
            env: { ...process.env, PULUMI_HOME: path.join(dir, "home"), PULUMI_SKIP_UPDATE_CHECK: "true" },
        }).then(
            () => "",
            (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
        );
    };

    it("is accepted by pulumi schema check", async () => {
        assert.equal(await check(packageSchema()), "");
    });

    it("is refused by pulumi schema check once broken, so the check above can fail", async () => {
        const schema = packageSchema();
        const broken = {
            ...schema,
            functions: {
                ...schema.functions,
                "openai:index:getNothing": {
                    description: "",
                    inputs: { properties: {}, required: [] },
                    outputs: { properties: { x: { $ref: "#/types/openai:index:Nope" } }, required: [] },
                },
            },
        };
        assert.match(await check(broken), /type openai:index:Nope not found in package openai/);
    });
});
