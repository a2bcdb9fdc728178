/** Bytes a protobuf varint takes for the non-negative integer n: what a length prefix or tag costs. */
export function varintBytes(n) {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    len++;
  }
  return len;
}
