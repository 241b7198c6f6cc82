/**
 * Proxy objects as in Office.js (OfficeExtension.ClientObject): `load()` marks properties to fetch,
 * `context.sync()` fetches them, reading one that was not loaded (or before sync) throws
 * `PropertyNotLoaded`. Load strings follow Office.js: "a, b/c, items/x"; on a collection a plain
 * property name means that property of every item. A proxy binds to its model object the first time
 * a sync resolves it (so a renamed sheet stays the same proxy). `*OrNullObject` proxies learn
 * `isNullObject` at the next sync; acting on a null object fails with ItemNotFound.
 */
import { fail, notLoaded, SimOfficeError, valueNotLoaded } from "../errors";
import type { SimContext } from "./context";
import { stageValue, type Stage } from "./stage";

export type LoadSpec = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

export function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s) ?? []);
  if (typeof spec.select === "string" || typeof spec.expand === "string") {
    const sel = typeof spec.select === "string" ? spec.select : "";
    const exp = typeof spec.expand === "string" ? spec.expand : "";
    return [...(loadPaths(sel) ?? []), ...(loadPaths(exp) ?? [])];
  }
  const obj = spec as Record<string, unknown>;
  if (obj.$all === true) return null;
  return Object.entries(obj).flatMap(([k, v]) => {
    if (v === true) return [k];
    if (v && typeof v === "object") return (loadPaths(v as LoadSpec) ?? [""]).map((p) => (p ? `${k}/${p}` : k));
    return [];
  });
}

export abstract class SimObject<T> {
  protected readonly loadedProps = new Map<string, unknown>();
  private bound: T | null | undefined;
  private nullFlag: boolean | undefined;

  constructor(
    readonly context: SimContext,
    private readonly resolver: () => T | null,
    protected readonly typeName: string,
    private readonly orNull = false,
  ) {
    if (orNull) this.context.enqueue({ label: `${typeName}.isNullObject`, write: false, run: (st) => this.probe(st) });
  }

  /** Scalar properties `load()` with no argument fetches. */
  protected abstract scalarNames(): string[];
  protected abstract readScalar(target: T, name: string): unknown;
  /** Child proxies reachable by a load path ("format/fill/color"). */
  protected child(_name: string): SimObject<unknown> | null {
    return null;
  }
  /** Checked on every use: the object still exists (a deleted sheet, a removed rule). */
  protected alive(_target: T): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw notLoaded("isNullObject");
    return this.nullFlag;
  }

  /** An *OrNullObject reached through a missing object is a null object too (e.g. a null name's getRangeOrNullObject()). */
  private resolveOrNull(): T | null {
    if (this.bound === undefined || (this.bound !== null && !this.alive(this.bound))) {
      try {
        this.bound = this.resolver();
      } catch (e) {
        if (!(this.orNull && e instanceof SimOfficeError && e.code === "ItemNotFound")) throw e;
        this.bound = null;
      }
    }
    return this.bound;
  }

  private probe(st: Stage): void {
    const t = this.resolveOrNull();
    st.commits.push(() => (this.nullFlag = t === null));
  }

  /** The model object, at sync time. */
  target(): T {
    const t = this.resolveOrNull();
    if (t === null) fail("ItemNotFound", `The requested ${this.typeName} does not exist.`, this.typeName);
    if (!this.alive(t)) fail("ItemNotFound", `The ${this.typeName} no longer exists.`, this.typeName);
    return t;
  }

  /** Target of a proxy passed as an argument: it must come from the same request context. */
  argumentOf<U>(other: SimObject<U>): U {
    if (other.context !== this.context) fail("InvalidRequestContext", "Cannot use the object across different request contexts.", this.typeName);
    return other.target();
  }

  /** Binds this proxy to a model object created by a queued action (add()). */
  bind(t: T): void {
    this.bound = t;
    this.nullFlag = false;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue({ label: `${this.typeName}.load`, write: false, run: (st) => this.collect(paths, st) });
    return this;
  }

  collect(paths: string[] | null, st: Stage): void {
    const t = this.resolveOrNull();
    if (t === null) {
      st.commits.push(() => (this.nullFlag = true));
      return;
    }
    const target = this.target();
    st.commits.push(() => (this.nullFlag = false));
    const scalars = this.scalarNames();
    const nav = new Map<string, string[]>();
    for (const p of paths ?? scalars) {
      const [head = "", ...rest] = p.split("/");
      if (head === "isNullObject") continue;
      if (rest.length > 0 || (!scalars.includes(head) && this.child(head))) {
        (nav.get(head) ?? nav.set(head, []).get(head))?.push(rest.join("/"));
        continue;
      }
      if (!scalars.includes(head)) fail("InvalidArgument", `The property '${head}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      const v = this.readScalar(target, head);
      stageValue(st, v, () => this.loadedProps.set(head, v));
    }
    for (const [head, rests] of nav) {
      const c = this.child(head);
      if (!c) fail("InvalidArgument", `The property '${head}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      c.collect(rests.every((r) => r === "") ? null : rests.filter(Boolean), st);
    }
  }

  protected get<V>(name: string): V {
    if (!this.loadedProps.has(name)) throw notLoaded(name);
    return this.loadedProps.get(name) as V;
  }

  /** Queue a change to the document, applied to the model at sync. */
  protected write(member: string, request: unknown, apply: (t: T) => void): void {
    this.context.enqueue({ label: `${this.typeName}.${member}`, write: true, request, run: () => apply(this.target()) });
  }

  /** Queue a read that returns a value through a ClientResult. */
  protected result<V>(member: string, read: (t: T) => V): SimClientResult<V> {
    const r = new SimClientResult<V>();
    this.context.enqueue({ label: `${this.typeName}.${member}`, write: false, run: (st) => {
      const v = read(this.target());
      stageValue(st, v, () => r.settle(v));
    } });
    return r;
  }

  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const desc = findSetter(this, k);
      if (desc) desc.call(this, v);
      else if (v && typeof v === "object" && this.child(k)) this.child(k)?.set(v as Record<string, unknown>);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

function findSetter(obj: object, key: string): ((v: unknown) => void) | undefined {
  for (let p = Object.getPrototypeOf(obj) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return d.set;
  }
  return undefined;
}

/** OfficeExtension.ClientResult: `value` readable after the sync that computed it. */
export class SimClientResult<V> {
  private done = false;
  private v: V | undefined;

  settle(v: V): void {
    this.v = v;
    this.done = true;
  }

  get value(): V {
    if (!this.done) throw valueNotLoaded();
    return this.v as V;
  }
}

/**
 * A collection proxy: `items` after a load; a plain property name in `load()` means that property of
 * every item (Office.js collection semantics).
 */
export abstract class SimCollection<T, M, P extends SimObject<M>> extends SimObject<T> {
  private loadedItems: P[] | undefined;

  protected abstract list(target: T): M[];
  protected abstract itemProxy(model: M): P;

  protected scalarNames(): string[] {
    return [];
  }

  protected readScalar(): unknown {
    return undefined;
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  override collect(paths: string[] | null, st: Stage): void {
    const models = this.list(this.target());
    const itemPaths = paths === null ? null : paths.map((p) => p.replace(/^items\/?/, "")).filter((p) => p !== "");
    const proxies = models.map((m) => this.itemProxy(m));
    for (const p of proxies) p.collect(itemPaths === null || itemPaths.length === 0 ? null : itemPaths, st);
    st.commits.push(() => (this.loadedItems = proxies));
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this.loadedItems ?? []).map((p) => p.toJSON()) };
  }

  getCount(): SimClientResult<number> {
    return this.result("getCount", (t) => this.list(t).length);
  }
}
