// Webpack loader for the offline page: lowers packages' modern syntax (?., ??, class fields…) to what
// Chrome 69 runs (ES2018), with esbuild. Syntax esbuild cannot lower fails the build instead of shipping.
const { transform } = require("esbuild");

const TARGET = ["chrome69"];

module.exports = function es2018Loader(source, map) {
  const done = this.async();
  transform(source, { loader: "js", target: TARGET, sourcemap: true, sourcefile: this.resourcePath, format: undefined })
    .then((r) => done(null, r.code, r.map || map))
    .catch((e) => done(e));
};
