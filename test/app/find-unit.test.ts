import { findUnit, nearUnits } from "../../src/app/find-unit";
import type { UnitResult } from "../../src/core/score/types";

const units = ["阳光社区", "城东社区", "城西社区", "Summerhill", "南门村"].map((unit, row) => ({ unit, row }) as UnitResult);

describe("a unit named on the command line", () => {
  it("is found exactly, else ignoring width, spaces and case", () => {
    expect(findUnit(units, "城东社区")?.row).toBe(1);
    expect(findUnit(units, " 城东 社区 ")?.row).toBe(1);
    expect(findUnit(units, "ＳＵＭＭＥＲＨＩＬＬ")?.row).toBe(3);
    expect(findUnit(units, "城东")).toBeUndefined();
  });

  it("suggests names containing it first, then close spellings, and nothing unrelated", () => {
    expect(nearUnits(units, "城东")).toEqual(["城东社区"]);
    expect(nearUnits(units, "社区")).toEqual(["阳光社区", "城东社区", "城西社区"]);
    // Closest first: one character differs from 城东/城西, two from 阳光社区 (half: still related).
    expect(nearUnits(units, "城北社区")).toEqual(["城东社区", "城西社区", "阳光社区"]);
    expect(nearUnits(units, "Somerhill")).toEqual(["Summerhill"]);
    expect(nearUnits(units, "XYZ")).toEqual([]);
    expect(nearUnits(units, "  ")).toEqual([]);
  });
});
