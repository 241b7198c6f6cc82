/**
 * The workbook the browser tests open: a community sheet with hostile text (markup in a unit name and
 * a header, a name with U+2069 U+202E), a sheet with an indicator in two columns, and a village sheet
 * for village-2006 with 进步奖 winners and vetoes.
 */
import type { SeedCell, SimSeed } from "../sim/office";

export const XSS = "<img src=x onerror=window.kaoheXss=(window.kaoheXss||0)+1>";
const header = ["社区", "计划生育率(%)", "政策兑现率(%)", "多生对象长效节育落实率(%)", "其余对象长效避孕落实率(%)", "综合透环率(%)", "流动育龄妇女透环通知率(%)", "成立领导小组", "工作职责落实", "有考核办法", "有考核结果", "召开育龄群众大会", "宣传品发放及时", "违规行政行为次数", "恶性案件数", "育龄妇女信息准确率(%)", "帐册差错项数", "逻辑错误项数", "政务公开缺项数", "服务不到位例数", "基础知识知晓率(%)", "群众满意率(%)", "避孕药具库存合理", "店面登记率(%)", "出租房登记率(%)", "流动人口信息准确率(%)", "信息录入率(%)", "计划外怀孕核查通报率(%)", "协会开展活动", "有活动记录", "创建优秀会员之家", "人员配齐", "上班正常", `备注${XSS}`];
const perfect = [90, 80, 75, 72, 96, 92, "是", "是", "是", "是", "是", "是", 0, 0, 100, 0, 0, 0, 0, 85, 95, "是", 100, 96, 85, 97, 85, "是", "是", "是", "是", "是", null];
const row = (unit: string, changes: Record<number, string | number> = {}): SeedCell[] => [unit, ...perfect.map((v, i) => changes[i + 1] ?? v)];

const villageHeader = ["村", "第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条", "上级考核出现差错", "上年总分"];
const village = (name: string, lost: number, error: "是" | "否", previous: number): SeedCell[] => [name, 15, 15, 7, 5, 18 - Math.min(lost, 18), 9, 10 - Math.max(0, lost - 18), 6, 10, 5, error, previous];

/** `bad`: that many more units with an invalid 满意率; `active`: the sheet the user is on. */
export function paneSeed(opts: { bad?: number; active?: string } = {}): SimSeed {
  const extra = Array.from({ length: opts.bad ?? 0 }, (_, i) => row(`补充社区${i + 1}`, { 21: "待查" }));
  return {
    sheets: [
      {
        name: "社区考核",
        rows: [
          ["2009年社区人口和计划生育目标管理责任制考核"],
          header,
          row("阳光社区", { 1: 85.5 }),
          row(`城东社区${XSS}`),
          row("城西社区", { 21: "abc" }),
          row("南门社区", { 14: 1 }),
          row("北门社区", { 24: 80, 29: "否" }),
          // A stray U+2069 then U+202E in a name must not reverse other units' figures in the pane.
          row("\u2069\u202E河西社区", { 1: 86 }),
          ...extra,
          ["合计"],
        ],
      },
      // 群众满意率 twice (V and W): the pane must flag the doubt before scoring.
      {
        name: "重复列",
        rows: [
          [...header.slice(0, 22), "群众满意率", ...header.slice(22)],
          ...[row("甲社区"), row("乙社区", { 1: 80 })].map((r) => [...r.slice(0, 22), 90, ...r.slice(22)]),
        ],
      },
      {
        name: "村级考核",
        rows: [
          villageHeader,
          village("东山村", 5, "否", 90),
          village("西河村", 8, "否", 80),
          village("南岭村", 12, "否", 85),
          village("北坡村", 22, "否", 82),
          village("中心村", 3, "是", 96),
          village("石桥村", 16, "否", 70),
          village("柳林村", 14, "否", 88),
          village("新华村", 17, "否", 84),
        ],
      },
    ],
    ...(opts.active && { active: opts.active }),
  };
}
