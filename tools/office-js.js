// Where the pane loads office.js from: `--env officeJs=global|21vianet|<https URL>` (default global).
// The pages' CSP and the nginx configuration name that script's origin; both are made at build time.
//  - global: Microsoft's worldwide CDN.
//  - 21vianet: Microsoft's CDN for Office 365 operated by 21Vianet (China), as given in Microsoft Learn,
//    "Referencing the Office JavaScript API library" (the 21Vianet section).
//  - a URL: an intranet mirror the organisation runs (https only: Office refuses mixed content).

const GLOBAL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SOURCES = {
  global: GLOBAL,
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};
/** The origin written in deploy/nginx-kaohe.conf (and the default). */
const GLOBAL_ORIGIN = new URL(GLOBAL).origin;

/** The script URL and its origin; throws a one-line reason for anything else. */
function officeJs(value) {
  const given = value === undefined || value === "" ? "global" : String(value);
  const raw = Object.prototype.hasOwnProperty.call(SOURCES, given) ? SOURCES[given] : given;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--env officeJs must be global, 21vianet or an https URL of office.js: ${given}`);
  }
  if (url.protocol !== "https:") throw new Error(`--env officeJs must be an https URL (Office pages cannot load http scripts): ${given}`);
  if (url.username || url.password || url.hash) throw new Error(`--env officeJs: no credentials or #fragment in the URL: ${given}`);
  return { url: url.href, origin: url.origin };
}

/** The <script> tag for the pages (the URL is already percent-encoded; & is escaped for the attribute). */
function scriptTag(src) {
  return `<script src="${src.url.replace(/&/g, "&amp;")}"></script>`;
}

/** A text naming Microsoft's worldwide origin (the nginx configuration) made to name the chosen one. */
function withOrigin(text, src) {
  return text.split(GLOBAL_ORIGIN).join(src.origin);
}

module.exports = { officeJs, scriptTag, withOrigin, GLOBAL_ORIGIN };
