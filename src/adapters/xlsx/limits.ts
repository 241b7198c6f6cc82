/**
 * Every limit the .xlsx reader enforces, in one place (README "Hostile inputs" lists them). Each is
 * checked before the work it bounds: zip sizes from the central directory before anything is
 * inflated, counts while streaming, so a hostile file is refused early with the limit's name.
 */
export const LIMITS = {
  /** Parts (files) in the package. */
  parts: 10_000,
  /** Whole file on disk. */
  fileBytes: 200 * 2 ** 20,
  /** One part, compressed (as stored in the zip). */
  partCompressedBytes: 256 * 2 ** 20,
  /** One part, uncompressed (declared in the zip directory; checked again while inflating). */
  partBytes: 512 * 2 ** 20,
  /** All parts together, uncompressed. */
  totalBytes: 2 * 2 ** 30,
  /** Uncompressed : compressed of a part above 1 MiB; deflate's own maximum is about 1,032. */
  ratio: 400,
  /** Cells holding something in the scored sheet. */
  cells: 8_000_000,
  /** Merged ranges in the scored sheet. */
  merges: 100_000,
  /** Entries of the shared-string table. */
  sharedStrings: 2_000_000,
  /** Characters in one cell (Excel's own limit). */
  cellChars: 32_767,
  /** The sheet's edge: Excel's last row and column (XFD). */
  rows: 1_048_576,
  columns: 16_384,
} as const;

export type LimitName = keyof typeof LIMITS;
