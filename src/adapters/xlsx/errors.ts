/** Why a workbook package cannot be read or written: data for the caller to word (src/i18n). */
import type { LimitName } from "./limits";

export type OtherFormat = "xls" | "ods" | "docx" | "pptx" | "xlsb" | "unknownZip";

export type PackageProblem =
  | { code: "notZip" }
  | { code: "truncated" }
  | { code: "encrypted" }
  | { code: "otherFormat"; format: OtherFormat }
  | { code: "limit"; limit: LimitName; value: number; max: number; part?: string }
  | { code: "missingPart"; part: string }
  | { code: "duplicatePart"; part: string }
  | { code: "badPart"; part: string; detail: string }
  | { code: "entity"; part: string };

export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(`${problem.code}: ${JSON.stringify(problem)}`);
  }
}

export function fail(problem: PackageProblem): never {
  throw new PackageError(problem);
}

export function checkLimit(limit: LimitName, value: number, max: number, part?: string): void {
  if (value > max) fail({ code: "limit", limit, value, max, ...(part !== undefined && { part }) });
}
