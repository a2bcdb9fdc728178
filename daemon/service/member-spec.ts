/**
 * One table per interface describes each method and signal once; dispatch,
 * argument checking, signal emission and live introspection all read it, so
 * they cannot drift apart (the committed XML is checked against it in tests).
 */
import type { MessengerApi } from '../messenger/api.js';
import type { DraftsApi } from '../messenger/drafts.js';
import type { BusKind } from './bus.js';

export interface ArgSpec {
  readonly name: string;
  readonly type: string;
}

export interface MethodSpec {
  readonly name: string;
  readonly in: readonly ArgSpec[];
  readonly out: readonly ArgSpec[];
  /** Called only with arguments whose signature matched `in`; returns the out args. */
  readonly run: (ctx: MethodContext, args: readonly unknown[]) => Promise<unknown[]> | unknown[];
}

export interface SignalSpec {
  readonly name: string;
  readonly args: readonly ArgSpec[];
}

export interface InterfaceSpec {
  readonly name: string;
  readonly methods: readonly MethodSpec[];
  readonly signals: readonly SignalSpec[];
}

export interface DaemonStatus {
  version: string;
  startedMs: number;
  uptimeMs: number;
  busKind: BusKind;
  uniqueName: string;
  pid: number;
}

/** What only the composition root knows: discovery sources and configuration. */
export interface DaemonInfo {
  /** Each discovery source by name: 'up', 'down' or 'disabled'. */
  sources: Record<string, string>;
  /**
   * Laptops discovery knows are near, session or not: in a crowded room a
   * laptop is heard long before every session is open.
   */
  neighboursHeard?: number;
  configPath: string;
  config: Record<string, string | number | boolean>;
}

/** What discovery knows of a neighbour: the sources that reported it and when one last did. */
export interface NeighbourSeen {
  sources: string[];
  /** Wall-clock ms of the latest report. */
  lastSeenMs: number;
}

export type NeighbourLookup = (nodeIdHex: string) => NeighbourSeen | undefined;

export interface MethodContext {
  readonly messenger: MessengerApi;
  readonly drafts: DraftsApi;
  status(): DaemonStatus;
  daemonInfo(): DaemonInfo;
  neighbourSeen: NeighbourLookup;
}

export function signatureOf(args: readonly ArgSpec[]): string {
  return args.map((a) => a.type).join('');
}
