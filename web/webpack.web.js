/* eslint-disable no-undef */
// The offline page (zero install): one folder, <outDir>/web/, that runs from file:// or any web
// server. No office.js and no network; Kaohe's .xlsx reader/writer runs in the page. Transpiled for
// Chrome 69 / ES2018 (信创 desktops ship old Chromium): our TypeScript by ts-loader, packages by esbuild.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { BudgetPlugin } = require("../tools/budget-plugin");

const ROOT = path.resolve(__dirname, "..");

module.exports = (env = {}, options = {}) => {
  const dev = options.mode === "development";
  return {
    name: "web",
    context: ROOT,
    target: ["web", "es2018"],
    devtool: "source-map", // no eval: the page's CSP forbids it
    entry: { web: "./src/web/index.ts" },
    output: {
      path: path.resolve(ROOT, env.outDir || "dist", "web"),
      filename: "[name].[contenthash:12].js",
      assetModuleFilename: "assets/[name].[contenthash:12][ext]",
      // Relative URLs: the folder may be opened from disk or served under any path.
      publicPath: dev ? "/web/" : "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", target: "es2018", sourceMap: true } } },
        },
        { test: /\.[cm]?js$/, include: /node_modules/, use: { loader: path.join(ROOT, "tools/es2018-loader.js") } },
        { test: /\.css$/, type: "asset/resource" },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...(dev ? [] : [new BudgetPlugin({ root: ROOT })]),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/web/index.html", chunks: ["web"], scriptLoading: "defer", inject: "head" }),
    ],
  };
};
