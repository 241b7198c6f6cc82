// Webpack plugin: after each build, print each page's initial JavaScript gzipped (budgets: 250 KB for
// the task pane, 350 KB for the offline page, whose bundle carries the .xlsx reader/writer) and fail when a GPL/AGPL-licensed package would be bundled into it.
const path = require("path");
const fs = require("fs");
const zlib = require("zlib");

const COPYLEFT = /(^|[^L])GPL|AGPL/i; // LGPL is allowed; GPL and AGPL are not.

function packageOf(resource) {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(resource || "");
  return m ? m[1].replace(/\\/g, "/") : null;
}

function licenseOf(root, pkg) {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8"));
    return typeof json.license === "string" ? json.license : (json.license && json.license.type) || (json.licenses || []).map((l) => l.type || l).join(" OR ") || "UNKNOWN";
  } catch {
    return "UNKNOWN";
  }
}

class BudgetPlugin {
  constructor({ budgets = { taskpane: 250 * 1024, web: 350 * 1024 }, root = process.cwd() } = {}) {
    this.budgets = budgets;
    this.root = root;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("KaoheBudget", (compilation) => {
      const out = compilation.outputOptions.path;
      for (const [name, entry] of compilation.entrypoints) {
        const files = entry.getFiles().filter((f) => f.endsWith(".js"));
        const gz = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(out, f)), { level: 9 }).length, 0);
        const budget = this.budgets[name];
        const line = `[kaohe] ${name}: initial JavaScript ${(gz / 1024).toFixed(1)} KB gzipped${budget ? ` (budget ${budget / 1024} KB)` : ""}`;
        console.log(line);
        if (budget && gz > budget) compilation.errors.push(new Error(`${line}: over budget`));

        const packages = new Set();
        for (const chunk of entry.chunks) {
          for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const inner = mod.modules || [mod]; // concatenated modules
            for (const m of inner) {
              const pkg = packageOf(m.resource);
              if (pkg) packages.add(pkg);
            }
          }
        }
        const licenses = [...packages].sort().map((p) => [p, licenseOf(this.root, p)]);
        const bad = licenses.filter(([, l]) => COPYLEFT.test(l) || l === "UNKNOWN");
        console.log(`[kaohe] ${name}: bundles ${licenses.map(([p, l]) => `${p} (${l})`).join(", ") || "no packages"}`);
        for (const [p, l] of bad) compilation.errors.push(new Error(`[kaohe] ${name} would bundle ${p} under ${l}: GPL/AGPL (or unknown) licences cannot ship in the pane`));
      }
    });
  }
}

module.exports = { BudgetPlugin, COPYLEFT, packageOf };
