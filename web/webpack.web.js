/* eslint-disable no-undef */
// The offline page (zero install): one folder, <outDir>/web/, that runs from file:// or any web
// server. No office.js and no network; Kaohe's .xlsx reader/writer runs in the page. Transpiled for
// Chrome 69 / ES2018 (信创 desktops ship old Chromium): our TypeScript by ts-loader, packages by esbuild.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ROOT, output, rules, budget, common } = require("../tools/webpack-parts");

module.exports = (env = {}, options = {}) => {
  const dev = options.mode === "development";
  return {
    name: "web",
    ...common,
    target: ["web", "es2018"],
    entry: { web: "./src/web/index.ts" },
    // Relative URLs: the folder may be opened from disk or served under any path.
    output: output(env, "web", { publicPath: dev ? "/web/" : "" }),
    module: {
      rules: [
        ...rules("es2018"),
        { test: /\.[cm]?js$/, include: /node_modules/, use: { loader: path.join(ROOT, "tools/es2018-loader.js") } },
      ],
    },
    plugins: [
      ...budget(dev),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/web/index.html", chunks: ["web"], scriptLoading: "defer", inject: "head" }),
    ],
  };
};
