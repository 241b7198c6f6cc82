/** LibreOffice, the real spreadsheet program the tests open written workbooks with. */
import { execFileSync } from "child_process";

export const haveLibreOffice = (() => {
  try {
    execFileSync("libreoffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** CI installs LibreOffice; there these checks must run. Elsewhere they run when LibreOffice is present. */
export const withLibreOffice = haveLibreOffice || process.env.CI ? it : it.skip;
