/**
 * Text encoded to UTF-8 as it is produced, in 1 MiB blocks: a large part (a 100,000-row sheet) is
 * never held as one string and its encoding at the same time.
 */
const BLOCK = 1 << 20;

export class ByteSink {
  private readonly blocks: Uint8Array[] = [];
  private block = new Uint8Array(BLOCK);
  private at = 0;
  private readonly enc = new TextEncoder();

  push(text: string): void {
    let rest = text;
    while (rest.length) {
      // At most 3 bytes per UTF-16 unit: write what surely fits, then move to a new block.
      const room = this.block.length - this.at;
      if (room < 4) this.flush();
      // Stryker disable next-line MethodExpression,ArithmeticOperator: a larger take only hands encodeInto more than fits; it writes whole characters and reports what it read
      let take = Math.min(rest.length, Math.floor((this.block.length - this.at) / 3));
      // Never split a surrogate pair between blocks.
      const code = rest.charCodeAt(take - 1);
      if (take < rest.length && code >= 0xd800 && code <= 0xdbff) take--;
      if (take <= 0) {
        this.flush();
        continue;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: the whole rest gives the same bytes (encodeInto stops at the block's end on a character boundary)
      const piece = take < rest.length ? rest.slice(0, take) : rest;
      const { read, written } = this.enc.encodeInto(piece, this.block.subarray(this.at));
      this.at += written;
      rest = rest.slice(read);
    }
  }

  private flush(): void {
    this.blocks.push(this.block.subarray(0, this.at));
    this.block = new Uint8Array(BLOCK);
    this.at = 0;
  }

  bytes(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.blocks.reduce((n, b) => n + b.length, 0));
    let p = 0;
    for (const b of this.blocks) {
      out.set(b, p);
      p += b.length;
    }
    this.blocks.length = 0;
    return out;
  }
}
