/**
 * Compile-time check (run by `npm run typecheck`): Kingsoft's own typings of WPS 表格's object model
 * (et-jsapi-declare, a dev dependency that is never bundled or copied) fit the small interfaces the
 * adapter is written against, so a name or signature mistyped in src/adapters/wps/wps-types.ts fails here.
 */
/// <reference types="et-jsapi-declare" />
import type { WpsAddonRoot, WpsApplication, WpsCustomXmlParts, WpsFormatCondition, WpsName, WpsNames, WpsRange, WpsWorkbook, WpsWorksheet } from "../../src/adapters/wps/wps-types";

type Fits<T extends U, U> = T;

export type Checks = [
  Fits<Et.Range, WpsRange>,
  Fits<Et.Worksheet, WpsWorksheet>,
  Fits<Et.Workbook, WpsWorkbook>,
  Fits<Et.Names, WpsNames>,
  Fits<Et.Name, WpsName>,
  Fits<Et.FormatCondition, WpsFormatCondition>,
  Fits<Kso.CustomXMLParts, WpsCustomXmlParts>,
  Fits<WPSMergedRoot, WpsApplication>,
  Fits<WPSMergedRoot, WpsAddonRoot>,
];
