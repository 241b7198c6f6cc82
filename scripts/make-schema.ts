/** `npm run schema`: regenerate schema/rubric.schema.json from the zod rubric schema. */
import { writeFileSync } from "fs";
import * as path from "path";
import { rubricJsonSchemaText } from "../src/core/rubric/json-schema";

const file = path.resolve(__dirname, "../schema/rubric.schema.json");
writeFileSync(file, rubricJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
