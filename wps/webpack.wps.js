/* eslint-disable no-undef */
// The WPS 表格 add-in (WPS加载项): the same pane without office.js, built into <outDir>/wps/ so that
// the folder is the add-in (online: served as is; offline: packed as is). Used by webpack.config.js.
// Its URL is <urlProd>wps/, or --env wpsUrl=http://intranet/kaohe/wps/ (WPS also loads http).
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { output, rules, budget, common } = require("../tools/webpack-parts");
const URL_DEV = "https://localhost:3000/wps/";
/** The Excel pane's page, without office.js: WPS 表格's pane loads only our own files, nothing from the network. */
const PANE_PAGE = {
  template: "./src/taskpane/taskpane.html",
  templateParameters: {
    officeScript: "",
    csp: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  },
  scriptLoading: "defer",
  inject: "head",
};

const config = (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const url = env.wpsUrl || `${env.urlProd || "https://localhost:3000/"}wps/`;
  if (!/^https?:\/\/.+\/$/.test(url)) throw new Error(`--env wpsUrl must be an http(s) URL ending in "/": ${url}`);
  const rewrite = (content) => (dev ? content : content.toString().split(URL_DEV).join(url));
  return {
    name: "wps",
    ...common,
    entry: { taskpane: "./src/taskpane/wps-index.ts", ribbon: "./src/commands/wps-ribbon.ts" },
    // Pages refer to their files relatively (the folder may be anywhere); the dev server serves it at /wps/.
    output: output(env, "wps", { publicPath: dev ? "/wps/" : "auto" }),
    module: { rules: rules() },
    plugins: [
      ...budget(dev),
      new HtmlWebpackPlugin({ ...PANE_PAGE, filename: "taskpane.html", chunks: ["taskpane"] }),
      // WPS calls the ribbon's callbacks as soon as ribbon.xml is read: they must exist before the page finishes loading.
      new HtmlWebpackPlugin({ filename: "index.html", template: "./wps/index.html", chunks: ["ribbon"], scriptLoading: "blocking", inject: "head" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "wps/ribbon.xml", to: "ribbon.xml" },
          { from: "wps/manifest.xml", to: "manifest.xml" },
          { from: "wps/jsplugins.xml", to: "jsplugins.xml", transform: rewrite },
          { from: "wps/publish.xml", to: "publish.xml", transform: rewrite },
        ],
      }),
    ],
  };
};

module.exports = Object.assign(config, { PANE_PAGE });
