/**
 * The few ES2019–2020 built-ins the bundle calls that Chrome 69 (old Chromium on 信创 desktops) lacks.
 * Imported first by the entry point, so they exist before any package's module code runs (zod reads
 * globalThis at load). Each is defined only where missing; syntax is lowered by the build instead.
 */

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

// globalThis: Chrome 71.
define(window, "globalThis", window);

// Object.fromEntries: Chrome 73.
define(Object, "fromEntries", function fromEntries<T>(entries: Iterable<readonly [PropertyKey, T]>): Record<PropertyKey, T> {
  const out: Record<PropertyKey, T> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
});

// String.prototype.matchAll: Chrome 73. Global regexps only (as the spec requires); a copy is iterated.
define(String.prototype, "matchAll", function* matchAll(this: string, re: RegExp): IterableIterator<RegExpExecArray> {
  if (!re.global) throw new TypeError("matchAll requires a global RegExp");
  const copy = new RegExp(re.source, re.flags);
  copy.lastIndex = re.lastIndex;
  const text = String(this);
  for (let m = copy.exec(text); m !== null; m = copy.exec(text)) {
    yield m;
    if (m[0] === "") copy.lastIndex += 1; // an empty match must not loop forever
  }
});
