/** The community-2009 sheet both Excel adapter suites start from: a title, a note, three units, a 合计 row. */
import { columnLetter } from "../../src/core/grid";
import { COMMUNITY_HEADERS, communityRow } from "../helpers/community";
import type { SeedCell, SimSeed } from "../sim/office";

/** Columns of the community-2009 table. */
export const N = COMMUNITY_HEADERS.length;
/** Kaohe's output columns start right after the table: OUT(0) is AH. */
export const OUT = (i: number) => columnLetter(N + i);

export function communitySeed(extra: Partial<SimSeed> = {}, units: SeedCell[][] = []): SimSeed {
  const rows: SeedCell[][] = [
    ["2009年社区考核表"],
    ["说明：比率为%"],
    [...COMMUNITY_HEADERS],
    communityRow("阳光社区", { "计划生育率(%)": 85.5 }),
    communityRow("城东社区"),
    communityRow("城西社区", { "群众满意率(%)": "abc" }),
    ...units,
    ["合计"],
  ];
  return { sheets: [{ name: "考核", rows, merges: ["A1:F1", "A2:F2"] }, { name: "其他", rows: [["别动我", 1]] }], ...extra };
}
