/* eslint-disable no-undef */
// What the three builds (the Office pane, the WPS add-in, the offline page) share: hashed file names
// in their own folder, TypeScript through ts-loader, CSS as files, and the size budget on real builds.
const path = require("path");
const { BudgetPlugin } = require("./budget-plugin");

const ROOT = path.resolve(__dirname, "..");

/** Output into <outDir>/<folder> (the root for "") with content-hashed names. */
function output(env, folder, extra = {}) {
  return {
    path: path.resolve(ROOT, env.outDir || "dist", folder),
    filename: "[name].[contenthash:12].js",
    assetModuleFilename: "assets/[name].[contenthash:12][ext]",
    clean: true,
    ...extra,
  };
}

/** TypeScript (transpile only: `npm run typecheck` checks types) and CSS files; `target` lowers the syntax. */
function rules(target) {
  return [
    {
      test: /\.ts$/,
      exclude: /node_modules/,
      use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true, ...(target && { target }) } } },
    },
    { test: /\.css$/, type: "asset/resource" },
  ];
}

/** The size budget reads the emitted files; the dev server keeps them in memory. */
const budget = (dev) => (dev ? [] : [new BudgetPlugin({ root: ROOT })]);

/** Never eval-based source maps: every page's CSP forbids 'unsafe-eval', in development too. */
const common = { context: ROOT, devtool: "source-map", resolve: { extensions: [".ts", ".js"] }, performance: { hints: false } };

module.exports = { ROOT, output, rules, budget, common };
