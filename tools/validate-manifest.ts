/**
 * npm run validate — checks manifest.xml and, when built, dist/manifest.xml: the XML schema (xmllint
 * with ../shared/office-manifest-xsd when present) and the project's own rules (tools/manifest-checks).
 * Microsoft's online validator runs only with --online and a network; otherwise this says it did not.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { checkManifest, compareVersions } from "./manifest-checks";

const ROOT = path.resolve(__dirname, "..");
const XSD = path.resolve(ROOT, "../shared/office-manifest-xsd/OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";

function lastRelease(): string | undefined {
  try {
    const tags = execFileSync("git", ["tag", "--list", "v*"], { cwd: ROOT, encoding: "utf8" }).split("\n").map((t) => t.trim().replace(/^v/, "")).filter((t) => /^\d+(\.\d+)*$/.test(t));
    const atHead = execFileSync("git", ["tag", "--points-at", "HEAD"], { cwd: ROOT, encoding: "utf8" });
    const sorted = tags.sort(compareVersions);
    // A release commit carries its own tag: compare with the one before it.
    return atHead.trim() ? sorted[sorted.length - 2] : sorted[sorted.length - 1];
  } catch {
    return undefined;
  }
}

function schema(file: string): string[] {
  if (!existsSync(XSD)) return [`schema: skipped, ${path.relative(ROOT, XSD)} not found`];
  const r = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
  if (r.error) return ["schema: skipped, xmllint is not installed (apt-get install libxml2-utils)"];
  if (r.status === 0) return [];
  throw new Error(r.stderr.trim().split("\n").filter((l) => !l.endsWith("fails to validate")).map((l) => `schema: ${l.replace(/^.*?:(\d+):/, "line $1:")}`).join("\n"));
}

function baseUrlOf(xml: string): string {
  const src = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1] ?? DEV_URL;
  return src.slice(0, src.lastIndexOf("/") + 1);
}

function main(): number {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  // Manifests named on the command line, or the source one and the built one when there is a build.
  const named = process.argv.slice(2).filter((a) => !a.startsWith("--")).map((a) => path.resolve(a));
  const targets = named.length ? named : [path.join(ROOT, "manifest.xml"), path.join(ROOT, "dist/manifest.xml")].filter(existsSync);
  let failed = 0;
  for (const file of targets) {
    const xml = readFileSync(file, "utf8");
    const rel = path.relative(ROOT, file);
    const notes: string[] = [];
    const problems: string[] = [];
    try {
      notes.push(...schema(file));
    } catch (e) {
      problems.push(String((e as Error).message));
    }
    const built = rel.startsWith("dist");
    for (const f of checkManifest(xml, { root: path.dirname(file), baseUrl: baseUrlOf(xml), packageVersion: `${pkg.version}.0`, ...(lastRelease() !== undefined && { lastRelease: `${lastRelease()}.0` }) })) {
      problems.push(`${f.element}: ${f.message}`);
    }
    if (built && xml.includes("localhost")) problems.push("built manifest still points at localhost: build with --env urlProd=https://your-host/path/");
    for (const n of notes) console.log(`${rel}: ${n}`);
    if (problems.length) {
      failed++;
      for (const p of problems) console.error(`${rel}: ${p}`);
    } else console.log(`${rel}: valid`);
  }
  if (process.argv.includes("--online")) {
    const r = spawnSync("npx", ["--no-install", "office-addin-manifest", "validate", targets[0] ?? "manifest.xml"], { encoding: "utf8", timeout: 60_000 });
    console.log(r.status === 0 ? r.stdout : `Microsoft's online validator could not run here (no network to Microsoft's service): ${(r.stderr || r.stdout).trim().split("\n").pop()}`);
  } else {
    console.log("Microsoft's online validator: not run (it needs a network to Microsoft; add --online where there is one).");
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
