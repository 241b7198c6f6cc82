/**
 * The offline page's entry point (dist/web/index.html): no office.js, no server, no network. It runs
 * from file:// as well as from any web server; everything happens in this browser tab.
 */
import "./polyfills"; // first: before any package module runs
import { OfflinePage } from "./page";

const root = document.getElementById("app");
if (root) new OfflinePage(root).start();
