/**
 * Every target of each built-in rubric's source text is read by some rule. The lists below are
 * transcribed from the source documents (../shared/seeds/004_* for community-2009, village-2006 and
 * district-targets-2009, 003_* for street-2013), one entry per target, each naming the rubric item
 * and the indicators its rules must read. The match runs both ways: a target the rubric leaves out
 * fails, and so does an item that answers to no target of the source. Provisions of the source that
 * do not score a unit are listed as such, and the rubric's description must say so.
 */
import { builtinRubric } from "../../src/app/rubrics";
import type { Item, Rubric } from "../../src/core/rubric/model";

type Reads =
  | { item: string; indicators: string[]; parts?: number }
  | { veto: "totalBelow"; value: number; inclusive: boolean }
  | { veto: "fact"; reads: string }
  | { veto: "anyMissed" }
  | { outcome: "commendation" | "progress"; top: number }
  | { outcome: "laggard"; bottom: number; below: number; inclusive: boolean }
  | { composite: string; weights: number[] };

interface Target {
  quote: string;
  reads: Reads[];
}

interface Source {
  id: string;
  targets: Target[];
  /** Provisions that do not score a unit: [quote, a phrase the rubric's description must contain]. */
  notScored: [string, string][];
}

const indicatorsOf = (item: Item): Set<string> => {
  const out = new Set<string>();
  for (const r of item.rules) {
    const res = r.resolved;
    for (const ind of [res.ind, res.lowerThan, res.toward, res.previous]) if (ind) out.add(ind.name);
    for (const t of [res.target, res.min, res.max]) if (t && "column" in t) out.add(t.column.name);
    for (const n of r.formula?.names ?? []) out.add(n);
  }
  return out;
};

/** Whether the rubric reads what the target asks; a message naming what is missing otherwise. */
function check(rubric: Rubric, r: Reads): string | null {
  if ("item" in r) {
    const item = rubric.items.find((i) => i.name === r.item);
    if (!item) return `no item ${r.item}`;
    const read = indicatorsOf(item);
    const unread = r.indicators.filter((n) => !read.has(n));
    if (unread.length) return `${r.item} does not read ${unread.join(", ")}`;
    if (r.parts !== undefined && item.parts.length !== r.parts) return `${r.item} lists ${item.parts.length} sub-items, the source ${r.parts}`;
    return null;
  }
  if ("veto" in r) {
    const found = rubric.vetoes.some((v) =>
      v.type !== r.veto ? false
      : v.type === "totalBelow" && r.veto === "totalBelow" ? v.value === r.value && v.inclusive === r.inclusive
      : v.type === "fact" && r.veto === "fact" ? (v.formula?.names ?? []).some((n) => rubric.byKey.get(n)?.name === r.reads)
      : true,
    );
    return found ? null : `no ${r.veto} veto as the source says`;
  }
  if ("outcome" in r) {
    const o = rubric.outcomes;
    if (r.outcome === "laggard") {
      return o.laggard?.bottom === r.bottom && o.laggard.below === r.below && o.laggard.inclusive === r.inclusive ? null : "laggard line differs";
    }
    return o[r.outcome]?.top === r.top ? null : `${r.outcome} differs`;
  }
  const comp = rubric.composites.find((c) => c.name === r.composite);
  return comp && comp.parts.map((p) => p.weight).join() === r.weights.join() ? null : `composite ${r.composite} differs`;
}

