/**
 * Document settings (SettingCollection, ExcelApi 1.4): add(key, value) replaces an existing key,
 * getItem / getItemOrNullObject, getCount, items; Setting key, value (settable, JSON round-tripped),
 * delete(). The real store is per add-in id and has been lost on Mac (toolchain notes); the simulator
 * keeps one store, which `controls.dropSettings()` can empty to act out that loss.
 */
import { fail } from "./errors";
import { SimCollection, SimObject } from "./proxy/client-object";
import type { SimContext } from "./proxy/context";

type Entry = { key: string };

const roundTrip = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)) as unknown);

export class SimSetting extends SimObject<Entry> {
  constructor(context: SimContext, resolver: () => Entry | null, orNull = false) {
    super(context, resolver, "Setting", orNull);
  }
  protected scalarNames(): string[] { return ["key", "value"]; }
  protected override alive(e: Entry): boolean { return this.context.core.model.settings.has(e.key); }
  protected readScalar(e: Entry, name: string): unknown { return name === "key" ? e.key : this.context.core.model.settings.get(e.key); }
  get key(): string { return this.get("key"); }
  get value(): unknown { return this.get("value"); }
  set value(v: unknown) { this.write("value", v, (e) => this.context.core.model.settings.set(e.key, roundTrip(v))); }
  delete(): void { this.write("delete", null, (e) => this.context.core.model.settings.delete(e.key)); }
}

export class SimSettingCollection extends SimCollection<Map<string, unknown>, Entry, SimSetting> {
  constructor(context: SimContext) {
    super(context, () => context.core.model.settings, "SettingCollection");
  }
  protected list(m: Map<string, unknown>): Entry[] { return [...m.keys()].map((key) => ({ key })); }
  protected itemProxy(e: Entry): SimSetting { return new SimSetting(this.context, () => e); }

  add(key: string, value: unknown): SimSetting {
    const proxy = new SimSetting(this.context, () => null);
    this.context.enqueue({ label: "SettingCollection.add", write: true, request: [key, value], run: () => {
      const v = this.context.core.requirements.missing("SettingCollection.add");
      if (v !== null) fail("ApiNotFound", `SettingCollection.add needs ExcelApi ${v}.`);
      if (typeof key !== "string" || key === "") fail("InvalidArgument", "A setting needs a key.");
      this.context.core.model.settings.set(key, roundTrip(value));
      proxy.bind({ key });
    } });
    return proxy;
  }
  getItem(key: string): SimSetting {
    return new SimSetting(this.context, () => (this.target().has(key) ? { key } : fail("ItemNotFound", `No setting "${key}".`)));
  }
  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this.context, () => (this.target().has(key) ? { key } : null), true);
  }
}
