/** Regenerates examples/kaohe-example.xlsx (npm run example). */
import { writeWorkbook } from "../test/helpers/xlsx";
import { exampleSheets } from "./example-data";

writeWorkbook("examples/kaohe-example.xlsx", exampleSheets()).then(() => console.log("examples/kaohe-example.xlsx"));
