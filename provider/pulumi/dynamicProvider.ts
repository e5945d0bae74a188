// The provider object every resource of this package names in its `__provider` property.
// It is this module's whole export, so that for a user who installed the package the engine
// stores only `require("pulumi-openai-admin/dist/provider/pulumi/dynamicProvider.js")`: a few
// hundred bytes per resource, however many resource types the package grows. (Pulumi's
// closure serializer writes a module it finds in `node_modules` as a require of that module.)
import { DeclaredResourceProvider } from "./resourceProvider";

const provider = new DeclaredResourceProvider();
export = provider;
