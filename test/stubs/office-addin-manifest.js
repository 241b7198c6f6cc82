// office-addin-mock needs only this enum from office-addin-manifest, whose dependency chain ends in
// an ESM-only package jest cannot require (see ../shared/toolchain-notes.md).
exports.OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
