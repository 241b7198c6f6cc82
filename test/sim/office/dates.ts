/**
 * Excel date serials (1900 system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29, so dates from
 * 1900-03-01 on count days since 1899-12-30) and a small number-format renderer for Range.text.
 */
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export function dateSerial(year: number, month: number, day: number): number | null {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((t - EPOCH) / DAY_MS);
}

export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const d = new Date(EPOCH + Math.floor(serial) * DAY_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

export const isDateFormat = (fmt: string): boolean => /[dy]|m+\W*d|d\W*m/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, "")) && !/^General$/i.test(fmt);

/** General format: up to 11 significant digits, as a cell of standard width shows a number. */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = Number(n.toPrecision(10));
  return String(s);
}

/** Range.text for a value under a format: General, "@", 0/0.00-style, percentages and date formats. */
export function formatText(value: string | number | boolean, fmt: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (fmt === "General" || fmt === "@") return general(value);
  if (isDateFormat(fmt)) {
    const { y, m, d } = serialToDate(value);
    if (fmt.includes("月")) return `${m}月${d}日`;
    if (/^yyyy-mm-dd$/i.test(fmt)) return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (/^d-mmm$/i.test(fmt)) return `${d}-${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]}`;
    return `${m}/${d}/${y}`;
  }
  const dec = /0\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
  if (fmt.includes("%")) return `${(value * 100).toFixed(dec)}%`;
  if (/0/.test(fmt)) {
    const s = value.toFixed(dec);
    if (!fmt.includes(",")) return s;
    const [int = "", frac] = s.split(".");
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return frac === undefined ? grouped : `${grouped}.${frac}`;
  }
  return general(value);
}
