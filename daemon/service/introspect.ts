/**
 * What Introspect shows for our interfaces. dbus-next builds introspection
 * from its own member table, which has no argument names (gdbus and d-feet
 * would show "arg_0"); we dispatch ourselves and leave that table empty, so
 * this class answers from our spec, names included. dbus-next serialises the
 * returned object with xml2js, which is what its own $introspect returns.
 */
import { BaseInterface } from './dbus.js';
import type { ArgSpec, InterfaceSpec } from './member-spec.js';

interface XmlArg {
  $: { name: string; type: string; direction?: 'in' | 'out' };
}

export class SpecInterface extends BaseInterface {
  readonly #spec: InterfaceSpec;

  constructor(spec: InterfaceSpec) {
    super(spec.name);
    this.#spec = spec;
  }

  override $introspect(): unknown {
    const arg = (a: ArgSpec, direction?: 'in' | 'out'): XmlArg => ({
      $: direction ? { name: a.name, type: a.type, direction } : { name: a.name, type: a.type },
    });
    return {
      $: { name: this.#spec.name },
      method: this.#spec.methods.map((m) => ({
        $: { name: m.name },
        arg: [...m.in.map((a) => arg(a, 'in')), ...m.out.map((a) => arg(a, 'out'))],
      })),
      signal: this.#spec.signals.map((s) => ({ $: { name: s.name }, arg: s.args.map((a) => arg(a)) })),
    };
  }
}
