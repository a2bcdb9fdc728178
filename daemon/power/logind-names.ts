/**
 * Names from systemd-logind's D-Bus API (org.freedesktop.login1(5), and
 * src/login/logind-dbus.c for the error names the page leaves out), kept in
 * one place so the watch and its tests cannot drift apart on a spelling.
 */
import { DBUS_IFACE, DBUS_PATH, DBUS_SERVICE } from '../discovery/sources/wpa-names.js';

export const LOGIND_SERVICE = 'org.freedesktop.login1';
export const LOGIND_PATH = '/org/freedesktop/login1';
export const LOGIND_MANAGER_IFACE = 'org.freedesktop.login1.Manager';

/** Sent with `true` before suspend or hibernate, and with `false` after resume (or a failed attempt). */
export const PREPARE_FOR_SLEEP = 'PrepareForSleep';
/** Inhibit(ssss) -> h: the lock lasts as long as the descriptor (and every copy of it) stays open. */
export const INHIBIT = 'Inhibit';
/** Microseconds logind waits for delay locks before sleeping anyway; 5 s unless logind.conf says otherwise. */
export const INHIBIT_DELAY_MAX_PROPERTY = 'InhibitDelayMaxUSec';

/** logind refuses a new lock for an operation already under way (between the two PrepareForSleep signals). */
export const OPERATION_IN_PROGRESS = 'org.freedesktop.login1.OperationInProgress';

/** What satchel's lock says of itself in `systemd-inhibit --list`. */
export const INHIBIT_WHAT = 'sleep';
export const INHIBIT_WHO = 'satchel';
export const INHIBIT_WHY = 'finishing message transfers';
export const INHIBIT_MODE = 'delay';

/**
 * The two AddMatch rules, for the watch's whole life. A well-known sender in
 * a rule is resolved by the bus at delivery time, so these keep working
 * across logind restarts without a new AddMatch (dbus-next 0.10.2 leaks the
 * rules it is asked to remove, so churn would grow the bus's table).
 */
export const LOGIND_MATCH_RULES: readonly string[] = [
  `type='signal',sender='${DBUS_SERVICE}',path='${DBUS_PATH}',interface='${DBUS_IFACE}',member='NameOwnerChanged',arg0='${LOGIND_SERVICE}'`,
  `type='signal',sender='${LOGIND_SERVICE}',path='${LOGIND_PATH}',interface='${LOGIND_MANAGER_IFACE}',member='${PREPARE_FOR_SLEEP}'`,
];
