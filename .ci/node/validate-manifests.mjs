// Validates every object of rendered Kubernetes manifests (multi-document YAML on stdin) against the
// Kubernetes API schemas (kubernetes-models) and KEDA's CRD schemas (@kubernetes-models/keda). An object
// of a kind neither knows is an error: nothing goes unchecked.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const source = process.argv[2] ?? "stdin";
const documents = yaml.loadAll(readFileSync(0, "utf8")).filter((doc) => doc != null);

/** The module that holds the model class of an apiVersion: core/v1 has no group. */
function modelModule(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "keda.sh") {
    return `@kubernetes-models/keda/keda.sh/${version}`;
  }
  return group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
}

let failures = 0;
for (const doc of documents) {
  const name = `${doc.kind}/${doc.metadata?.name} (${doc.apiVersion})`;
  try {
    const Model = (await import(modelModule(doc.apiVersion)))[doc.kind];
    if (typeof Model !== "function") {
      throw new Error(`no schema for kind ${doc.kind}`);
    }
    new Model(doc).validate();
    console.log(`  valid: ${name}`);
  } catch (error) {
    failures++;
    console.error(`  INVALID: ${name}: ${error.message}`);
  }
}
if (documents.length === 0) {
  console.error(`no objects rendered from ${source}`);
  process.exit(1);
}
if (failures > 0) {
  console.error(`${failures} of ${documents.length} objects from ${source} are invalid`);
  process.exit(1);
}
console.log(`${documents.length} objects from ${source} are valid`);
