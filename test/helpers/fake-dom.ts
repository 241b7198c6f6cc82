/**
 * Just enough of a DOM for src/taskpane/dom.ts's h() in node tests (no jsdom in the project): elements
 * with id, class, attributes, children and textContent; events are accepted and ignored.
 */
export class FakeNode {
  readonly childNodes: FakeNode[] = [];
  id = "";
  className = "";
  readonly attributes = new Map<string, string>();

  constructor(readonly tagName: string, private readonly text = "") {}

  appendChild(child: FakeNode): FakeNode {
    this.childNodes.push(child);
    return child;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  addEventListener(): void {}

  get textContent(): string {
    return this.tagName === "#text" ? this.text : this.childNodes.map((c) => c.textContent).join("");
  }

  get children(): FakeNode[] {
    return this.childNodes.filter((c) => c.tagName !== "#text");
  }

  /** Descendant elements whose class list holds `cls` (document order). */
  byClass(cls: string): FakeNode[] {
    return this.children.flatMap((c) => [...(c.className.split(" ").includes(cls) ? [c] : []), ...c.byClass(cls)]);
  }
}

/** Runs `fn` with a fake `document` installed on globalThis, then removes it. */
export function withFakeDocument<T>(fn: () => T): T {
  const g = globalThis as { document?: unknown };
  const before = g.document;
  g.document = { createElement: (tag: string) => new FakeNode(tag), createTextNode: (text: string) => new FakeNode("#text", text) };
  try {
    return fn();
  } finally {
    g.document = before;
  }
}

/** The fake node h() returned (typed as the HTMLElement it stands for). */
export function fake(el: unknown): FakeNode {
  if (!(el instanceof FakeNode)) throw new Error("not built with the fake document");
  return el;
}
