import * as assert from "node:assert/strict";
import { declarations, reportDeclarations } from "../../provider/api/index";
import { packageSchema } from "../../provider/api/schema";

describe("packageSchema", () => {
    const schema = packageSchema();

    it("has a resource and a get function for every declaration, and a list function where the API lists", () => {
        for (const declaration of Object.values(declarations)) {
            assert.ok(schema.resources[`openai:index:${declaration.type}`], declaration.type);
            assert.ok(schema.functions[`openai:index:get${declaration.type}`], `get${declaration.type}`);
            assert.equal(
                Boolean(schema.functions[`openai:index:get${declaration.type}s`]),
                declaration.list !== undefined,
                `get${declaration.type}s`,
            );
        }
    });

    it("has a function for every report, its results typed and its filters as inputs", () => {
        for (const report of reportDeclarations) {
            const entry = Object.entries(schema.functions).find(([, fn]) => fn.description === report.description);
            assert.ok(entry, report.name);
            const [, fn] = entry;
            for (const filter of Object.keys(report.filters)) {
                assert.ok(fn.inputs.properties[filter], `${report.name}: ${filter}`);
            }
            assert.ok(fn.inputs.properties["startTime"], report.name);
        }
        assert.equal(
            schema.functions["openai:index:getCostsReport"]?.outputs.properties["buckets"]?.items?.$ref,
            "#/types/openai:index:CostsResult",
        );
    });

    it("marks one-time secrets as secret and replacing inputs as replaceOnChanges", () => {
        assert.equal(schema.resources["openai:index:AdminApiKey"]?.properties["value"]?.secret, true);
        assert.equal(schema.resources["openai:index:ProjectServiceAccount"]?.properties["apiKey"]?.secret, true);
        assert.equal(schema.resources["openai:index:Project"]?.inputProperties["residency"]?.replaceOnChanges, true);
        assert.equal(schema.resources["openai:index:Project"]?.inputProperties["name"]?.replaceOnChanges, undefined);
        assert.deepEqual(schema.resources["openai:index:Project"]?.requiredInputs, ["name"]);
    });

    it("gives children their parent's id as a required property and types nested objects", () => {
        assert.ok(schema.resources["openai:index:ProjectUser"]?.required.includes("projectId"));
        assert.equal(schema.resources["openai:index:AdminApiKey"]?.properties["owner"]?.$ref, "#/types/openai:index:AdminApiKeyOwner");
        assert.deepEqual(Object.keys(schema.types["openai:index:AdminApiKeyOwner"]?.properties ?? {}).sort(), [
            "createdAt",
            "id",
            "name",
            "object",
            "role",
            "type",
        ]);
    });

    it("keeps the admin key a secret in the provider's configuration", () => {
        assert.equal(schema.config.variables["adminKey"]?.secret, true);
    });
});
