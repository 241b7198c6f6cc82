/** Deleting a sheet the way Kaohe must: without WPS stopping to ask the user. */
import type { WpsApplication, WpsWorksheet } from "./wps-types";

/** Delete a sheet without WPS asking the user (DisplayAlerts), restoring the setting afterwards. */
export function deleteSheet(app: WpsApplication, ws: WpsWorksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    ws.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}
