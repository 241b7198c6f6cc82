/**
 * Compression and checksums the package code uses: portable ones (fflate, a table CRC) by default;
 * a host may pass native ones (the CLI passes Node's zlib, several times faster on large sheets).
 */
import { deflateSync, inflateSync } from "fflate";
import { crc32 } from "./crc32";

export interface Codec {
  /** Raw DEFLATE. */
  deflate(data: Uint8Array): Uint8Array;
  /** Raw INFLATE into at most `max` bytes (output beyond is cut, so a lying size is seen, never followed). */
  inflate(data: Uint8Array, max: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export const portableCodec: Codec = {
  // Stryker disable next-line ObjectLiteral: 6 is fflate's default level; said here so the output does not depend on it
  deflate: (data) => deflateSync(data, { level: 6 }),
  inflate: (data, max) => inflateSync(data, { out: new Uint8Array(max) }),
  crc32,
};
