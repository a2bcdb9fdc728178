/** Types for bpv7.mjs, so that the TypeScript unit tests can import it. */
export declare const INDEFINITE_ARRAY: number;
export declare const BREAK: number;
export declare const DTN_EPOCH_UNIX_MS: number;
export declare const DTN_SCHEME: number;
export declare const DTN_NONE: Uint8Array;
export declare function cborHead(majorType: number, value: number | bigint): Uint8Array;
export declare function cborUint(n: number | bigint): Uint8Array;
export declare function cborBytes(b: Uint8Array): Uint8Array;
export declare function cborText(s: string): Uint8Array;
export declare function cborArray(items: Uint8Array[]): Uint8Array;
export declare function crc16X25(bytes: Uint8Array): number;
export declare function dtnEid(node: string): Uint8Array;
export interface BundleArgs {
  srcNode: string;
  dstNode: string;
  payload: Uint8Array;
  creationUnixMs: number;
  sequence?: number;
  lifetimeMs: number;
  bundleFlags?: number;
  crc16?: boolean;
}
export declare function encodeBundle(args: BundleArgs): Uint8Array;
