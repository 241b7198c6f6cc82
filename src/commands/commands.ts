/**
 * The ribbon's function file. The 考核评分 button opens the task pane directly (ShowTaskpane), so
 * there are no functions to register; Office still requires the page to load office.js.
 */
if (typeof Office !== "undefined") void Office.onReady();
