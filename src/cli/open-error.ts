/** Which one-line message a workbook that cannot be opened gets. */
import type { CliMessage } from "../i18n";
import { PackageError } from "../adapters/xlsx/errors";
import type { OpenError } from "./workbook-file";

export function openErrorMessage(e: OpenError, file: string): { key: CliMessage; params: Record<string, string | number> } {
  if (e.kind === "notFound") return { key: "fileNotFound", params: { file } };
  if (e.kind !== "package") return { key: "fileUnreadable", params: { file, detail: e.detail } };
  const p = e.problem;
  switch (p.code) {
    case "notZip":
      return { key: "notXlsx", params: { file } };
    case "limit":
      return { key: "limit", params: { file, limit: p.limit, value: p.value, max: p.max, ...(p.part !== undefined && { part: p.part }) } };
    case "otherFormat":
      return { key: "otherFormat", params: { file, format: p.format } };
    case "missingPart":
    case "duplicatePart":
    case "entity":
      return { key: p.code, params: { file, part: p.part } };
    case "badPart":
      return { key: "badPart", params: { file, part: p.part, detail: p.detail } };
    default:
      return { key: p.code, params: { file } };
  }
}

/** A package problem found only while reading the scored sheet (limits, entities, bad parts). */
export function lateProblem(e: unknown, file: string): ReturnType<typeof openErrorMessage> | undefined {
  return e instanceof PackageError ? openErrorMessage({ kind: "package", problem: e.problem, detail: e.message }, file) : undefined;
}
