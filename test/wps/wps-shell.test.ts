/**
 * The files that make the WPS加载项: ribbon.xml names callbacks the ribbon page defines, the button
 * opens and toggles the task pane, manifest/jsplugins/publish are well-formed and point at the built
 * folder, and the build config puts the add-in (without office.js) in <outDir>/wps/.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "../..");
const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

describe("WPS add-in shell", () => {
  it("ribbon.xml: customUI 2006, a 考核评分 button whose callbacks the ribbon page defines", () => {
    const xml = read("wps/ribbon.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const ui = parser.parse(xml).customUI;
    expect(ui.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    const button = ui.ribbon.tabs.tab.group.button;
    expect([button.id, button.label]).toEqual(["kaoheOpen", "考核评分"]);

    const created: { url: string; title?: string; pane: { ID: number; Visible: boolean } }[] = [];
    const storage = new Map<string, unknown>();
    const app = {
      CreateTaskPane(url: string, title?: string) {
        const pane = { ID: created.length + 7, Visible: false };
        created.push({ url, ...(title && { title }), pane });
        return pane;
      },
      GetTaskPane: (id: number) => created.find((c) => c.pane.ID === id)?.pane,
      PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => void storage.set(k, v) },
    };
    const win: Record<string, unknown> = { Application: app, location: { href: "http://intranet.example/kaohe/wps/index.html" } };
    (globalThis as { window?: unknown }).window = win;
    try {
      jest.isolateModules(() => require("../../src/commands/wps-ribbon"));
      for (const callback of [ui.onLoad, button.onAction, button.getImage]) expect(typeof win[callback]).toBe("function");
      const click = () => (win[button.onAction] as (c: { Id: string }) => boolean)({ Id: button.id });
      click();
      expect(created.map((c) => [c.url, c.pane.Visible])).toEqual([["http://intranet.example/kaohe/wps/taskpane.html", true]]);
      click();
      click();
      click();
      expect(created.map((c) => c.pane.Visible)).toEqual([false]);
      expect((win[button.getImage] as () => string)()).toBe("assets/icon-32.png");
      expect(readFileSync(path.join(ROOT, "assets/icon-32.png")).length).toBeGreaterThan(0);
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });

  it("manifest.xml, jsplugins.xml and publish.xml are well-formed and name the et add-in", () => {
    expect(parser.parse(read("wps/manifest.xml")).JsPlugin).toMatchObject({ ApiVersion: "1.0.0", Name: "kaohe" });
    for (const f of ["wps/jsplugins.xml", "wps/publish.xml"]) {
      const xml = read(f);
      expect([f, XMLValidator.validate(xml)]).toEqual([f, true]);
      expect(parser.parse(xml).jsplugins.jspluginonline).toEqual({ name: "kaohe", type: "et", url: "https://localhost:3000/wps/" });
    }
  });

  it("builds the add-in into <outDir>/wps/ without office.js, its lists pointing at the production URL", () => {
    const config = require("../../wps/webpack.wps")({ urlProd: "https://kaohe.example/addin/", outDir: "/tmp/out" }, { mode: "production" });
    expect(config.output.path).toBe(path.resolve("/tmp/out/wps"));
    expect(Object.keys(config.entry)).toEqual(["taskpane", "ribbon"]);
    const copy = config.plugins.find((p: object) => "patterns" in p);
    const list = copy.patterns.find((p: { from: string }) => p.from === "wps/jsplugins.xml");
    expect(list.transform(Buffer.from(read("wps/jsplugins.xml")))).toContain('url="https://kaohe.example/addin/wps/"');
    expect(() => require("../../wps/webpack.wps")({ wpsUrl: "ftp://x/" }, {})).toThrow(/wpsUrl/);
    // The pane's page is the Excel pane's template, given no office.js and a policy allowing nothing from the network.
    const pane = config.plugins.find((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename === "taskpane.html");
    expect(pane.userOptions.templateParameters.officeScript).toBe("");
    expect(JSON.stringify(pane.userOptions.templateParameters)).not.toMatch(/office\.js|appsforoffice|https:/);
  });
});
