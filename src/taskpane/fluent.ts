/** The few Fluent 2 web components the pane uses, registered once; the Fluent 2 web light theme. */
import "@fluentui/web-components/button/define.js";
import "@fluentui/web-components/spinner/define.js";
import { setTheme } from "@fluentui/web-components";
import { webLightTheme } from "@fluentui/tokens";

export function useFluent(): void {
  setTheme(webLightTheme);
}
