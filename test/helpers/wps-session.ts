/** The pane's session over the WPS host on the simulated object model (test/sim/wps), made inside a test. */
import { WpsHost } from "../../src/adapters/wps/wps-host";
import { PaneSession } from "../../src/app/pane-session";
import { catalog } from "../../src/i18n";
import { communitySeed } from "../contract/pane-host-contract";
import { createWpsSim } from "../sim/wps";

export const WPS_AT = "2026-11-23T12:00:00.000Z";

export function wpsSession(seed: Parameters<typeof createWpsSim>[0] = communitySeed()) {
  const t = createWpsSim(seed);
  const host = new WpsHost(t.sim.app);
  return { ...t, host, session: new PaneSession(host, catalog("zh-CN"), () => WPS_AT) };
}

/** Scores through the session; anything but a score (a refusal, a confirmation asked) fails the test. */
export async function wpsScore(s: ReturnType<typeof wpsSession>) {
  const r = await s.session.score();
  if (!r.ok || r.value.kind !== "scored") throw new Error(`not scored: ${JSON.stringify(r)}`);
  return r.value;
}
