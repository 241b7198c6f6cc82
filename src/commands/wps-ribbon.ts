/**
 * The WPS add-in's ribbon page (wps/index.html): WPS 表格 loads it when it starts and calls these
 * globals, named in wps/ribbon.xml. The 考核评分 button opens Kaohe's task pane, or hides and shows
 * it again. No workbook is touched here.
 */
import type { WpsAddonRoot } from "../adapters/wps/wps-types";

/** The pane's id, kept for this WPS session (PluginStorage is shared by the add-in's pages, never saved). */
const PANE_KEY = "kaohe.taskpane";
const BUTTON = "kaoheOpen";

interface RibbonControl {
  readonly Id: string;
}

type Ribbon = {
  OnAddinLoad: (ribbonUI: unknown) => boolean;
  OnAction: (control: RibbonControl) => boolean;
  GetImage: (control: RibbonControl) => string;
};

function application(): WpsAddonRoot | null {
  const app = (window as unknown as { Application?: unknown }).Application;
  return typeof app === "object" && app !== null && "CreateTaskPane" in app ? (app as WpsAddonRoot) : null;
}

function togglePane(app: WpsAddonRoot): void {
  const id = Number(app.PluginStorage.getItem(PANE_KEY));
  if (id) {
    const pane = app.GetTaskPane(id);
    pane.Visible = !pane.Visible;
    return;
  }
  const pane = app.CreateTaskPane(new URL("taskpane.html", window.location.href).href, "考核评分 Kaohe");
  app.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
}

const ribbon: Ribbon = {
  OnAddinLoad: () => true,
  OnAction: (control) => {
    const app = application();
    if (app && control.Id === BUTTON) togglePane(app);
    return true;
  },
  GetImage: () => "assets/icon-32.png",
};

Object.assign(window, ribbon);
