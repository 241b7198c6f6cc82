/**
 * Test page only: puts the simulated WPS 表格 in place of the real one, as `window.Application`,
 * before the pane's WPS entry runs (imported first by harness.ts).
 */
import { communitySeed } from "../../contract/pane-host-contract";
import { createWpsSim } from "../../sim/wps";

const sim = createWpsSim(communitySeed());
Object.assign(window, { Application: sim.sim.app, kaoheWps: { read: sim.read, select: sim.user.select } });
