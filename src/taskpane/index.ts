/**
 * The task pane's entry point in Excel. office.js comes from Microsoft's CDN (taskpane.html); when it
 * is unreachable or the pane is opened outside Excel, the pane says it needs Excel instead of hanging.
 */
import { ExcelHost } from "../adapters/excel/excel-host";
import { catalog, pickLocale } from "../i18n";
import { useFluent } from "./fluent";
import { Pane } from "./pane";
import { h } from "./dom";
import { needsExcel } from "./view";

const OFFICE_TIMEOUT_MS = 8000;

/** The offline page is built beside the pane (dist/web/), so it is served at web/index.html next to it. */
const offlinePage = () => new URL("web/index.html", location.href).href;

function showNeedsExcel(root: HTMLElement, reason: "noExcel" | "tooOld"): void {
  const c = catalog(pickLocale(navigator.language));
  const card = needsExcel(c, reason === "tooOld" ? c.ui.needsNewerExcel : c.ui.needsExcelDetail);
  if (reason === "tooOld") {
    const url = offlinePage();
    card.append(h("p", {}, h("a", { id: "offline-page", attrs: { href: url, target: "_blank", rel: "noopener" } }, url)));
  }
  root.replaceChildren(card);
}

async function boot(): Promise<void> {
  useFluent();
  const root = document.getElementById("app");
  if (!root) return;
  if (typeof Office === "undefined") return showNeedsExcel(root, "noExcel");
  const ready = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), OFFICE_TIMEOUT_MS)),
  ]);
  if (!ready || ready.host !== Office.HostType.Excel) return showNeedsExcel(root, "noExcel");
  if (!Office.context.requirements?.isSetSupported("ExcelApi", "1.14")) return showNeedsExcel(root, "tooOld");
  await new Pane(root, new ExcelHost()).start();
}

void boot();
