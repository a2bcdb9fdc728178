/** satchel's version: package.json's, found from dist/daemon/cli or daemon/cli alike. */
import { readFileSync } from 'node:fs';

const CANDIDATES = ['../../../package.json', '../../package.json'];

export const CLI_VERSION: string = (() => {
  for (const rel of CANDIDATES) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'satchel' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not here; try the next layout.
    }
  }
  return '0.0.0';
})();
