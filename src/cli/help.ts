export const HELP = `kaohe — 目标管理责任制考核评分 / target-responsibility scoring for .xlsx workbooks

用法 Usage:
  kaohe score <workbook.xlsx> --rubric <id|rubric.json|rubric.yaml> [options]
  kaohe rubrics [--format table|json]
  kaohe check-rubric <rubric.json|rubric.yaml>
  kaohe check-rubric <book.xlsx> --sheet 评分细则
  kaohe rubric export <id|file> --format sheet|yaml|json [--out FILE] [--force]
  kaohe explain <workbook.xlsx> --unit 名称 --rubric <id|file> [--sheet NAME] [--map 指标=列] [--format table|json]
                            一个单位的扣分说明和差距分析 / one unit's explanation and gap analysis (what-if)

score 选项 options:
  -r, --rubric <id|file>    内置细则 id（见 kaohe rubrics）或细则文件 / built-in id or rubric file
      --rubric-sheet <name>  细则在本工作簿的这张评分细则表中 / the rubric is this 评分细则 sheet of the workbook
  -s, --sheet <name>        要考核的工作表（默认第一个）/ sheet to assess (default: the first)
  -o, --out <file.xlsx>     写出评分后的副本 / write a scored copy (never the input)
      --in-place            改写输入文件本身 / rewrite the input file itself
      --force               覆盖已存在的 --out 文件 / replace an existing --out file
      --format table|json   标准输出格式 / stdout format (json: the machine-readable result)
      --lang zh-CN|en-US    语言 / language (default zh-CN)
      --map 指标=列          手动指定列，如 --map 计划生育率=C / map an indicator to a column
      --notes none|shortfalls|all
                            哪些单位加批注（默认有扣分或问题的）/ which units get a note (default: shortfalls)

接受 .xlsx .xlsm .xltx .xltm；.xls/.et/.ods 请先另存为 .xlsx / accepts .xlsx .xlsm .xltx .xltm; save .xls/.et/.ods as .xlsx first

退出码 Exit codes: 0 评分完成 scored (problems are reported) · 2 输入有误 bad input · 1 内部错误 bug
`;
