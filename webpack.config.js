/* eslint-disable no-undef */
// Yo Office–style build. `npm run build` → production dist/ (hashed files, manifest with localhost
// URLs rewritten to --env urlProd=https://host/path/); `npm run dev-server` → https://localhost:3000.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { output, rules, budget, common } = require("./tools/webpack-parts");

const urlDev = "https://localhost:3000/";
const originDev = "https://localhost:3000";

/** Every development URL in the manifest becomes a production one (AppDomain is an origin). */
function rewriteManifest(xml, urlProd) {
  const originProd = new URL(urlProd).origin;
  return xml.split(urlDev).join(urlProd).split(originDev).join(originProd);
}
const { officeJs, scriptTag, withOrigin } = require("./tools/office-js");

async function httpsOptions() {
  // Only the dev server needs certificates; builds never do. office-addin-dev-certs installs a
  // trusted localhost CA (Windows/Mac); where it cannot (Linux without sudo), fall back to a
  // self-signed certificate that Office will not trust until the CA is installed.
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (e) {
    console.warn(`[kaohe] No trusted dev certificate (${e.message.split("\n")[0]}); serving a self-signed one. Run "npx office-addin-dev-certs install" where you can.`);
    return undefined;
  }
}

const officeConfig = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const urlProd = env.urlProd || "https://localhost:3000/";
  if (!/^https:\/\/.+\/$/.test(urlProd)) throw new Error(`--env urlProd must be an https URL ending in "/": ${urlProd}`);
  const office = officeJs(env.officeJs); // office.js's source; the pages' CSP and nginx's follow it
  const page = (name, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: name === "commands" ? "./src/commands/commands.html" : "./src/taskpane/taskpane.html",
      chunks,
      templateParameters: {
        officeScript: scriptTag(office),
        officeOrigin: office.origin,
        csp: `default-src 'self'; script-src 'self' ${office.origin}; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.microsoft.com https://*.office.com https://*.office.net https://*.officeapps.live.com; frame-src 'self' https://*.office.com https://*.officeapps.live.com; object-src 'none'; base-uri 'none'; form-action 'none'`,
      },
      scriptLoading: "defer",
      inject: "head",
    });

  return {
    name: "office",
    ...common,
    entry: {
      taskpane: "./src/taskpane/index.ts",
      commands: "./src/commands/commands.ts",
    },
    // The WPS add-in and the offline page clean their own folders.
    output: output(env, "", { clean: { keep: /^(wps|web)[\\/]/ } }),
    module: { rules: rules() },
    plugins: [
      ...budget(Boolean(env.WEBPACK_SERVE)),
      page("taskpane", ["taskpane"]),
      page("commands", ["commands"]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/static/support.html", to: "support.html" },
          { from: "deploy/nginx-kaohe.conf", to: "nginx-kaohe.conf", transform: (content) => withOrigin(content.toString(), office) },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : rewriteManifest(content.toString(), urlProd)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      ...(env.WEBPACK_SERVE && { server: { type: "https", options: await httpsOptions() } }),
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

// Office's pane, the WPS 表格 add-in (wps/webpack.wps.js, into <outDir>/wps/, without office.js) and the
// offline page (web/webpack.web.js, into <outDir>/web/).
module.exports = async (env = {}, options = {}) => [
  await officeConfig(env, options),
  require("./wps/webpack.wps")(env, options),
  require("./web/webpack.web")(env, options),
];
