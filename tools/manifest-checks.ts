/**
 * Checks an Office XML manifest for what its schema cannot see: https URLs, icons present with the
 * declared pixel size, a real GUID, the version, string lengths, zh-CN default with en-US overrides,
 * the ExcelApi requirement. Each finding names the element and what to fix.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

export interface Finding {
  element: string;
  message: string;
}

type Node = Record<string, unknown>;

/** The Yo Office template's GUID: a manifest that still has it collides with every other copy. */
const TEMPLATE_GUIDS = ["05c2e1c9-3e1d-406e-9a91-e9ac64854143"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMITS = { DisplayName: 125, Description: 250, ShortString: 125, LongString: 250 };
const ICON_SIZES: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const attr = (n: unknown, name: string): string | undefined => {
  const v = (n as Node | undefined)?.[`@${name}`];
  return v === undefined ? undefined : String(v);
};

export function pngSize(file: string): { width: number; height: number } | null {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface CheckOptions {
  /** Where the manifest's files are: its URLs are resolved against `baseUrl` into this folder. */
  root: string;
  baseUrl: string;
  /** package.json version: the manifest's Version must match it. */
  packageVersion?: string;
  /** The last released version (e.g. from git tags): the manifest's Version must be above it. */
  lastRelease?: string;
}

export function checkManifest(xml: string, opts: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (element: string, message: string) => findings.push({ element, message });
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, parseTagValue: false, isArray: (name) => ["Override", "String", "Image", "Url", "Set", "AppDomain", "Host"].includes(name) });
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return [{ element: "(document)", message: `not well-formed XML: ${e instanceof Error ? e.message : String(e)}` }];
  }
  const app = doc.OfficeApp as Node | undefined;
  if (!app) return [{ element: "OfficeApp", message: "the root element must be <OfficeApp>" }];

  const id = String(app.Id ?? "");
  if (!GUID.test(id)) add("Id", `"${id}" is not a GUID; generate one (e.g. crypto.randomUUID())`);
  else if (TEMPLATE_GUIDS.includes(id.toLowerCase())) add("Id", "still the template's GUID; generate a new one so catalogs do not confuse Kaohe with other add-ins");

  const version = String(app.Version ?? "");
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) add("Version", `"${version}" must be 1 to 4 numbers separated by dots (e.g. 1.2.0.0)`);
  if (opts.packageVersion && compareVersions(version, opts.packageVersion) !== 0) {
    add("Version", `${version} differs from package.json ${opts.packageVersion}; run "npm version" (it updates both)`);
  }
  if (opts.lastRelease && compareVersions(version, opts.lastRelease) <= 0) {
    add("Version", `${version} is not above the last release ${opts.lastRelease}; bump it with "npm version patch|minor|major"`);
  }

  if (app.DefaultLocale !== "zh-CN") add("DefaultLocale", `must be zh-CN (is "${String(app.DefaultLocale ?? "")}")`);
  const localized = (element: string, node: unknown, limit: number) => {
    const value = attr(node, "DefaultValue");
    if (!value) return add(element, "needs a DefaultValue (zh-CN)");
    if ([...value].length > limit) add(element, `DefaultValue is ${[...value].length} characters; at most ${limit}`);
    const en = arr((node as Node).Override as Node[] | undefined).find((o) => attr(o, "Locale") === "en-US");
    if (!en) add(element, "needs an <Override Locale=\"en-US\" Value=\"…\"/>");
    else if ([...(attr(en, "Value") ?? "")].length > limit) add(element, `the en-US override is longer than ${limit} characters`);
  };
  localized("DisplayName", app.DisplayName, LIMITS.DisplayName);
  localized("Description", app.Description, LIMITS.Description);

  const sets = arr(((app.Requirements as Node | undefined)?.Sets as Node | undefined)?.Set as Node[] | undefined);
  const excel = sets.find((s) => attr(s, "Name") === "ExcelApi");
  if (!excel || !attr(excel, "MinVersion")) add("Requirements/Sets/Set", 'declare the minimum ExcelApi: <Set Name="ExcelApi" MinVersion="1.14"/>');

  // Every URL in the document must be https.
  for (const m of xml.matchAll(/<([\w:]+)[^>]*?(?:DefaultValue|Value)="(http[^"]*)"/g)) {
    if (!m[2]?.startsWith("https://")) add(m[1] ?? "?", `${m[2]} must use https`);
  }
  for (const d of arr(((app.AppDomains as Node | undefined)?.AppDomain as string[] | undefined))) {
    if (!String(d).startsWith("https://")) add("AppDomain", `${String(d)} must use https`);
  }

  // Icons: present and of the declared size.
  const icon = (element: string, url: string | undefined, size: number) => {
    if (!url) return add(element, "is missing");
    if (!url.startsWith(opts.baseUrl)) return add(element, `${url} is not under ${opts.baseUrl}`);
    const file = path.join(opts.root, url.slice(opts.baseUrl.length));
    if (!existsSync(file)) return add(element, `${url}: no file ${path.relative(process.cwd(), file)}`);
    const dims = pngSize(file);
    if (!dims) return add(element, `${url} is not a PNG`);
    if (dims.width !== size || dims.height !== size) add(element, `${url} is ${dims.width}×${dims.height}; it must be ${size}×${size}`);
  };
  for (const [el, size] of Object.entries(ICON_SIZES)) icon(el, attr(app[el], "DefaultValue"), size);

  const overrides = app.VersionOverrides as Node | undefined;
  if (overrides) {
    const res = overrides.Resources as Node | undefined;
    const images = arr(((res?.Images as Node | undefined)?.Image as Node[] | undefined));
    const byId = new Map(images.map((i) => [attr(i, "id") ?? "", attr(i, "DefaultValue")]));
    for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)) {
      const size = Number(m[1]);
      icon(`bt:Image ${m[2]}`, byId.get(m[2] ?? ""), size);
    }
    for (const [kind, limit] of [["ShortStrings", LIMITS.ShortString], ["LongStrings", LIMITS.LongString]] as const) {
      for (const s of arr(((res?.[kind] as Node | undefined)?.String as Node[] | undefined))) localized(`bt:String ${attr(s, "id")}`, s, limit);
    }
  }
  return findings;
}
