import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "fs";
import * as path from "path";
import { checkManifest, compareVersions, type CheckOptions } from "../../tools/manifest-checks";
import { tempDir } from "../helpers/files";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://localhost:3000/";
const opts: CheckOptions = { root: ROOT, baseUrl: BASE, packageVersion: "0.1.0.0" };
const messages = (xml: string, o = opts) => checkManifest(xml, o).map((f) => `${f.element}: ${f.message}`);

describe("manifest checks", () => {
  it("accept the project's manifest", () => {
    expect(messages(SOURCE)).toEqual([]);
  });

  it("name every http URL", () => {
    const xml = SOURCE.replace('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://intranet/kaohe/taskpane.html"/>');
    expect(messages(xml)).toContain("SourceLocation: http://intranet/kaohe/taskpane.html must use https");
  });

  it("check that icons exist with the declared pixel size", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "assets"));
    for (const s of [16, 32, 64, 80]) copyFileSync(path.join(ROOT, `assets/icon-${s}.png`), path.join(dir, `assets/icon-${s}.png`));
    copyFileSync(path.join(ROOT, "assets/icon-16.png"), path.join(dir, "assets/icon-32.png")); // wrong size
    const found = messages(SOURCE, { ...opts, root: dir });
    expect(found).toContain("IconUrl: https://localhost:3000/assets/icon-32.png is 16×16; it must be 32×32");
    expect(found).toContain("bt:Image Icon.32: https://localhost:3000/assets/icon-32.png is 16×16; it must be 32×32");
    const missing = messages(SOURCE.replace(/icon-80\.png/g, "icon-81.png"));
    expect(missing.some((m) => m.startsWith("bt:Image Icon.80: https://localhost:3000/assets/icon-81.png: no file"))).toBe(true);
  });

  it("require a fresh GUID and a version that matches package.json and rises with each release", () => {
    expect(messages(SOURCE.replace(/<Id>[^<]+<\/Id>/, "<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>"))[0]).toMatch(/^Id: still the template's GUID/);
    expect(messages(SOURCE.replace(/<Id>[^<]+<\/Id>/, "<Id>kaohe</Id>"))[0]).toMatch(/^Id: "kaohe" is not a GUID/);
    expect(messages(SOURCE.replace(/<Version>[^<]+<\/Version>/, "<Version>1.2.3.4.5</Version>"))).toContain('Version: "1.2.3.4.5" must be 1 to 4 numbers separated by dots (e.g. 1.2.0.0)');
    expect(messages(SOURCE, { ...opts, packageVersion: "0.2.0.0" })).toContain('Version: 0.1.0.0 differs from package.json 0.2.0.0; run "npm version" (it updates both)');
    expect(messages(SOURCE, { ...opts, lastRelease: "0.1.0.0" })).toContain('Version: 0.1.0.0 is not above the last release 0.1.0.0; bump it with "npm version patch|minor|major"');
    expect(compareVersions("1.10.0", "1.9.9.9")).toBeGreaterThan(0);
  });

  it("require zh-CN by default with en-US overrides, within the length limits", () => {
    expect(messages(SOURCE.replace("<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"))).toContain('DefaultLocale: must be zh-CN (is "en-US")');
    expect(messages(SOURCE.replace('<Override Locale="en-US" Value="Kaohe scoring"/>', ""))).toContain('DisplayName: needs an <Override Locale="en-US" Value="…"/>');
    const long = "很".repeat(251);
    expect(messages(SOURCE.replace(/<Description DefaultValue="[^"]+">/, `<Description DefaultValue="${long}">`))).toContain("Description: DefaultValue is 251 characters; at most 250");
    expect(messages(SOURCE.replace('<bt:Override Locale="en-US" Value="Score"/>', ""))).toContain('bt:String Button.Label: needs an <Override Locale="en-US" Value="…"/>');
  });

  it("require the ExcelApi requirement set", () => {
    expect(messages(SOURCE.replace('<Set Name="ExcelApi" MinVersion="1.14"/>', ""))).toContain('Requirements/Sets/Set: declare the minimum ExcelApi: <Set Name="ExcelApi" MinVersion="1.14"/>');
  });

  it("report XML that is not well-formed", () => {
    const file = path.join(tempDir(), "m.xml");
    writeFileSync(file, "<OfficeApp><Id>");
    expect(messages(readFileSync(file, "utf8"))[0]).toMatch(/^\(document\)|^Id/);
  });
});
