/**
 * The production task pane (dist/taskpane.html, built by webpack in production mode) in headless
 * Chromium, with Microsoft's office.js replaced by the Office.js simulator: the page's request for
 * the CDN script is answered with the simulator bundle, so the page, its CSP and its bundle are
 * exactly what ships. The workbook is seeded per page; `window.kaoheSim` is the user's hands.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { buildSync } from "esbuild";
import type { Server } from "http";
import type { Browser, Page } from "playwright-core";
import { launch } from "./browser";
import { serve } from "./static-server";
import type { ModelSnapshot, SimOptions, SimSeed } from "../sim/office";

export const ROOT = path.resolve(__dirname, "../..");
export const SHOTS = path.join(ROOT, "test-artifacts/screenshots");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The simulator as one browser script (what office.js would define). */
function simBundle(): string {
  const out = buildSync({ entryPoints: [path.join(ROOT, "test/sim/office/browser-entry.ts")], bundle: true, write: false, format: "iife", target: "es2019", logLevel: "silent" });
  return out.outputFiles[0]?.text ?? "";
}

export interface PaneSite {
  browser: Browser;
  server: Server;
  url: string;
  sim: string;
  close(): Promise<void>;
}

/** Build the production bundle into its own folder (one per test file), serve it, start Chromium. */
export async function startSite(name: string): Promise<PaneSite> {
  const out = path.join(ROOT, "test-artifacts", `e2e-${name}`);
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--config-name", "office", "--mode", "production", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
  const { url, server } = await serve(out);
  const browser = await launch();
  return {
    browser, server, url, sim: simBundle(),
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

declare global {
  interface Window {
    kaoheSimSeed?: SimSeed;
    kaoheSimOptions?: SimOptions;
    kaoheSim?: {
      model(): ModelSnapshot;
      editCell(sheet: string, address: string, input: string | number | boolean): void;
      renameSheet(from: string, to: string): void;
      insertColumns(sheet: string, columns: string): void;
      addConditionalFormat(sheet: string, address: string, formula: string, fill?: string): void;
      select(sheet: string, address: string): Promise<void>;
      activate(sheet: string): Promise<void>;
      protectStructure(): void;
      protectSheet(sheet: string): void;
      unprotectSheet(sheet: string): void;
    };
    kaoheXss?: number;
  }
}

/** A page of the built pane over a seeded workbook; page errors and dialogs are collected. */
export async function openPane(site: PaneSite, seed: SimSeed, options: SimOptions = {}, viewport = { width: 340, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await site.browser.newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: site.sim }));
  await page.addInitScript(([s, o]) => {
    window.kaoheSimSeed = s;
    window.kaoheSimOptions = o;
  }, [seed, options] as const);
  await page.goto(`${site.url}taskpane.html`);
  return { page, errors };
}

export const model = (page: Page) => page.evaluate(() => window.kaoheSim?.model() as ModelSnapshot);
