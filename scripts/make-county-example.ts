/** `npm run example:sheet`: write examples/county-2026.xlsx (a 评分细则 sheet and the towns it scores). */
import { writeFileSync } from "fs";
import * as path from "path";
import { workbookBytes } from "../src/adapters/xlsx/rubric-sheet-file";
import { KINDS, choiceLabels } from "../src/core/rubric/sheet/layout";
import { countyExampleSheets } from "./county-2026-example";

const file = path.resolve(__dirname, "../examples/county-2026.xlsx");
writeFileSync(file, workbookBytes(countyExampleSheets(choiceLabels(KINDS))));
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
