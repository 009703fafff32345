// The site's search worker, run in Node against a built site: the very script the browser runs
// (assets/javascripts/workers/dossier-search.js), with `fetch` and `importScripts` reading the site's
// files. tests/test_search.py drives it:
//
//   node search_harness.cjs SITE_DIR < {"queries": [...], "shown": 10}   -> one JSON object per query
//   node search_harness.cjs SITE_DIR --stem < {"en": [words], "de": [...]} -> {"en": [stems], ...}
//
// A query's line holds what the worker would hand Material (`items`), how many pages matched,
// whatever it logged (`warnings`) and, if it threw, the error: the worker must never throw.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = path.resolve(process.argv[2]);
const ORIGIN = "http://site.test/big-tech-in-health/";

function file(url) {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(new URL(ORIGIN).pathname)) return null;
  const target = path.join(site, decodeURIComponent(pathname.slice(new URL(ORIGIN).pathname.length)));
  return target.startsWith(site) && fs.existsSync(target) && fs.statSync(target).isFile() ? target : null;
}

globalThis.self = globalThis;
globalThis.location = new URL("assets/javascripts/workers/dossier-search.js", ORIGIN);
globalThis.addEventListener = () => {};
globalThis.postMessage = () => {};
globalThis.importScripts = (...urls) => {
  for (const url of urls) {
    const target = file(new URL(url, globalThis.location));
    if (!target) throw new Error(`importScripts: no such file ${url}`);
    vm.runInThisContext(fs.readFileSync(target, "utf8"), { filename: target });
  }
};
const requested = [];
globalThis.fetch = async url => {
  const target = file(String(url));
  requested.push(String(url));
  if (!target) return { ok: false, status: 404 };
  const bytes = fs.readFileSync(target);
  return {
    ok: true,
    status: 200,
    json: async () => JSON.parse(bytes.toString("utf8")),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  };
};
const warnings = [];
console.warn = (...args) => warnings.push(args.map(a => (a && a.stack) || String(a)).join(" "));
console.error = console.warn;

const worker = path.join(site, "assets/javascripts/workers/dossier-search.js");
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker });

async function main() {
  const input = JSON.parse(fs.readFileSync(0, "utf8"));
  await self.dossierSearch.ready();
  if (process.argv.includes("--stem")) {
    const out = {};
    for (const [language, words] of Object.entries(input)) {
      const stem = language === "en" ? self.lunr.stemmer : self.lunr[language].stemmer;
      out[language] = words.map(word => String(stem(word)));
    }
    process.stdout.write(JSON.stringify(out) + "\n");
    return;
  }
  const shown = input.shown || 10;
  for (const query of input.queries) {
    warnings.length = 0;
    requested.length = 0;
    const line = { query };
    try {
      const { ranked, groups } = await self.dossierSearch.rank(query);
      const items = await self.dossierSearch.items(ranked, groups, shown);
      Object.assign(line, {
        matched: ranked.length,
        tiers: ranked.slice(0, shown).map(r => r.tier),
        items: items.map(item => ({ location: item.location, title: item.title, text: item.text,
                                    score: item.score, terms: item.terms })),
        requests: requested.length,
      });
    } catch (err) {
      line.error = String((err && err.stack) || err);
    }
    line.warnings = [...warnings];
    process.stdout.write(JSON.stringify(line) + "\n");
  }
}

main().catch(err => {
  process.stdout.write(JSON.stringify({ fatal: String((err && err.stack) || err), warnings }) + "\n");
  process.exit(1);
});