const SOURCES: Source[] = [
  {
    id: "community-2009",
    targets: [
      { quote: "1、计划生育率88%（10分）……每低一个百分点扣1分", reads: [{ item: "计划生育率", indicators: ["计划生育率"] }] },
      { quote: "2、政策兑现率（10分）。当年违法生育对象实际金额兑现率达75%以上", reads: [{ item: "政策兑现率", indicators: ["政策兑现率"] }] },
      { quote: "3、避孕节育率（10分）。当年违法多生一胎（含以上）对象落实可靠长效节育措施70%以上，其余对象落实长效避孕措施70%以上", reads: [{ item: "避孕节育率", indicators: ["多生对象长效节育落实率", "其余对象长效避孕落实率"] }] },
      { quote: "4、透环服务率（10分）……年终按综合透环率推算……③流动育龄妇女透环通知率达90%以上", reads: [{ item: "透环服务率", indicators: ["综合透环率", "流动育龄妇女透环通知率"] }] },
      { quote: "三、1、目标管理责任制（3分）……未成立领导小组扣1分，工作职责未落实扣1分，无考核办法和考核结果各扣0.5分", reads: [{ item: "目标管理责任制", indicators: ["成立领导小组", "工作职责落实", "有考核办法", "有考核结果"] }] },
      { quote: "2、宣传教育（3分）……未召开育龄群众大会扣2分，宣传品发放不及时扣1分", reads: [{ item: "宣传教育", indicators: ["召开育龄群众大会", "宣传品发放及时"] }] },
      {
        quote: "3、依法行政（3分）……发生……恶性案件，年终对松源镇实行“一票否决”；出现乱收费、乱罚款、行政不作为、行政乱作为每次扣1分",
        reads: [{ item: "依法行政", indicators: ["违规行政行为次数"] }, { veto: "fact", reads: "恶性案件数" }],
      },
      { quote: "4、基层基础建设（10分）……育龄妇女信息准确率……帐册……逻辑错误……政务公开", reads: [{ item: "基层基础建设", indicators: ["育龄妇女信息准确率", "帐册差错项数", "逻辑错误项数", "政务公开缺项数"] }] },
      { quote: "5、优质服务（3分）……全程管理服务……知晓率……满意率……避孕药具", reads: [{ item: "优质服务", indicators: ["服务不到位例数", "基础知识知晓率", "群众满意率", "避孕药具库存合理"] }] },
      { quote: "6、流动人口管理（30分）。店面登记率100%，出租房登记率95%以上；信息准确率80%；信息录入率95%；计划外怀孕核查通报率80%", reads: [{ item: "流动人口管理", indicators: ["店面登记率", "出租房登记率", "流动人口信息准确率", "信息录入率", "计划外怀孕核查通报率"] }] },
      { quote: "7、协会工作（3分）……未开展活动扣2分，无活动记录扣1分。优秀“会员之家”未创建扣2分", reads: [{ item: "协会工作", indicators: ["协会开展活动", "有活动记录", "创建优秀会员之家"] }] },
      { quote: "8、队伍建设（5分）……未配齐人员扣2分，工作人员上班不正常扣3分", reads: [{ item: "队伍建设", indicators: ["人员配齐", "上班正常"] }] },
      { quote: "四、1、本专项考核分占松源镇年终计生考核总分的30%。2、……其余考核事项……占年终计生考核总分的70%", reads: [{ composite: "年终计生考核总分", weights: [0.3, 0.7] }] },
    ],
    notScored: [["发生恶性案件……年终对松源镇实行“一票否决”（否决的是镇）", "对松源镇实行一票否决"]],
  },
  {
    id: "village-2006",
    targets: [
      { quote: "第一条 严格执行生育政策，符合政策生育率100，无农业人口政策外多孩。（15分）", reads: [{ item: "第一条", indicators: ["第一条"] }] },
      { quote: "第二条 人口出生及避孕节育措施落实上报数据真实可靠，统计信息准确率100。（15分）", reads: [{ item: "第二条", indicators: ["第二条"] }] },
      { quote: "第三条 综合治理出生人口性别比。（7分）1、……2、……", reads: [{ item: "第三条", indicators: ["第三条"], parts: 2 }] },
      { quote: "第四条 抓好宣传教育。（5分）1、……2、……3、……", reads: [{ item: "第四条", indicators: ["第四条"], parts: 3 }] },
      { quote: "第五条 优质服务（18分）1、……4、……", reads: [{ item: "第五条", indicators: ["第五条"], parts: 4 }] },
      { quote: "第六条 流动人口管理和服务。（9分）1、……2、……", reads: [{ item: "第六条", indicators: ["第六条"], parts: 2 }] },
      { quote: "第七条 依法管理，文明执法。（10分）1、……6、……", reads: [{ item: "第七条", indicators: ["第七条"], parts: 6 }] },
      { quote: "第八条 协会和村民自治工作。（6分）1、……5、……", reads: [{ item: "第八条", indicators: ["第八条"], parts: 5 }] },
      { quote: "第九条 强化村级基础工作。（10分）1、……2、……", reads: [{ item: "第九条", indicators: ["第九条"], parts: 2 }] },
      { quote: "第十条 加强领导……（5分）1、……3、……", reads: [{ item: "第十条", indicators: ["第十条"], parts: 3 }] },
      { quote: "奖励与责任 1、……综合考核获前三名的村（居）……予以表彰", reads: [{ outcome: "commendation", top: 3 }] },
      { quote: "1、……综合水平较上年上升幅度较高的村由镇人民政府予以表彰", reads: [{ outcome: "progress", top: 3 }] },
      {
        quote: "3、对综合考核评分在80分以下的或因省、州、县考核出现工作差错影响大局的村实行“一票否决”",
        reads: [{ veto: "totalBelow", value: 80, inclusive: true }, { veto: "fact", reads: "上级考核出现差错" }],
      },
      { quote: "3、……排位在倒数三位且总分在85分以下的村，纳入后进单位进行重点管理", reads: [{ outcome: "laggard", bottom: 3, below: 85, inclusive: true }] },
    ],
    notScored: [
      ["2、对……村（居）主职干部，计生专干由镇人民政府予以表彰和经济奖励", "主职干部、计生专干个人"],
      ["4、经济处罚按《***2006人口与计划生育工作实施方案》执行", "经济处罚"],
    ],
  },
  {
    id: "district-targets-2009",
    targets: [
      { quote: "出生率‰（各区一行）", reads: [{ item: "出生率", indicators: ["出生率"] }] },
      { quote: "自然增长率‰（各区一行）", reads: [{ item: "自然增长率", indicators: ["自然增长率"] }] },
      { quote: "政策生育率%（各区一行）", reads: [{ item: "政策生育率", indicators: ["政策生育率"] }] },
      { quote: "出生人口性别比比上年度明显下降并趋向正常", reads: [{ item: "出生人口性别比", indicators: ["出生人口性别比", "上年出生人口性别比"] }] },
      { quote: "对年度未完成任务的单位实行“一票否决”", reads: [{ veto: "anyMissed" }] },
    ],
    notScored: [["其它指标的考核按照《广东省“十一五”人口与计划生育目标管理责任制考核方案》进行考评", "其它指标"]],
  },
  {
    id: "street-2013",
    targets: [
      { quote: "出生政策符合率保持在99.5%以上", reads: [{ item: "出生政策符合率", indicators: ["出生政策符合率"] }] },
      { quote: "孕前优生健康检查覆盖率达到目标人群90%", reads: [{ item: "孕前优生健康检查覆盖率", indicators: ["孕前优生健康检查覆盖率"] }] },
      { quote: "流动人口管理服务率90%以上", reads: [{ item: "流动人口管理服务率", indicators: ["流动人口管理服务率"] }] },
      {
        quote: "依法管理、优质服务和群众满意率95%以上",
        reads: [
          { item: "依法管理率", indicators: ["依法管理率"] },
          { item: "优质服务率", indicators: ["优质服务率"] },
          { item: "群众满意率", indicators: ["群众满意率"] },
        ],
      },
      {
        quote: "计划生育机构队伍建设、街道世代服务中心、村(社区)世代服务室建设达到规定标准",
        reads: [
          { item: "机构队伍建设达标", indicators: ["机构队伍建设达标"] },
          { item: "街道世代服务中心建设达标", indicators: ["街道世代服务中心建设达标"] },
          { item: "世代服务室建设达标", indicators: ["世代服务室建设达标"] },
        ],
      },
      { quote: "人口和计划生育政策全面兑现", reads: [{ item: "政策全面兑现", indicators: ["政策全面兑现"] }] },
      { quote: "出生人口性别比正常", reads: [{ item: "出生人口性别比", indicators: ["出生人口性别比"] }] },
    ],
    notScored: [["实现人口家庭公共服务体系转型", "公共服务体系转型"]],
  },
];

