/**
 * What every D-Bus discovery source says about itself, said one way: its
 * state (announced only on change), its events (a listener that throws is
 * logged, never allowed to leave the source half-updated), and the bad input
 * it dropped (counted by reason, logged once per reason).
 */
import type { EventEmitter } from 'node:events';
import type { Counters } from '../../util/counters.js';
import type { LogOnce } from '../log-once.js';
import type { DiscoverySourceEvents, SourceState } from './source.js';
import type { Drop } from './wpa-values.js';

export interface SourceReporterOptions {
  emitter: EventEmitter<DiscoverySourceEvents>;
  logOnce: LogOnce;
  counters: Counters;
  /** How logs name the program ('wpa_supplicant', 'Avahi'). */
  label: string;
  /** Counter prefix: `<prefix>.dropped.<reason>`. */
  counterPrefix: string;
  /** Once closing, a source says nothing more. */
  closing: () => boolean;
}

export class SourceReporter {
  #state: SourceState = 'down';
  readonly #o: SourceReporterOptions;

  constructor(o: SourceReporterOptions) {
    this.#o = o;
  }

  get state(): SourceState {
    return this.#state;
  }

  setState(s: SourceState): void {
    if (s === this.#state) return;
    this.#state = s;
    this.emit('state', () => this.#o.emitter.emit('state', s));
  }

  /** On close: 'down' without telling anyone, as the contract says. */
  silence(): void {
    this.#state = 'down';
  }

  emit(event: keyof DiscoverySourceEvents, send: () => void): void {
    if (this.#o.closing()) return;
    try {
      send();
    } catch (err) {
      this.#o.logOnce(`listener:${String(err)}`, 'discovery listener threw', { event, error: String(err) });
    }
  }

  dropped(d: Drop): void {
    this.#o.counters.bump(`${this.#o.counterPrefix}.dropped.${d.reason}`);
    this.#o.logOnce(`drop:${d.reason}`, `ignoring bad input from ${this.#o.label} (logged once per reason)`, {
      reason: d.reason, detail: d.detail,
    });
  }
}
