/** xl/styles.xml as far as reading needs it: the number format of each cell style index. */
import { parseXml } from "./xml";

/** Built-in formats by id, as ExcelJS names them (locale-dependent ids 27–36, 50–58 have none). */
const BUILTIN: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** numFmt per cellXfs index (undefined: General). */
export function parseCellFormats(text: string, part: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inXfs = false;
  parseXml(text, part, {
    open(tag, a) {
      if (tag === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (tag === "cellXfs") inXfs = true;
      else if (tag === "xf" && inXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(tag) {
      if (tag === "cellXfs") inXfs = false;
    },
  });
  return ids.map((id) => (id ? custom.get(id) ?? BUILTIN[id] : undefined));
}

/** Date-like formats (ExcelJS's rule): y m d h s b outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  return !!fmt && /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
