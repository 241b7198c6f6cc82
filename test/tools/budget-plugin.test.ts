import { COPYLEFT, packageOf } from "../../tools/budget-plugin";

describe("build budget and licence check", () => {
  it.each(["GPL-3.0", "GPL-2.0-or-later", "AGPL-3.0-only", "(MIT OR GPL-3.0)"])("refuses %s in the pane", (l) => expect(COPYLEFT.test(l)).toBe(true));
  it.each(["MIT", "ISC", "0BSD", "Apache-2.0", "LGPL-2.1", "BSD-3-Clause"])("accepts %s", (l) => expect(COPYLEFT.test(l)).toBe(false));
  it("finds the package a module comes from", () => {
    expect(packageOf("/x/node_modules/@fluentui/tokens/lib/index.js")).toBe("@fluentui/tokens");
    expect(packageOf("/x/node_modules/zod/v4/core.js")).toBe("zod");
    expect(packageOf("/x/src/core/assess.ts")).toBeNull();
  });
});
