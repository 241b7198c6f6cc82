/**
 * npm run audit — no high or critical advisory in what ships (production dependencies). When the
 * registry's audit service cannot be reached, say so plainly and do not pretend it passed.
 */
import { spawnSync } from "child_process";

const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string } } = {};
try {
  report = JSON.parse(r.stdout || "{}");
} catch {
  /* not JSON: handled below */
}
const v = report.metadata?.vulnerabilities;
if (!v) {
  const lines = `${r.stderr}\n${report.error?.summary ?? ""}`.split("\n").map((l) => l.replace(/^npm (warn|error)\s*/, "").trim());
  const why = lines.find((l) => /\b\d{3}\b/.test(l)) ?? lines.find((l) => l.length > 0) ?? "no answer";
  console.log(`npm audit: NOT CHECKED — the registry's audit service is unreachable from here (${why.trim()}). Run it where it is.`);
  process.exitCode = process.argv.includes("--require") ? 1 : 0;
} else {
  console.log(`npm audit (production dependencies): critical ${v.critical ?? 0}, high ${v.high ?? 0}, moderate ${v.moderate ?? 0}, low ${v.low ?? 0}`);
  process.exitCode = (v.critical ?? 0) + (v.high ?? 0) > 0 ? 1 : 0;
}
