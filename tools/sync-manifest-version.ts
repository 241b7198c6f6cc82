/** `npm version` hook: the manifest's <Version> follows package.json (x.y.z → x.y.z.0). */
import { readFileSync, writeFileSync } from "fs";

const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
const xml = readFileSync("manifest.xml", "utf8");
const next = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
writeFileSync("manifest.xml", next);
console.log(`manifest.xml Version ${version}.0`);
