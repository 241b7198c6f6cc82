/** A community-2009 sheet generator: every column the rubric reads, with values that score 100. */
export const COMMUNITY_HEADERS = [
  "社区", "计划生育率(%)", "政策兑现率(%)", "多生对象长效节育落实率(%)", "其余对象长效避孕落实率(%)", "综合透环率(%)",
  "流动育龄妇女透环通知率(%)", "成立领导小组", "工作职责落实", "有考核办法", "有考核结果", "召开育龄群众大会", "宣传品发放及时",
  "违规行政行为次数", "恶性案件数", "育龄妇女信息准确率(%)", "帐册差错项数", "逻辑错误项数", "政务公开缺项数", "服务不到位例数",
  "基础知识知晓率(%)", "群众满意率(%)", "避孕药具库存合理", "店面登记率(%)", "出租房登记率(%)", "流动人口信息准确率(%)",
  "信息录入率(%)", "计划外怀孕核查通报率(%)", "协会开展活动", "有活动记录", "创建优秀会员之家", "人员配齐", "上班正常",
] as const;

export type CommunityHeader = (typeof COMMUNITY_HEADERS)[number];

export const PERFECT: Record<Exclude<CommunityHeader, "社区">, number | string> = {
  "计划生育率(%)": 90, "政策兑现率(%)": 80, "多生对象长效节育落实率(%)": 75, "其余对象长效避孕落实率(%)": 72, "综合透环率(%)": 96,
  "流动育龄妇女透环通知率(%)": 92, 成立领导小组: "是", 工作职责落实: "是", 有考核办法: "是", 有考核结果: "是", 召开育龄群众大会: "是",
  宣传品发放及时: "是", 违规行政行为次数: 0, 恶性案件数: 0, "育龄妇女信息准确率(%)": 100, 帐册差错项数: 0, 逻辑错误项数: 0,
  政务公开缺项数: 0, 服务不到位例数: 0, "基础知识知晓率(%)": 85, "群众满意率(%)": 95, 避孕药具库存合理: "是", "店面登记率(%)": 100,
  "出租房登记率(%)": 96, "流动人口信息准确率(%)": 85, "信息录入率(%)": 97, "计划外怀孕核查通报率(%)": 85, 协会开展活动: "是",
  有活动记录: "是", 创建优秀会员之家: "是", 人员配齐: "是", 上班正常: "是",
};

export function communityRow(unit: string, overrides: Partial<Record<CommunityHeader, number | string | null>> = {}): (number | string | null)[] {
  return COMMUNITY_HEADERS.map((h) => (h === "社区" ? unit : h in overrides ? (overrides[h] ?? null) : PERFECT[h]));
}
