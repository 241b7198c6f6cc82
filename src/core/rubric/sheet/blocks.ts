/** A 评分细则 sheet cut into its blocks: each starts at a title row (【考核项目】…) and runs to the next. */
import type { SheetCells } from "./cells";
import { foldLabel } from "./cells";
import { BLOCKS, type BlockKey } from "./layout";

export interface Block {
  key: BlockKey;
  /** The title row (-1 for a header block without its title). */
  title: number;
  /** Rows after the title that hold something, in order. */
  rows: number[];
}

const TITLES = new Map(
  (Object.entries(BLOCKS) as [BlockKey, string][]).flatMap(([k, t]) => {
    const bare = t.replace(/[【】]/g, "");
    return [[foldLabel(t), k], [foldLabel(`[${bare}]`), k]] as const;
  }),
);

function rowCells(cells: SheetCells, r: number): number[] {
  const row = cells.grid.rows[r] ?? [];
  const out: number[] = [];
  for (let c = 0; c < row.length; c++) if (!cells.blank(r, c)) out.push(c);
  return out;
}

/** The blocks in sheet order; rows above the first title belong to the header block (基本信息). */
export function splitBlocks(cells: SheetCells): Block[] {
  const blocks: Block[] = [{ key: "info", title: -1, rows: [] }];
  for (let r = 0; r < cells.grid.rows.length; r++) {
    const filled = rowCells(cells, r);
    if (!filled.length) continue;
    const first = cells.text(r, 0);
    const key = filled.length === 1 && filled[0] === 0 && first !== undefined ? TITLES.get(foldLabel(first)) : undefined;
    if (key) {
      const last = blocks[blocks.length - 1];
      // The header block's own title at the top just names the rows below it.
      if (key === "info" && last && last.key === "info" && !last.rows.length) last.title = r;
      else blocks.push({ key, title: r, rows: [] });
      continue;
    }
    blocks[blocks.length - 1]?.rows.push(r);
  }
  return blocks;
}
