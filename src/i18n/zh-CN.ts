import type { Catalog } from "./catalog";

const s = (v: unknown): string => String(v ?? "");
const list = (v: unknown): string => (Array.isArray(v) ? v.join("、") : s(v));
const near = (c: unknown): string => (c ? `；最接近的列是“${s(c)}”` : "");
const valueText = (p: Record<string, unknown>) => `${s(p.value)}${s(p.unit)}`;

const FORMAT_ZH: Record<string, string> = {
  xls: "是旧版 .xls（或 WPS .et）工作簿：请在 Excel 或 WPS 中“另存为” .xlsx，或用 libreoffice --headless --convert-to xlsx 转换",
  ods: "是 OpenDocument 表格（.ods）：请在 LibreOffice 或 Excel 中“另存为” .xlsx，或用 libreoffice --headless --convert-to xlsx 转换",
  docx: "是 Word 文档（.docx），不是工作簿：请把表格复制到 Excel 后另存为 .xlsx",
  pptx: "是 PowerPoint 演示文稿（.pptx），不是工作簿",
  xlsb: "是二进制工作簿（.xlsb）：请在 Excel 中“另存为” .xlsx",
  unknownZip: "是 zip 压缩包，但不是 .xlsx 工作簿",
};
const LIMIT_ZH: Record<string, string> = {
  parts: "部件个数", fileBytes: "文件大小（字节）", partCompressedBytes: "单个部件压缩后大小（字节）", partBytes: "单个部件解压后大小（字节）",
  totalBytes: "全部部件解压后总大小（字节）", ratio: "压缩比（疑似 zip 炸弹）", cells: "单元格个数", merges: "合并区域个数",
  sharedStrings: "共享字符串个数", cellChars: "单元格字符数", rows: "工作表行数", columns: "工作表列数",
};

function limitationZh(p: Record<string, unknown>): string {
  switch (p.code) {
    case "tableOverlap": return `输出区域与 Excel 表格 ${s(p.range)} 重叠，写入会损坏该表格`;
    case "pivotOverlap": return `输出区域与数据透视表 ${s(p.range)} 重叠`;
    case "mergeOverlap": return `输出区域与合并单元格 ${s(p.range)} 重叠，写入的值会被遮住`;
    case "prefixedXml": return `工作表部件 ${s(p.part)} 使用了带前缀的命名空间，Kaohe 无法在不改动其余内容的情况下修改它`;
    case "signed": return `工作簿有数字签名，任何修改都会使签名失效`;
    case "revisions": return `工作簿是共享工作簿（有修订记录），Kaohe 的修改不会记入修订记录`;
    default: return s(p.code);
  }
}

