/**
 * Who owns a well-known bus name right now: one GetNameOwner, then the bus
 * daemon's NameOwnerChanged signals (the caller holds the match rule).
 * A service that restarts shows up as the name going and coming back with a
 * new unique name; one that is replaced as both at once.
 */
import type { DbusMessage } from '../../service/dbus.js';
import type { DbusCaller } from './dbus-calls.js';
import { DBUS_IFACE, DBUS_SERVICE } from './wpa-names.js';

/** Told `undefined` when the owner goes, and the new unique name when one comes. */
export type OwnerChange = (owner: string | undefined) => void;

export class NameOwnerWatch {
  readonly #caller: DbusCaller;
  readonly #name: string;
  readonly #onChange: OwnerChange;
  #owner: string | undefined;
  /** False until GetNameOwner or a NameOwnerChanged has told us. */
  #known = false;
  #changes = 0;

  constructor(caller: DbusCaller, name: string, onChange: OwnerChange) {
    this.#caller = caller;
    this.#name = name;
    this.#onChange = onChange;
  }

  get owner(): string | undefined {
    return this.#owner;
  }

  get known(): boolean {
    return this.#known;
  }

  /** Asks the bus once; never rejects (an unanswered question leaves the name unowned). */
  async query(): Promise<void> {
    const before = this.#changes;
    const owner = await this.#caller.nameOwner(this.#name).catch(() => undefined);
    // A NameOwnerChanged that arrived meanwhile is newer than this answer.
    if (this.#changes !== before) return;
    this.#known = true;
    this.#set(owner);
  }

  /** True if `msg` was the bus's NameOwnerChanged for our name (and has been applied). */
  handle(msg: DbusMessage): boolean {
    if (msg.sender !== DBUS_SERVICE || msg.interface !== DBUS_IFACE || msg.member !== 'NameOwnerChanged') return false;
    const [name, , newOwner] = msg.body;
    if (msg.signature !== 'sss' || name !== this.#name) return false;
    this.#changes++;
    this.#known = true;
    this.#set(undefined);
    if (typeof newOwner === 'string' && newOwner !== '') this.#set(newOwner);
    return true;
  }

  /** The bus itself is gone: nobody owns anything we can see. */
  forget(): void {
    this.#changes++;
    this.#set(undefined);
  }

  #set(owner: string | undefined): void {
    if (owner === this.#owner) return;
    if (owner !== undefined && this.#owner !== undefined) this.#set(undefined);
    this.#owner = owner;
    this.#onChange(owner);
  }
}
