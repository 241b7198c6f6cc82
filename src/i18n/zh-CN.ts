import type { Catalog } from "./catalog";
import type { RuleShapeProblem } from "../core/issue";
import { aboveWording, belowWording } from "./wording";

const s = (v: unknown): string => String(v ?? "");
const list = (v: unknown): string => (Array.isArray(v) ? v.join("、") : s(v));
const near = (c: unknown): string => (c ? `；最接近的列是“${s(c)}”` : "");
const reasonOf = (r: unknown, detail = ""): string =>
  r === "divideByZero" ? "除数为零" : r === "overflow" ? `数值溢出（超出可表示的范围）${detail ? `：${s(detail)}` : ""}` :
  r === "precision" ? `ROUND 的小数位数应为 -15 到 15 之间的整数${detail ? `：${s(detail)}` : ""}` : s(detail || r);
const valueText = (p: Record<string, unknown>) => `${s(p.value)}${s(p.unit)}`;

/** "3.2个百分点" for a rate, the bare figure otherwise. */
const gapZh = (gap: unknown, unit: unknown): string => (unit === "%" ? `${s(gap)}个百分点` : unit === "‰" ? `${s(gap)}个千分点` : s(gap));
const fullZh = (p: Record<string, unknown>): string => `（满分${s(p.full)}分）`;
const SHAPE_ZH: Record<RuleShapeProblem, (p: Record<string, unknown>) => string> = {
  bandPoints: (p) => `分档“${s(p.min)}以上”应写得分或占满分的比例，二者只写一个`,
  bandDuplicate: (p) => `分档下限 ${s(p.min)} 重复`,
  baseAboveFull: (p) => `功效系数法的基础分 ${s(p.base)} 分超过满分 ${s(p.full)} 分`,
  sameBounds: (p) => `功效系数法的满意值与不允许值相同（${s(p.value)}），无法计算`,
  tooFewRaters: (p) => `民主测评只有 ${s(p.count)} 个评分列，去掉最高、最低各 ${s(p.drop)} 个后没有剩余`,
};

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
    needsNewerExcel: "此版本的 Excel 太旧：Kaohe 的任务窗格需要 Excel 2021、Microsoft 365 或网页版 Excel。Excel 2016/2019 用户请改用 Kaohe 离线评分页（用浏览器打开下面的地址，无需安装，工作簿不会上传），或在 WPS 表格中使用 Kaohe 加载项（考核 › 考核评分）。", cleared: "已清除 Kaohe 写入的全部内容，工作表已恢复原样。",
    done: "评分完成", rankN: "第{rank}名", unranked: "无排名", removed: "已移除", added: "新增", rubricImported: "已导入考核细则“{name}”并保存在本工作簿中。",
    moreProblems: "另有 {count} 条，全部列在“{sheet}”工作表中。",
    fullMarks: "其余各项满分", loading: "正在读取工作表…",
    confirmOverwriteTitle: "这些单元格您改过", confirmOverwriteBody: "Kaohe 上次写入后，您修改了下列 {count} 个单元格。重新评分会用新结果替换它们。",
    replace: "替换并评分", cancel: "取消", confirmClearTitle: "清除考核结果？",
    confirmClearBody: "将清除 Kaohe 在“{sheet}”写入的 {count} 个单元格、突出显示和批注{results}。",
    confirmClearKeeps: "您改过的下列 {count} 个单元格会保留：", clearConfirm: "清除",
    clearedReport: "已清除 {count} 个单元格、{highlights} 条突出显示规则{results}，并核对无残留。", clearedKept: "保留了您改过的 {count} 个单元格：{cells}",
    nothingToClear: "这个工作表上没有 Kaohe 写入的内容。", keptResults: "“{sheet}”工作表您改过，已保留（不再属于 Kaohe）。",
    scoredKept: "您改过的 {count} 个单元格保留未动：{cells}",
    otherIndicators: "其余 {count} 项已对应", severalColumns: "对应多列", mappedByHand: "手动指定",
    beforeScoring: "评分前请注意", resultsOutdated: "考核细则或对应列已更改，原评分结果已隐藏，请重新评分。",
    vetoedUnits: "一票否决", progressUnits: "进步奖",
    changedCellsTitle: "以下 {count} 个单元格在评分后被改动过", changedCellsHint: "点击单元格可在表格中查看。",
    replaceChanged: "替换这些单元格", keepChanged: "保留我的改动", selectCell: "在表格中选中",
    needsWps: "请在 WPS 表格中通过“考核 › 考核评分”打开 Kaohe（WPS 加载项），或在 Excel 中通过“开始 › 考核评分”打开。",
    webTitle: "考核评分 · 离线版", webIntro: "在本机浏览器中评分，不上传、不联网：选择或拖入工作簿，核对表格和对应列，评分后下载评分副本。原文件不会被改动。",
    pickWorkbook: "选择工作簿…", dropHere: "或把 .xlsx 工作簿拖到本页", workbook: "工作簿", rubricFromSheet: "工作表“{sheet}”中的评分细则",
    rubricFromFile: "（文件）", download: "下载评分副本", downloadHint: "副本为“{file}”；原工作簿未被改动。", opening: "正在读取工作簿…",
    newRubricSheet: "新建评分细则", newSheetFrom: "新建评分细则的内容", blankTemplate: "空白模板",
    rubricSheetAdded: "已新建工作表“{sheet}”。在表中填写或修改细则后，在“考核细则”中选择它评分；每次评分都按表中当时的内容。",
    onSheet: "（工作表“{sheet}”）", sheetProblems: "（{count} 个错误）",
    original: "原文件",
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
    isDirectory: (p) => `${s(p.file)} 是目录，不是文件`,
    notRegularFile: (p) => `${s(p.file)} 不是普通文件（${s(p.detail)}）：Kaohe 只读取和替换普通文件`,
    fileTooLarge: (p) => `文件 ${s(p.file)} 太大（${s(p.detail)} 字节）：请确认选对了文件`,
    outputBadName: (p) => `输出文件名 ${s(p.file)} 应以 .xlsx 或 .xlsm 结尾（写出的是 Excel 工作簿）`,
    outputDirMissing: (p) => `输出文件 ${s(p.file)} 所在的目录 ${s(p.detail)} 不存在；未评分，请先创建该目录`,
    outputDirNotWritable: (p) => `输出文件 ${s(p.file)} 所在的目录 ${s(p.detail)} 不可写；未评分，请换一个目录`,
    outputOwnerNotKept: (p) => `无法让新文件 ${s(p.file)} 保持原文件的所有者（${s(p.detail)}）；原文件未改动，请以文件所有者身份运行`,
    conflictingOptions: (p) => `选项冲突：${s(p.detail)} 不能同时使用（--in-place 改写输入文件本身，--out 写出副本）`,
    rubricIsDirectory: (p) => `考核细则 ${s(p.file)} 是目录，不是文件；请给出细则文件（.json/.yaml）或内置细则 id`,
    encrypted: (p) => `工作簿 ${s(p.file)} 有密码保护：请在 Excel 中取消密码并重新保存后再试`,
    otherFormat: (p) => `${s(p.file)} ${FORMAT_ZH[s(p.format)] ?? "不是 .xlsx 工作簿"}`,
    limit: (p) => `工作簿 ${s(p.file)} 超出限制“${LIMIT_ZH[s(p.limit)] ?? s(p.limit)}”：${s(p.value)} > ${s(p.max)}${p.part ? `（${s(p.part)}）` : ""}；请拆分或精简工作簿后再试`,
    truncated: (p) => `工作簿 ${s(p.file)} 不完整（zip 文件被截断或已损坏）：请重新复制或下载该文件`,
    missingPart: (p) => `工作簿 ${s(p.file)} 已损坏：缺少部件 ${s(p.part)}`,
    duplicatePart: (p) => `工作簿 ${s(p.file)} 已损坏：部件 ${s(p.part)} 重复出现`,
    badPart: (p) => `工作簿 ${s(p.file)} 已损坏：部件 ${s(p.part)} 无法读取（${s(p.detail)}）`,
    entity: (p) => `工作簿 ${s(p.file)} 的部件 ${s(p.part)} 含有 DTD/实体声明，出于安全原因拒绝读取（正常的 Excel 文件不会有）`,
    macroExtension: (p) => `工作簿含有宏（${s(p.kind)}），输出文件 ${s(p.file)} 必须以 .xlsm 结尾，否则 Excel 无法打开`,
    keptEdits: (p) => `Kaohe 上次写入、之后被改过的单元格保留不动：${s(p.cells)}`,
    cannotWrite: (p) => `未写入 ${s(p.file)}：${limitationZh(p)}`,
    changes: (p) => `注意：${limitationZh(p)}`,
    inPlaceRefused: (p) => `不能用 --in-place 改写 ${s(p.file)}：${limitationZh(p)}；请用 --out 写入副本`,
    unitNotFound: (p) => `工作表“${s(p.sheet)}”中没有单位“${s(p.unit)}”` + (p.near ? `；相近的单位：${s(p.near)}` : `；共有 ${s(p.count)} 个单位，如：${s(p.some)}`),
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
    "rubric.formula": (p) => `公式“${s(p.formula)}”无法使用（位置 ${s(p.path)}）：${reasonOf(p.reason, String(p.detail ?? ""))}`,
    "rubric.partsExceedMax": (p) => `“${s(p.item)}”的细项分值合计 ${s(p.parts)} 分，超过该项分值 ${s(p.max)} 分`,
    "rubric.totalMismatch": (p) => `${p.category !== undefined ? `适用于“${s(p.category)}”类单位的` : ""}各项分值合计 ${list(p.items)} 分，与满分 ${s(p.max)} 分不一致`,
    "rubric.exclusiveWording": (p) =>
      `考核细则的说明写“${s(p.figure)}${s(p.word)}”，按规定“${s(p.word)}”包含${s(p.figure)}本身，但位置 ${s(p.path)} 的比较不含${s(p.figure)}：` +
      `如应包含，请加 inclusive: true；如确不含，请把说明改为“${p.word === "以下" ? "低于" : "超过"}${s(p.figure)}”`,
    "rubric.noCategoryColumn": (p) => `按类别考核（难度系数或项目的适用类别）需要单位类别所在的列：请填写 ranking.categoryColumn（评分细则中的“分类排名列”）（位置 ${s(p.path)}）`,
    "rubric.noGrades": (p) => `“降等次”需要等次：请在 outcomes.grades（评分细则中的“等次”）中列出等次，或改为定为某一等次（位置 ${s(p.path)}）`,
    "rubric.noCoefficient": (p) => `项目适用的类别“${s(p.category)}”没有难度系数：请在 ranking.coefficients（评分细则中的“难度系数”）中为它填写系数（位置 ${s(p.path)}）`,
    "rubric.unknownBuiltin": (p) => `没有名为“${s(p.id)}”的内置考核细则；可用：${s(p.available)}`,
    "rubric.unknownRuleType": (p) => `考核细则位置 ${s(p.path)}：不认识的${p.what === "veto" ? "一票否决" : "规则"}类型“${s(p.type)}”；可用的类型：${s(p.expected)}`,
    "rubric.notNumber": (p) =>
      `考核细则位置 ${s(p.path)}：${p.key === "min" ? "下限" : p.key === "max" ? "上限" : "目标值"}“${s(p.value)}”不是数字；请填写数字（如 88，不加引号、不带 % 号），或写 {column: 列名}、{unitTable: 目标表名}`,
    "rubric.vetoNeverFires": (p) =>
      `一票否决（位置 ${s(p.path)}）永远不会生效：` +
      (p.why === "noTotal" ? `达标制细则没有总分，“总分低于${s(p.value)}分”无从判断` :
       p.why === "belowZero" ? `总分最低为 0 分，不可能${Number(p.inclusive) ? "在" : ""}${s(p.value)}分以下${Number(p.inclusive) ? "（含）" : ""}` :
       `条件“${s(p.when)}”不读取任何指标，结果恒为“否”`),
    "rubric.vetoAlwaysFires": (p) =>
      `一票否决（位置 ${s(p.path)}）对所有单位都会生效：` +
      (p.why === "aboveMax" ? `总分最高只有 ${s(p.max)} 分，总是${Number(p.inclusive) ? "不超过" : "低于"} ${s(p.value)} 分` : `条件“${s(p.when)}”不读取任何指标，结果恒为“是”`),
    "rubric.ruleNeverDeducts": (p) =>
      `“${s(p.item)}”的规则（位置 ${s(p.path)}）永远不会${Number(p.bonus) ? "加分" : "扣分"}：` +
      (p.why === "zeroPoints" ? `分值为 0` :
       p.why === "constant" ? `公式“${s(p.formula)}”不读取任何指标，结果恒为 ${s(p.value)}` :
       `“${s(p.indicator)}”的取值范围是 ${s(p.min)}–${s(p.max)}，任何取值都达到目标 ${s(p.target)}`),
    "rubric.outcomeNeverApplies": (p) =>
      `达标制细则没有总分和排名，“${({ commendation: "表彰", laggard: "后进单位", progress: "进步奖", grades: "等次", vetoGrade: "否决后等次" } as const)[p.outcome]}”（位置 ${s(p.path)}）不会评定：达标制只判定各单位是否达标；如需评定，请改为计分制（mode: points）`,
    "column.unused": (p) => `${s(p.column)} 列“${s(p.header)}”对应指标“${s(p.name)}”，但考核细则中没有任何规则读取它（不影响评分）`,
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
    "value.formula": (p) => `无法计算“${s(p.indicator)}”（公式 ${s(p.formula)}）：${reasonOf(p.reason)}`,
    "target.missingForUnit": (p) => `考核细则中没有该单位的“${s(p.table)}”目标值`,
    "category.missing": (p) => `单位类别（“${s(p.column)}”列）没有填写：本考核细则按类别考核`,
    "category.unknown": (p) => `单位类别“${s(p.value)}”不是考核细则中的类别（${s(p.choices)}）` + (p.has === "coefficient" ? `，无法确定难度系数` : `，只考核适用于所有单位的项目`),
    "unit.duplicate": (p) => `单位“${s(p.unit)}”重复出现（首次在 ${s(p.first)}）`,
    "output.occupied": (p) => `考核结果应写在表格右侧的 ${s(p.range)}，但单元格 ${s(p.cell)} 有您的数据（“${s(p.value)}”）。请移走该列数据或留出 ${s(p.count)} 个空列后再评分`,
    "sheet.unknown": (p) => `工作簿中没有工作表“${s(p.sheet)}”；现有工作表：${s(p.available)}`,
    "sheet.kaoheResults": (p) => `“${s(p.sheet)}”是 Kaohe 写的考核明细（属于工作表“${s(p.owner)}”），不能再评分。请切换到要考核的工作表`,
    "sheet.protected": (p) => `工作表“${s(p.sheet)}”受保护，无法写入考核结果。请先撤销工作表保护（审阅 › 撤销工作表保护）`,
    "sheet.editing": () => `Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后再试`,
    "table.tooLarge": (p) => `表格太大（${s(p.cells)} 个单元格，上限 ${s(p.limit)}）。请把要考核的单位放在单独的工作表中`,
    "workbook.structureProtected": (p) => `工作簿结构受保护，无法添加或删除工作表“${s(p.sheet)}”。请先撤销工作簿保护（审阅 › 保护工作簿）后再试；工作簿未被改动`,
    "host.partial": (p) => (p.cleaned === "yes" ? `评分中途停止；已写入的部分已撤回并核对，工作表与评分前相同` : `评分中途停止；已写入的部分未能全部撤回（${s(p.left)}），请点“清除结果”`),
    "clear.unverified": (p) => `清除后检查发现仍有 Kaohe 的内容：${s(p.left)}。请再点一次“清除结果”`,
    "host.failed": (p) => `Excel 未能完成操作：${s(p.detail)}。工作簿未被改动，请重试`,
    "output.noRoom": (p) => `表格右侧没有空列可写入考核结果（从 ${s(p.from)} 列起均有内容）`,
    "rubric.encoding": (p) => `考核细则文件 ${s(p.file)} 不是 UTF-8 编码（可能是 GBK）：请在编辑器中“另存为”UTF-8 编码后再试`,
    "rubric.notText": (p) => `${s(p.file)} 不是考核细则文本文件（${p.what === "zip" ? "是 .xlsx 工作簿或其他 zip 压缩包" : p.what === "ole" ? "是旧版 Office 文件" : "是二进制文件"}）：考核细则应为 JSON 或 YAML 文本`,
    "rubric.cycle": (p) => `指标“${s(p.name)}”的计算公式循环引用（${s(p.chain)}，位置 ${s(p.path)}）：计算公式不能直接或间接引用自身`,
    "rubric.weights": (p) => `综合指标“${s(p.name)}”的权重${p.kind === "sum" ? `合计为 ${s(p.sum)}，应为 1` : `“${s(p.weight)}”无效，应为大于 0 的有限数`}（位置 ${s(p.path)}）`,
    "map.unknownIndicator": (p) => `--map ${s(p.name)}=${s(p.column)}：考核细则中没有指标“${s(p.name)}”`,
    "map.noColumn": (p) => `--map ${s(p.name)}=${s(p.column)}：${p.why === "outside" ? `${s(p.column)} 列在表格（${s(p.first)}–${s(p.last)} 列）之外` : `表格中没有列“${s(p.column)}”`}`,
    "value.fractionalCount": (p) => `“${s(p.indicator)}”是次数/件数，值“${s(p.value)}”应为整数`,
    "column.looksLikeFractions": (p) => `“${s(p.name)}”列（${s(p.column)}）的值都在 0 到 1 之间（如 ${s(p.example)}），按百分数读作 ${s(p.example)}%；如果本意是 ${s(p.percent)}%，请把单元格设为百分比格式或填写 ${s(p.percent)}`,
    "table.summarySkipped": (p) => `“${s(p.unit)}”是汇总行，未作为单位考核`,
    "veto.notEvaluated": (p) => `一票否决条件“${s(p.reason)}”无法判断（公式 ${s(p.formula)}：${reasonOf(p.error)}）；该单位是否否决需人工核实`,
    "rubricSheet.notNumber": (p) => `${s(p.label)}“${s(p.value)}”不是数字`,
    "rubricSheet.badChoice": (p) => `${s(p.label)}“${s(p.value)}”不是可选的值；可选：${s(p.choices)}`,
    "rubricSheet.required": (p) => `${s(p.label)}不能为空`,
    "rubricSheet.unknownLabel": (p) => (s(p.value) ? `不认识的项目“${s(p.value)}”` : `这一行缺少项目名称`) + `；基本信息可填：${s(p.choices)}`,
    "rubricSheet.unknownColumn": (p) => `${s(p.block)}中不认识的列“${s(p.value)}”；可用的列：${s(p.choices)}`,
    "rubricSheet.missingColumn": (p) => `${s(p.block)}缺少“${s(p.label)}”列`,
    "rubricSheet.duplicateLabel": (p) => `“${s(p.value)}”重复出现`,
    "rubricSheet.noRules": (p) => `评分细则中没有${s(p.block)}表（一行标题“${s(p.block)}”，下一行为列名）`,
    "rubricSheet.noItem": (p) => `这一行的规则不属于任何考核项目：请填写${s(p.label)}`,
    "rubricSheet.unknownItem": (p) => `细项所属的考核项目“${s(p.name)}”不在【考核项目】中`,
    "rubricSheet.notApplicable": (p) => `计分方式“${s(p.kind)}”不使用“${s(p.label)}”：请清空该单元格或改选计分方式`,
    "rubricSheet.inconsistent": (p) => `“${s(p.item)}”的${s(p.label)}在本行是“${s(p.value)}”，与该项第一行的“${s(p.first)}”不一致`,
    "rubricSheet.notFound": (p) => `工作簿中没有评分细则工作表“${s(p.sheet)}”；现有工作表：${s(p.available)}`,
    "rubric.ruleShape": (p) => `${SHAPE_ZH[p.problem](p)}（位置 ${s(p.path)}）`,
    "value.tooFewRaters": (p) => `民主测评只有 ${s(p.count)} 个评分，去掉最高、最低各 ${s(p.drop)} 个后没有剩余，无法计分`,
    "rubricSheet.badBands": (p) => `分档“${s(p.value)}”无法读取：应写成“下限:得分”，多档用“；”分隔，得分写分数或占满分的百分比，如“95:10；90:50%”`,
    "rubricSheet.addFailed": (p) => `未能新建工作表“${s(p.sheet)}”：${s(p.detail)}。` + (p.cleaned === "yes" ? `做了一半的工作表已删除，工作簿未被改动，请重试` : `做了一半的工作表“${s(p.sheet)}”未能删除（${s(p.left)}），请手动删除它`),
    "output.sheetEdge": (p) => `表格右侧没有空间写入考核结果：表格已到工作表最右列 ${s(p.last)}（需要 ${s(p.count)} 列）。请删去表格右侧不需要的列，或把表格复制到新工作表后再评分`,
  },
  reasons: {
    "target.low": (p) =>
      (p.inclusive === 0
        ? `${s(p.indicator)} ${valueText(p)} 未达到目标：须${aboveWording(p.target, 0, s(p.unit))}`
        : `${s(p.indicator)} ${valueText(p)} 低于目标 ${s(p.target)}${s(p.unit)}`) +
      (Number(p.per) > 0 && !(p.inclusive === 0 && Number(p.points) === 0) ? `，每低${s(p.step)}个${p.unit === "‰" ? "千分点" : p.unit === "%" ? "百分点" : "单位"}扣${s(p.per)}分，扣${s(p.points)}分` : ""),
    "target.high": (p) =>
      (p.inclusive === 0
        ? `${s(p.indicator)} ${valueText(p)} 未达到目标：须${belowWording(p.target, 0, s(p.unit))}`
        : `${s(p.indicator)} ${valueText(p)} 高于目标 ${s(p.target)}${s(p.unit)}`) +
      (Number(p.per) > 0 && !(p.inclusive === 0 && Number(p.points) === 0) ? `，每高${s(p.step)}个${p.unit === "‰" ? "千分点" : p.unit === "%" ? "百分点" : "单位"}扣${s(p.per)}分，扣${s(p.points)}分` : ""),
    count: (p) => `${s(p.indicator)} ${s(p.value)} 次，每次扣${s(p.per)}分，扣${s(p.points)}分`,
    check: (p) => `${s(p.indicator)}：${p.answer === "yes" ? "是" : "否"}` + (Number(p.points) > 0 ? `，扣${s(p.points)}分` : ""),
    range: (p) =>
      `${s(p.indicator)} ${s(p.value)} 不在 ${s(p.min)}–${s(p.max)} 之间` +
      (p.previous !== undefined ? `，也未低于上年的 ${s(p.previous)}` : "") +
      (p.before !== undefined
        ? `，也未趋向正常（上年 ${s(p.before)}，与该范围相差 ${s(p.beforeGap)}；今年相差 ${s(p.gap)}` +
          (Number(p.minChange) > 0 ? `，应至少缩小 ${s(p.minChange)}）` : `，未缩小）`)
        : "") +
      (Number(p.points) > 0 ? `，扣${s(p.points)}分` : ""),
    improvement: (p) =>
      `${s(p.indicator)} ${s(p.value)} 未${p.direction === "lower" ? "低于" : "高于"}上年的 ${s(p.previous)}` + (Number(p.points) > 0 ? `，扣${s(p.points)}分` : ""),
    enteredScore: (p) => `${s(p.indicator)} 得分 ${s(p.score)}（满分 ${s(p.max)}），失${s(p.points)}分`,
    formula: (p) => `${s(p.reason)}，扣${s(p.points)}分`,
    floored: (p) => `扣分合计 ${s(p.points)} 分，本项扣完为止`,
    capped: (p) => `加分合计 ${s(p.points)} 分，以 ${s(p.max)} 分为限`,
    "veto.fact": (p) => `一票否决：${s(p.reason)}`,
    "veto.totalBelow": (p) => `一票否决：总分 ${s(p.total)}，${Number(p.inclusive) ? "在" : ""}${belowWording(p.value, p.inclusive)}`,
    "veto.anyMissed": (p) => `一票否决：未完成任务（${list(p.items)}）`,
    coefficient: (p) => `难度系数：${s(p.category)} 原始总分 ${s(p.raw)} × ${s(p.coefficient)} = ${s(p.total)}`,
    "grade.quota": (p) =>
      `分数达到${s(p.grade)}但超出${s(p.grade)}名额（${s(p.percent)}%，共${s(p.count)}名）` +
      (p.tie === "allOut" ? `，名额边界同分的单位均不计入` : p.tie === "tieBreak" ? `，同分按“${s(p.by)}”比较（本单位 ${s(p.value)}）在名额之外` : "") +
      (s(p.result) ? `，定为${s(p.result)}` : `，不定等次`),
    "grade.tiesIn": (p) => `${s(p.grade)}名额 ${s(p.percent)}%，共${s(p.count)}名；名额边界同分的单位均计入`,
    "grade.veto": (p) => `一票否决，定为${s(p.grade)}`,
    "grade.vetoDown": (p) => `一票否决，由${s(p.from)}降${"一二三四五六七八九"[Number(p.down) - 1] ?? s(p.down)}等次为${s(p.grade)}`,
    bands: (p) => `${s(p.indicator)} ${valueText(p)}，在${aboveWording(p.min, 1, s(p.unit))}一档，得${s(p.earned)}分${fullZh(p)}`,
    "bands.none": (p) => `${s(p.indicator)} ${valueText(p)}，低于最低一档 ${s(p.min)}${s(p.unit)}，得${s(p.earned)}分${fullZh(p)}`,
    "relative.best": (p) =>
      `${s(p.indicator)} ${valueText(p)}，${p.direction === "atMost" ? "高于" : "低于"}最优单位（${s(p.best)}${s(p.unit)}）${gapZh(p.gap, p.unit)}，按比例得${s(p.earned)}分${fullZh(p)}`,
    "relative.average": (p) =>
      `${s(p.indicator)} ${valueText(p)}，${p.direction === "atMost" ? "高于" : "低于"}平均值 ${s(p.average)}${s(p.unit)} ${gapZh(p.gap, p.unit)}，` +
      `每${p.direction === "atMost" ? "高" : "低"}${gapZh(p.step, p.unit)}${Number(p.bonus) ? "加" : "扣"}${s(p.per)}分，${Number(p.bonus) ? "加" : "扣"}${s(p.points)}分`,
    rank: (p) => `${s(p.indicator)} ${valueText(p)}，在${s(p.count)}个单位中排第${s(p.rank)}名，得${s(p.earned)}分（第1名${s(p.full)}分，依次递减${s(p.step)}分）`,
    efficacy: (p) =>
      `${s(p.indicator)} ${valueText(p)}，满意值 ${s(p.satisfactory)}${s(p.unit)}、不允许值 ${s(p.unacceptable)}${s(p.unit)}，按功效系数法得${s(p.earned)}分（基础分${s(p.base)}分，满分${s(p.full)}分）`,
    raters: (p) =>
      `民主测评 ${s(p.count)} 个评分` + (Number(p.drop) > 0 ? `，去掉最高、最低各 ${s(p.drop)} 个，其余 ${s(p.kept)} 个` : "") +
      `平均 ${s(p.average)} 分（满分 ${s(p.outOf)} 分），折合${s(p.earned)}分${fullZh(p)}`,
    converted: (p) => `${s(p.indicator)} ${s(p.value)} 分（原满分 ${s(p.outOf)} 分），折算为${s(p.earned)}分${fullZh(p)}`,
    laggard: (p) => `后进单位：排位在倒数${s(p.bottom)}位` + (p.below !== undefined ? `且总分 ${s(p.total)}，${Number(p.inclusive) ? "在" : ""}${belowWording(p.below, p.inclusive)}` : ""),
  },
  labels: {
    notApplicable: "不适用",
    version: "版本", rubricHash: "校验码（SHA-256）", scoredAt: "评分时间",
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
