/** Test page only: the WPS task pane's real entry over the simulated WPS (install-sim.ts runs first). */
import "./install-sim";
import "../../../src/taskpane/wps-index";
