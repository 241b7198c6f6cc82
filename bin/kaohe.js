#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to lib/ by `npm run build:cli` (run by `npm ci` through `prepare`).
require("../lib/cli/main.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
