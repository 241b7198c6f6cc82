import type { Compiler } from "webpack";

export declare const COPYLEFT: RegExp;
export declare function packageOf(resource: string | undefined): string | null;
export declare class BudgetPlugin {
  constructor(options?: { budgets?: Record<string, number>; root?: string });
  apply(compiler: Compiler): void;
}
