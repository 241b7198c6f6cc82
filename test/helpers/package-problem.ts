/** The problem a .xlsx reader or writer refused with (a thrown PackageError), or undefined when nothing was thrown. */
import { PackageError, type PackageProblem } from "../../src/adapters/xlsx/errors";

export function problemOf(f: () => unknown): PackageProblem | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof PackageError) return e.problem;
    throw e;
  }
  return undefined;
}
