/**
 * The parts of a custom conditional format: CustomConditionalFormat → rule (ConditionalFormatRule:
 * formula, formulaLocal) and format (ConditionalRangeFormat → fill.color / clear(), font.color).
 * All of them read and write the one rule model; a protected sheet refuses changes.
 */
import type { CfModel } from "./model";
import { SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";
import { sheetOf } from "./conditional-formats";
import { assertSheetEditable } from "./sheet-ops";

class SimCfPart extends SimObject<CfModel> {
  private readonly kids = new Map<string, SimCfPart>();

  constructor(context: SimContext, resolver: () => CfModel | null, typeName: string, private readonly props: string[], private readonly nav: Record<string, [string, string[]]> = {}, orNull = false) {
    super(context, resolver, typeName, orNull);
  }

  protected scalarNames(): string[] {
    return this.props;
  }

  protected override alive(m: CfModel): boolean {
    return sheetOf(this.context, m) !== undefined;
  }

  protected readScalar(m: CfModel, name: string): unknown {
    if (this.typeName === "ConditionalFormatRule") return m.formula;
    if (this.typeName === "ConditionalRangeFill") return m.fill;
    if (this.typeName === "ConditionalRangeFont") return name === "color" ? m.font : null;
    return null;
  }

  protected override child(name: string): SimObject<unknown> | null {
    const spec = this.nav[name];
    if (!spec) return null;
    let k = this.kids.get(name);
    if (!k) {
      k = new SimCfPart(this.context, () => this.target(), spec[0], spec[1], spec[0] === "ConditionalRangeFormat" ? { fill: ["ConditionalRangeFill", ["color"]], font: ["ConditionalRangeFont", ["color", "bold", "italic", "strikethrough", "underline"]] } : {});
      this.kids.set(name, k);
    }
    return k as SimObject<unknown>;
  }

  protected setField(name: string, v: unknown, apply: (m: CfModel) => void): void {
    this.write(name, v, (m) => {
      const sheet = sheetOf(this.context, m);
      if (sheet) assertSheetEditable(sheet);
      apply(m);
    });
  }

  get rule(): SimCfPart { return this.child("rule") as SimCfPart; }
  get format(): SimCfPart { return this.child("format") as SimCfPart; }
  get fill(): SimCfPart { return this.child("fill") as SimCfPart; }
  get font(): SimCfPart { return this.child("font") as SimCfPart; }

  get formula(): string { return this.get("formula"); }
  set formula(v: string) { this.setField("formula", v, (m) => (m.formula = v)); }
  get formulaLocal(): string { return this.get("formulaLocal"); }
  set formulaLocal(v: string) { this.setField("formulaLocal", v, (m) => (m.formula = v)); }
  get color(): string { return this.get("color"); }
  set color(v: string) {
    this.setField("color", v, (m) => {
      if (this.typeName === "ConditionalRangeFill") m.fill = v;
      else m.font = v;
    });
  }

  clear(): void {
    this.setField("clear", null, (m) => {
      if (this.typeName === "ConditionalRangeFill") m.fill = null;
      else m.font = null;
    });
  }
}

export class SimCustomConditionalFormat extends SimCfPart {
  constructor(context: SimContext, resolver: () => CfModel | null, orNull = false) {
    super(context, resolver, "CustomConditionalFormat", [], { rule: ["ConditionalFormatRule", ["formula", "formulaLocal"]], format: ["ConditionalRangeFormat", []] }, orNull);
  }
}
