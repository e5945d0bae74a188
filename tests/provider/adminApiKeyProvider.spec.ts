import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { promisify } from "node:util";
import { toAdminApiKeyMetadata } from "../../provider/api/organization/adminApiKeys";
import { AdminApiEmulator, startEmulator } from "../helpers/emulator";
import { rejectionOf } from "../helpers/emulatorClient";
import { asResource, dynamicProvider } from "../helpers/providers";
import { configureRequest, loadProvider, serializeProvider } from "../helpers/serializedProvider";
import { DeclaredResourceProvider } from "../../provider/pulumi/resourceProvider";

const REPO_ROOT = path.resolve(__dirname, "../../..");

describe("The provider of AdminApiKey.get as the engine runs it", () => {
    let emulator: AdminApiEmulator;
    const savedEnv = { ...process.env };

    beforeEach(async () => {
        emulator = await startEmulator();
    });
    afterEach(async () => {
        process.env = { ...savedEnv };
        await emulator.close();
    });

    it("serializes without the admin key, even when the key is in this process's environment", async () => {
        process.env["OPENAI_ADMIN_KEY"] = emulator.adminKey;
        const serialized = await serializeProvider(dynamicProvider);
        console.log(`      serialized provider (by value, as in this repo): ${serialized.text.length} bytes`);
        assert.equal(serialized.containsSecrets, false);
        assert.ok(!serialized.text.includes(emulator.adminKey));
        assert.ok(!serialized.text.includes("sk-admin-emulator"));
        assert.ok(!serialized.text.includes("@pulumi/pulumi"), "provider code must not load the Pulumi SDK");
        assert.ok(serialized.text.length < 512 * 1024, `provider is ${serialized.text.length} bytes`);
    });

    it("reads a key with the admin key from stack config after being loaded back", async () => {
        const provider = asResource(loadProvider((await serializeProvider(dynamicProvider)).text), "AdminApiKey", "get");
        delete process.env["OPENAI_ADMIN_KEY"];
        await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
        const result = await provider.read("key_user_owned", {});
        const { id, ...outputs } = toAdminApiKeyMetadata(emulator.keys.get("key_user_owned")!);
        assert.deepEqual(result, { id, props: outputs });
        assert.equal(emulator.requests.length, 1, "one GET per read");
    });

    it("reads a key with the admin key from the environment after being loaded back", async () => {
        const provider = asResource(loadProvider((await serializeProvider(dynamicProvider)).text), "AdminApiKey", "get");
        process.env["OPENAI_ADMIN_KEY"] = emulator.adminKey;
        process.env["OPENAI_BASE_URL"] = emulator.baseUrl;
        await provider.configure(configureRequest({}));
        const result = await provider.read("key_service_account", {});
        assert.equal(result.id, "key_service_account");
        assert.equal(result.props?.["owner"]?.["type"], "service_account");
    });

    it("fails a read of a missing key with the key id and request id instead of returning nothing", async () => {
        const provider = asResource(loadProvider((await serializeProvider(dynamicProvider)).text), "AdminApiKey", "get");
        await provider.configure(configureRequest({ "openai:adminKey": emulator.adminKey, "openai:baseUrl": emulator.baseUrl }));
        const error = await rejectionOf(() => provider.read("key_gone", {}));
        // What the engine prints is `${error}`: it must read as the whole story.
        assert.match(
            String(error),
            /^NotFoundError: retrieve admin API key "key_gone" failed: HTTP 404: .* \[request id: req_[0-9a-f]+\]$/,
        );
        assert.ok(error.stack?.includes("key_gone"));
    });

    it("refuses to create a key declared with get", async () => {
        const error = await rejectionOf(() => asResource(new DeclaredResourceProvider(), "AdminApiKey", "get").create({}));
        assert.match(error.message, /declared with AdminApiKey\.get and can only be read/);
    });

    describe("installed as a package", () => {
        let consumer: string;
        before(async function () {
            // The state of a user who installed the package holds require() calls to it
            // rather than copies of its code; build that layout from the compiled output.
            await mkdir(path.join(REPO_ROOT, ".e2e"), { recursive: true });
            consumer = await mkdtemp(path.join(REPO_ROOT, ".e2e", "consumer-"));
            const installed = path.join(consumer, "node_modules", "pulumi-openai-admin");
            await mkdir(installed, { recursive: true });
            // Its own package.json, or Node would resolve "pulumi-openai-admin" to this repo
            // by self-reference instead of to the installed copy.
            await writeFile(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
            await cp(path.join(REPO_ROOT, "package.json"), path.join(installed, "package.json"));
            await cp(path.join(REPO_ROOT, "dist", "provider"), path.join(installed, "dist", "provider"), { recursive: true });
            await writeFile(
                path.join(consumer, "roundtrip.js"),
                [
                    'const pulumi = require("@pulumi/pulumi");',
                    'const requireFromString = require("require-from-string");',
                    'const provider = require("pulumi-openai-admin/dist/provider/pulumi/dynamicProvider.js");',
                    "(async () => {",
                    "  const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });",
                    "  const loaded = requireFromString(sf.text).handler();",
                    "  await loaded.configure({ config: { get: () => undefined, require: () => { throw new Error('unset'); } } });",
                    "  const read = await loaded.read(process.argv[2], { __type: 'AdminApiKey', __get: true });",
                    "  console.log(JSON.stringify({ text: sf.text, read }));",
                    "})().catch((e) => { console.error(e.message); process.exit(1); });",
                ].join("\n"),
            );
        });
        after(() => rm(consumer, { recursive: true, force: true }));

        it("serializes to require() calls into the package and reads through them", async () => {
            const { stdout } = await promisify(execFile)(process.execPath, ["roundtrip.js", "key_expired"], {
                cwd: consumer,
                env: { ...process.env, OPENAI_ADMIN_KEY: emulator.adminKey, OPENAI_BASE_URL: emulator.baseUrl },
            });
            const { text, read } = JSON.parse(stdout) as { text: string; read: { id: string } };
            console.log(`      serialized provider (installed package): ${text.length} bytes`);
            assert.match(text, /require\("pulumi-openai-admin\/dist\/provider\/pulumi\/dynamicProvider\.js"\)/);
            assert.ok(!text.includes(emulator.adminKey));
            assert.ok(text.length <= 1024, `provider is ${text.length} bytes, over the 1 KB target`);
            assert.equal(read.id, "key_expired");
        });

        it("names only modules that the package's exports map allows", () => {
            // The SDK maps a captured module path through the package's "exports"; an
            // unexported path would make serialization fail for every user.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const { getModuleFromPath } = require("@pulumi/pulumi/runtime/closure/package") as {
                getModuleFromPath: (modulePath: string, definition: object) => string;
            };
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const definition = require(path.join(REPO_ROOT, "package.json")) as object;
            for (const file of ["pulumi/dynamicProvider.js", "core/client.js", "core/settings.js", "core/errors.js"]) {
                const modulePath = `pulumi-openai-admin/dist/provider/${file}`;
                assert.equal(getModuleFromPath(modulePath, definition), modulePath);
            }
        });
    });
});
