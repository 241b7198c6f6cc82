/**
 * The plain data the adapter contract (pane-host-contract.ts) seeds a host's workbook with and reads
 * it back as. Any host's simulator can produce it, so one suite checks every PaneHost.
 */
export type SeedValue = string | number | boolean;

/** A seeded cell: a constant, or `{ value | formula, format }` (format: a number format such as "@" or "0.0%"). */
export type SeedCell = SeedValue | null | { value?: SeedValue; formula?: string; format?: string };

export interface SeedSheet {
  name: string;
  /** Row by row from A1. */
  rows: SeedCell[][];
  /** A1 ranges of merged areas, e.g. "A1:F1". */
  merges?: string[];
  protected?: boolean;
}

export interface SeedBook {
  sheets: SeedSheet[];
  active: string;
  structureProtected?: boolean;
}

/** A cell as stored: a constant `value` or a `formula` ("=…", never both), and its number format unless General. */
export interface PlainCell {
  value?: SeedValue;
  formula?: string;
  format?: string;
}

export interface PlainRule {
  /** Where the rule applies (A1, areas joined by ","). */
  address: string;
  /** The rule's formula ("=…"). */
  formula: string;
}

export interface PlainSheet {
  name: string;
  /** Every cell holding something or a format other than General, by A1 address. */
  cells: Record<string, PlainCell>;
  merges: string[];
  /** Conditional formats in priority order. */
  rules: PlainRule[];
  /** Notes/comments by A1 address. */
  notes: Record<string, string>;
  protected: boolean;
  /** List drop-downs (data validation) by area, in the order added. */
  validations: { address: string; list: string[] }[];
  /** Cells whose font is bold, row by row. */
  bold: string[];
}

export interface PlainBook {
  /** In tab order. */
  sheets: PlainSheet[];
  /** Defined names ("Sheet!name" when scoped to a sheet) with what they refer to, sorted by name. */
  names: { name: string; refersTo: string }[];
  structureProtected: boolean;
}