// The table of 一、人口计划责任制指标, as printed: 出生率‰ 自然增长率‰ 政策生育率%.
const DISTRICT_TABLE: Record<string, [number, number, number]> = {
  禅城区: [11.0, 6.3, 95.0],
  南海区: [11.1, 6.4, 95.0],
  顺德区: [11.1, 6.4, 95.0],
  高明区: [11.15, 6.45, 94.0],
  三水区: [11.0, 6.3, 95.0],
};

describe.each(SOURCES)("$id reads every target of its source", ({ id, targets, notScored }) => {
  let rubric: Rubric;
  // Made for each test, not at load: mutation testing maps a mutant to the tests that reach it (docs/mutation.md).
  beforeEach(() => {
    const compiled = builtinRubric(id);
    if (!compiled.ok) throw new Error(id);
    rubric = compiled.value.rubric;
  });

  it.each(targets.map((t) => [t.quote, t] as const))("%s", (_quote, t) => {
    expect(t.reads.map((r) => check(rubric, r))).toEqual(t.reads.map(() => null));
  });

  it("has no item that answers to no target of the source", () => {
    const claimed = new Set(targets.flatMap((t) => t.reads.flatMap((r) => ("item" in r ? [r.item] : []))));
    expect(rubric.items.map((i) => i.name).filter((n) => !claimed.has(n))).toEqual([]);
  });

  it("says in its description why the provisions that score no unit are left out", () => {
    expect(notScored.filter(([, phrase]) => !rubric.doc.description?.includes(phrase))).toEqual([]);
  });
});

describe("district-targets-2009's per-district table", () => {
  it("holds each district's three figures as printed", () => {
    const r = builtinRubric("district-targets-2009");
    if (!r.ok) throw new Error("district-targets-2009");
    const table = Object.fromEntries(
      [...r.value.rubric.unitTargets].map(([unit, t]) => [unit, [t.get("出生率"), t.get("自然增长率"), t.get("政策生育率")]]),
    );
    expect(table).toEqual(DISTRICT_TABLE);
  });
});
