/**
 * The one error type of satchel. Every failure that crosses a boundary
 * (D-Bus, CLI, network counters) carries a stable `code`; the D-Bus face maps
 * the code to `org.satchel.Satchel1.Error.<Name>` so activities can branch on it.
 */

export const ERROR_CODES = {
  INVALID_ARGUMENT: 'InvalidArgument',
  UNKNOWN_CONTACT: 'UnknownContact',
  EMPTY_BODY: 'EmptyBody',
  BODY_TOO_LARGE: 'BodyTooLarge',
  NOT_FOUND: 'NotFound',
  STORE_FULL: 'StoreFull',
  STORE_SCHEMA: 'StoreSchema',
  FRAME_TOO_LARGE: 'FrameTooLarge',
  BAD_FRAME: 'BadFrame',
  HANDSHAKE_FAILED: 'HandshakeFailed',
  DECRYPT_FAILED: 'DecryptFailed',
  CLOSED: 'Closed',
  CONFIG: 'Config',
  WIFI_FAILED: 'WifiFailed',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class SatchelError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SatchelError';
    this.code = code;
  }

  /** Name used on D-Bus after `org.satchel.Satchel1.Error.` */
  get dbusName(): string {
    return ERROR_CODES[this.code];
  }

  static invalidArgument(message: string): SatchelError {
    return new SatchelError('INVALID_ARGUMENT', message);
  }
  static unknownContact(id: string): SatchelError {
    return new SatchelError('UNKNOWN_CONTACT', `no contact with id ${JSON.stringify(id)}`);
  }
  static emptyBody(): SatchelError {
    return new SatchelError('EMPTY_BODY', 'message body is empty');
  }
  static bodyTooLarge(size: number, max: number): SatchelError {
    return new SatchelError('BODY_TOO_LARGE', `message body is ${size} bytes; the limit is ${max}`);
  }
  static notFound(what: string): SatchelError {
    return new SatchelError('NOT_FOUND', `${what} not found`);
  }
  static storeFull(detail: string, cause?: unknown): SatchelError {
    return new SatchelError('STORE_FULL', `store is full: ${detail}`, { cause });
  }
  static storeSchema(found: unknown, expected: number): SatchelError {
    return new SatchelError('STORE_SCHEMA', `store schema version ${String(found)} is not the supported ${expected}`);
  }
  static frameTooLarge(size: number, max: number): SatchelError {
    return new SatchelError('FRAME_TOO_LARGE', `frame of ${size} bytes exceeds the maximum ${max}`);
  }
  static badFrame(reason: string, cause?: unknown): SatchelError {
    return new SatchelError('BAD_FRAME', `bad frame: ${reason}`, { cause });
  }
  static handshakeFailed(reason: string, cause?: unknown): SatchelError {
    return new SatchelError('HANDSHAKE_FAILED', `handshake failed: ${reason}`, { cause });
  }
  static decryptFailed(): SatchelError {
    return new SatchelError('DECRYPT_FAILED', 'ciphertext did not authenticate');
  }
  static closed(what: string): SatchelError {
    return new SatchelError('CLOSED', `${what} is closed`);
  }
  static config(key: string, problem: string): SatchelError {
    return new SatchelError('CONFIG', `configuration ${key}: ${problem}`);
  }
  /** Joining, leaving or looking at Wi-Fi networks failed (the data mule's worker or nmcli). */
  static wifiFailed(what: string, cause?: unknown): SatchelError {
    return new SatchelError('WIFI_FAILED', `Wi-Fi ${what}`, { cause });
  }
}

export function isSatchelError(err: unknown, code?: ErrorCode): err is SatchelError {
  return err instanceof SatchelError && (code === undefined || err.code === code);
}