export const zhCN: Catalog = {
  locale: "zh-CN",
  ui: {
    title: "考核评分", language: "English", sheet: "工作表", headerRow: "表头行", unitColumn: "单位列", reload: "重新读取",
    rubric: "考核细则", importRubric: "导入细则…", fromWorkbook: "（本工作簿）", mapping: "指标对应列", matched: "已匹配",
    missing: "未找到", optional: "可选", derived: "由其他列计算", auto: "— 自动 —", mapTo: "对应列", score: "评分",
    clear: "清除结果", scoring: "正在评分…", clearing: "正在清除…", summary: "评分结果", scored: "已评分", vetoed: "一票否决",
    incomplete: "数据不全", top: "前三名", bottom: "后三名", commended: "表彰", laggards: "后进单位", none: "无",
    changes: "变化", changesSince: "与上次评分（{rubric}）相比", noChanges: "排名和状态均无变化", problems: "问题",
    noProblems: "没有问题", unit: "单位", selectUnit: "在表格中选中某个单位所在的行，这里会显示它的得分明细。",
    pointsLost: "扣", needsExcel: "Kaohe 需要在 Excel 中运行", needsExcelDetail: "请在 Excel（Windows、Mac 或网页版）中通过“开始 › 考核评分”或“插入 › 我的加载项”打开 Kaohe。如果您已在 Excel 中，请检查网络能否访问 Office 服务。",
    needsNewerExcel: "此版本的 Excel 太旧：Kaohe 需要 Excel 2021、Microsoft 365 或网页版 Excel。", cleared: "已清除 Kaohe 写入的全部内容，工作表已恢复原样。",
    done: "评分完成", rankN: "第{rank}名", unranked: "无排名", removed: "已移除", added: "新增", rubricImported: "已导入考核细则“{name}”并保存在本工作簿中。",
    moreProblems: "另有 {count} 条，全部列在“{sheet}”工作表中。",
    fullMarks: "其余各项满分", loading: "正在读取工作表…",
  },
  cli: {
    fileNotFound: (p) => `找不到工作簿文件 ${s(p.file)}`,
    fileUnreadable: (p) => `工作簿 ${s(p.file)} 已损坏或无法读取：${s(p.detail)}`,
    notXlsx: (p) => `${s(p.file)} 不是 .xlsx 工作簿（旧版 .xls 请先在 Excel 中另存为 .xlsx）`,
    sheetNotFound: (p) => `工作簿 ${s(p.file)} 中没有工作表“${s(p.sheet)}”；现有工作表：${s(p.available)}`,
    outputExists: (p) => `输出文件 ${s(p.file)} 已存在；如需覆盖请加 --force`,
    sameAsInput: (p) => `输出文件与输入文件相同（${s(p.file)}）；如确需改写原文件请用 --in-place`,
    writeFailed: (p) => `无法写入 ${s(p.file)}：${s(p.detail)}（原文件未改动）`,
    rubricFileNotFound: (p) => `找不到考核细则 ${s(p.file)}（内置细则：${s(p.available)}）`,
    usage: (p) => `用法错误：${s(p.detail)}（运行 kaohe --help 查看用法）`,
    scored: (p) => `已评分 ${s(p.scored)} 个单位，一票否决 ${s(p.vetoed)} 个，数据不全 ${s(p.incomplete)} 个；问题 ${s(p.problems)} 条`,
    written: (p) => `已写入 ${s(p.file)}`,
    rubricValid: (p) => `考核细则 ${s(p.id)} 有效（${list(p.items)} 个考核项目，${s(p.warnings)} 条提示）`,
    rubricInvalid: (p) => `考核细则 ${s(p.file)} 有 ${s(p.errors)} 处错误`,
    internal: (p) => `内部错误：${s(p.detail)}`,
    notRegular: (p) => `${s(p.file)} 不是普通文件（目录、设备或管道），不能作为工作簿读取`,
    encrypted: (p) => `工作簿 ${s(p.file)} 有密码保护：请在 Excel 中取消密码并重新保存后再试`,
    otherFormat: (p) => `${s(p.file)} ${FORMAT_ZH[s(p.format)] ?? "不是 .xlsx 工作簿"}`,
    limit: (p) => `工作簿 ${s(p.file)} 超出限制“${LIMIT_ZH[s(p.limit)] ?? s(p.limit)}”：${s(p.value)} > ${s(p.max)}${p.part ? `（${s(p.part)}）` : ""}；请拆分或精简工作簿后再试`,
    truncated: (p) => `工作簿 ${s(p.file)} 不完整（zip 文件被截断或已损坏）：请重新复制或下载该文件`,
    missingPart: (p) => `工作簿 ${s(p.file)} 已损坏：缺少部件 ${s(p.part)}`,
    duplicatePart: (p) => `工作簿 ${s(p.file)} 已损坏：部件 ${s(p.part)} 重复出现`,
    badPart: (p) => `工作簿 ${s(p.file)} 已损坏：部件 ${s(p.part)} 无法读取（${s(p.detail)}）`,
    entity: (p) => `工作簿 ${s(p.file)} 的部件 ${s(p.part)} 含有 DTD/实体声明，出于安全原因拒绝读取（正常的 Excel 文件不会有）`,
    macroExtension: (p) => `工作簿含有宏（${s(p.kind)}），输出文件 ${s(p.file)} 必须以 .xlsm 结尾，否则 Excel 无法打开`,
    cannotWrite: (p) => `未写入 ${s(p.file)}：${limitationZh(p)}`,
    changes: (p) => `注意：${limitationZh(p)}`,
    inPlaceRefused: (p) => `不能用 --in-place 改写 ${s(p.file)}：${limitationZh(p)}；请用 --out 写入副本`,
  },
  issues: {
    "rubric.parse": (p) => `考核细则文件无法读取（${s(p.file)}）：${s(p.detail)}`,
    "rubric.schema": (p) =>
      `考核细则格式错误，位置 ${s(p.path)}：` +
      (p.kind === "invalid_type" ? `应为 ${s(p.expected)}` :
       p.kind === "unrecognized_keys" ? `不认识的字段 ${s(p.keys)}` :
       p.kind === "invalid_value" ? `应为 ${s(p.expected)} 之一` :
       p.kind === "too_small" ? `不能小于 ${s(p.limit)}` :
       p.kind === "too_big" ? `不能大于 ${s(p.limit)}` :
       p.kind === "required" ? `缺少必填字段 ${s(p.detail)}` : s(p.detail)),
    "rubric.unknownIndicator": (p) => `考核细则引用了未声明的指标“${s(p.name)}”（位置 ${s(p.path)}）：请在 indicators 中声明`,
    "rubric.duplicateName": (p) => `考核细则中名称“${s(p.name)}”重复（位置 ${s(p.path)}）`,
    "rubric.formula": (p) => `公式“${s(p.formula)}”无法使用（位置 ${s(p.path)}）：${s(p.detail)}`,
    "rubric.partsExceedMax": (p) => `“${s(p.item)}”的细项分值合计 ${s(p.parts)} 分，超过该项分值 ${s(p.max)} 分`,
    "rubric.totalMismatch": (p) => `各项分值合计 ${list(p.items)} 分，与满分 ${s(p.max)} 分不一致`,
    "rubric.unknownBuiltin": (p) => `没有名为“${s(p.id)}”的内置考核细则；可用：${s(p.available)}`,
    "table.empty": () => `工作表是空的`,
    "table.noHeader": (p) => `在前 ${s(p.rows)} 行中找不到表头行（应有一行列名，如“单位”和各项指标名称）`,
    "table.noUnitColumn": (p) => `找不到单位列（第 ${s(p.row)} 行应有“单位”“社区”“村”等列名，或一列单位名称）`,
    "table.noUnits": (p) => `第 ${s(p.row)} 行以下没有可考核的单位`,
    "column.missing": (p) => `缺少必需的列“${s(p.name)}”${near(p.closest)}`,
    "column.optionalMissing": (p) => `未找到列“${s(p.name)}”，与之相关的规则未检查${near(p.closest)}`,
    "column.duplicate": (p) => `指标“${s(p.name)}”对应多列：使用 ${s(p.used)} 列，忽略 ${s(p.ignored)} 列`,
    "value.missing": (p) => (p.what === "unit" ? `该行有数据但没有单位名称，已跳过` : `“${s(p.indicator)}”没有填写`),
    "value.notNumber": (p) => `“${s(p.indicator)}”的值“${s(p.value)}”不是数字`,
    "value.uncalculated": (p) => `“${s(p.indicator)}”是公式，但文件中没有计算结果（保存时未重新计算）：请在 Excel 中打开并保存一次`,
    "value.excelError": (p) => `“${s(p.indicator)}”是错误值 ${s(p.value)}，请先修正公式`,
    "value.rateOutOfRange": (p) => `“${s(p.indicator)}”的值“${s(p.value)}”超出 ${s(p.min)}–${s(p.max)} 的范围`,
    "value.scoreOutOfRange": (p) => `“${s(p.indicator)}”的得分 ${s(p.value)} 应在 0 到 ${s(p.max)} 分之间`,
    "value.negative": (p) => `“${s(p.indicator)}”的值“${s(p.value)}”不能为负数`,
    "value.notBoolean": (p) => `“${s(p.indicator)}”的值“${s(p.value)}”应为 是/否（有/无、√/×、Y/N、1/0）`,
    "value.formula": (p) => `无法计算“${s(p.indicator)}”（公式 ${s(p.formula)}）：${p.reason === "divideByZero" ? "除数为零" : s(p.reason)}`,
    "target.missingForUnit": (p) => `考核细则中没有该单位的“${s(p.table)}”目标值`,
    "unit.duplicate": (p) => `单位“${s(p.unit)}”重复出现（首次在 ${s(p.first)}）`,
    "output.occupied": (p) => `考核结果应写在表格右侧的 ${s(p.range)}，但单元格 ${s(p.cell)} 有您的数据（“${s(p.value)}”）。请移走该列数据或留出 ${s(p.count)} 个空列后再评分`,
    "sheet.protected": (p) => `工作表“${s(p.sheet)}”受保护，无法写入考核结果。请先撤销工作表保护（审阅 › 撤销工作表保护）`,
    "sheet.editing": () => `Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后再试`,
    "table.tooLarge": (p) => `表格太大（${s(p.cells)} 个单元格，上限 ${s(p.limit)}）。请把要考核的单位放在单独的工作表中`,
    "host.failed": (p) => `Excel 未能完成操作：${s(p.detail)}。工作簿未被改动，请重试`,
    "output.noRoom": (p) => `表格右侧没有空列可写入考核结果（从 ${s(p.from)} 列起均有内容）`,
  },
  reasons: {
    "target.low": (p) =>
      `${s(p.indicator)} ${valueText(p)} 低于目标 ${s(p.target)}${s(p.unit)}` +
      (Number(p.per) > 0 ? `，每低${s(p.step)}个${p.unit === "‰" ? "千分点" : p.unit === "%" ? "百分点" : "单位"}扣${s(p.per)}分，扣${s(p.points)}分` : ""),
    "target.high": (p) =>
      `${s(p.indicator)} ${valueText(p)} 高于目标 ${s(p.target)}${s(p.unit)}` +
      (Number(p.per) > 0 ? `，每高${s(p.step)}个${p.unit === "‰" ? "千分点" : p.unit === "%" ? "百分点" : "单位"}扣${s(p.per)}分，扣${s(p.points)}分` : ""),
    count: (p) => `${s(p.indicator)} ${s(p.value)} 次，每次扣${s(p.per)}分，扣${s(p.points)}分`,
    check: (p) => `${s(p.indicator)}：${p.answer === "yes" ? "是" : "否"}` + (Number(p.points) > 0 ? `，扣${s(p.points)}分` : ""),
    range: (p) =>
      `${s(p.indicator)} ${s(p.value)} 不在 ${s(p.min)}–${s(p.max)} 之间` +
      (p.previous !== undefined ? `，也未低于上年的 ${s(p.previous)}` : "") +
      (Number(p.points) > 0 ? `，扣${s(p.points)}分` : ""),
    improvement: (p) =>
      `${s(p.indicator)} ${s(p.value)} 未${p.direction === "lower" ? "低于" : "高于"}上年的 ${s(p.previous)}` + (Number(p.points) > 0 ? `，扣${s(p.points)}分` : ""),
    enteredScore: (p) => `${s(p.indicator)} 得分 ${s(p.score)}（满分 ${s(p.max)}），失${s(p.points)}分`,
    formula: (p) => `${s(p.reason)}，扣${s(p.points)}分`,
    floored: (p) => `扣分合计 ${s(p.points)} 分，本项扣完为止`,
    capped: (p) => `加分合计 ${s(p.points)} 分，以 ${s(p.max)} 分为限`,
    "veto.fact": (p) => `一票否决：${s(p.reason)}`,
    "veto.totalBelow": (p) => `一票否决：总分 ${s(p.total)} 低于 ${s(p.value)} 分`,
    "veto.anyMissed": (p) => `一票否决：未完成任务（${list(p.items)}）`,
  },
  labels: {
    total: "总分", rank: "排名", result: "考核结果", attainedCount: "达标项数", unit: "单位", row: "行", status: "状态",
    item: "考核项目", points: "扣分", cell: "单元格", max: "分值", score: "得分", section: "类别",
    scored: "已评分", vetoed: "一票否决", incomplete: "数据不全", commended: "表彰", laggard: "后进单位", progress: "进步奖",
    attained: "达标", notAttained: "未达标", resultsSheet: "考核明细", resultsTitle: "Kaohe 考核明细",
    deductionsTitle: "扣分明细", problemsTitle: "问题", severity: "级别", error: "错误", warning: "提示", message: "说明",
    yes: "是", no: "否", none: "无", improvement: "较上年",
    rubric: "考核细则", summary: "汇总", fullMarks: "其余各项满分",
  },
  paren: (x) => `（${x}）`,
  colon: "：",
  sep: "；",
  list,
  at: (sheet, cell) => (cell ? `${sheet ? `工作表“${sheet}”` : ""}单元格 ${cell}` : sheet ? `工作表“${sheet}”` : ""),
};
