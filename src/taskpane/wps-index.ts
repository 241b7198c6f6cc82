/**
 * The task pane's entry point in WPS 表格 (a WPS加载项 page, opened by the ribbon's 考核评分 button).
 * WPS gives its add-in pages the object model as `window.Application` (also `window.wps`); the same
 * Pane as in Excel runs over the WPS host. Opened anywhere else, the pane says where it runs.
 */
import { WpsHost } from "../adapters/wps/wps-host";
import type { WpsApplication } from "../adapters/wps/wps-types";
import { catalog, pickLocale } from "../i18n";
import { useFluent } from "./fluent";
import { Pane } from "./pane";
import { needsExcel } from "./view";

/** WPS 表格's object model, if this page runs inside it (WPS 文字 and 演示 have no ActiveWorkbook). */
function etApplication(): WpsApplication | null {
  const w = window as unknown as { Application?: unknown; wps?: unknown };
  const app = w.Application ?? w.wps;
  if (typeof app !== "object" || app === null) return null;
  return "ActiveWorkbook" in app && "ApiEvent" in app ? (app as WpsApplication) : null;
}

async function boot(): Promise<void> {
  useFluent();
  const root = document.getElementById("app");
  if (!root) return;
  const app = etApplication();
  const c = catalog(pickLocale(navigator.language));
  if (!app) return void root.replaceChildren(needsExcel(c, c.ui.needsWps));
  await new Pane(root, new WpsHost(app, () => navigator.language || "zh-CN")).start();
}

void boot();
