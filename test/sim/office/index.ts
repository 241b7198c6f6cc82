/** The Office.js (Excel) simulator: see README.md for what it models and the references checked. */
export { createOfficeSim, type OfficeSim, type SimOptions } from "./office";
export type { SimSeed, SeedSheet, SeedCell, SeedName } from "./seed";
export type { SimControls } from "./controls";
export type { ModelSnapshot } from "./model";
export { SimOfficeError } from "./errors";
export { asOfficeJs, installGlobals } from "./typed";
