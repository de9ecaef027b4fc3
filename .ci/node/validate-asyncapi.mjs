// Parses and validates an AsyncAPI document with @asyncapi/parser, resolving its relative $refs (the JSON
// Schema of the input) from the local files only. Any diagnostic of severity error fails the check.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Parser, DiagnosticSeverity } from "@asyncapi/parser";

const file = resolve(process.argv[2]);
const { document, diagnostics } = await new Parser().parse(readFileSync(file, "utf8"), { source: file });
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
for (const d of diagnostics) {
  const level = d.severity === DiagnosticSeverity.Error ? "ERROR" : "note";
  console.log(`  ${level}: ${d.message} at ${d.path.join(".")}`);
}
if (errors.length > 0 || document === undefined) {
  console.error(`${file}: ${errors.length} errors`);
  process.exit(1);
}
const channels = document.channels().all().map((channel) => channel.address());
console.log(`${file} is valid AsyncAPI ${document.version()}: ${channels.join(", ")}`);
