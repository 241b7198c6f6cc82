/**
 * office.js's source is a build option (`--env officeJs=global|21vianet|<https URL>`): the pane's and
 * the commands' <script> and CSP, and the nginx configuration the build writes, all follow it.
 */
import { spawnSync } from "child_process";
import { readFileSync, rmSync } from "fs";
import * as path from "path";
import { tempDir } from "../helpers/files";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { officeJs, scriptTag, withOrigin, GLOBAL_ORIGIN } = require("../../tools/office-js") as {
  officeJs(v?: string): { url: string; origin: string };
  scriptTag(s: { url: string; origin: string }): string;
  withOrigin(text: string, s: { url: string; origin: string }): string;
  GLOBAL_ORIGIN: string;
};

const ROOT = path.resolve(__dirname, "../..");
const VIANET = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

describe("--env officeJs", () => {
  it("names Microsoft's worldwide CDN by default, the 21Vianet CDN, or an https mirror", () => {
    expect(officeJs()).toEqual({ url: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", origin: GLOBAL_ORIGIN });
    expect(officeJs("global")).toEqual(officeJs());
    expect(officeJs("21vianet")).toEqual({ url: VIANET, origin: "https://appsforoffice.cdn.partner.office365.cn" });
    expect(officeJs("https://oa.example.gov.cn:8443/office/office.js?v=1&x=2")).toEqual({ url: "https://oa.example.gov.cn:8443/office/office.js?v=1&x=2", origin: "https://oa.example.gov.cn:8443" });
  });

  it("refuses http, credentials, fragments and anything that is not a URL, with the reason", () => {
    expect(() => officeJs("http://oa.example.gov.cn/office.js")).toThrow(/https/);
    expect(() => officeJs("https://u:p@oa.example.gov.cn/office.js")).toThrow(/credentials/);
    expect(() => officeJs("https://oa.example.gov.cn/office.js#x")).toThrow(/fragment/);
    expect(() => officeJs("china")).toThrow(/global, 21vianet or an https URL/);
    expect(() => officeJs("javascript:alert(1)")).toThrow(/https/);
  });

  it("writes a script tag that cannot break out of its attribute, and rewrites only the worldwide origin", () => {
    const src = officeJs('https://oa.example.gov.cn/o"ffice.js?a=<b>&c');
    expect(scriptTag(src)).toBe('<script src="https://oa.example.gov.cn/o%22ffice.js?a=%3Cb%3E&amp;c"></script>');
    expect(withOrigin("script-src 'self' https://appsforoffice.microsoft.com; connect-src https://*.microsoft.com", officeJs("21vianet")))
      .toBe("script-src 'self' https://appsforoffice.cdn.partner.office365.cn; connect-src https://*.microsoft.com");
  });

  it("builds pages and nginx configuration that follow the chosen source (21Vianet)", () => {
    const out = tempDir();
    try {
      const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--config-name", "office", "--env", "officeJs=21vianet", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8" });
      if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
      const pane = readFileSync(path.join(out, "taskpane.html"), "utf8");
      const commands = readFileSync(path.join(out, "commands.html"), "utf8");
      const nginx = readFileSync(path.join(out, "nginx-kaohe.conf"), "utf8");
      for (const html of [pane, commands]) {
        const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => /^https?:/.test(s ?? ""));
        expect(scripts).toEqual([VIANET]);
        expect(html).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
        expect(html).not.toContain("appsforoffice.microsoft.com");
      }
      expect(nginx).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
      expect(nginx).not.toContain("appsforoffice.microsoft.com");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);

  it("stops the build on a bad source", () => {
    const out = tempDir();
    try {
      const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--config-name", "office", "--env", "officeJs=http://oa.example.gov.cn/office.js", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8" });
      expect(build.status).not.toBe(0);
      expect(`${build.stdout}${build.stderr}`).toContain("--env officeJs must be an https URL");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
