// The layer rule (layers.js) refuses an import across the layers of DESIGN.md or between sibling
// feature folders of app/, and lets through what the layers allow.

import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../../layers.js';

const ROOT = '/project';

function lint(file: string, source: string): string[] {
  const linter = new Linter({ cwd: ROOT });
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.ts'],
        plugins: { pursuit: { rules: { layers } } },
        rules: { 'pursuit/layers': 'error' },
      },
    ],
    join(ROOT, file),
  );
  return messages.map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['src/core/decide.ts', '../store/database.js', 'core/ may import only core/'],
    ['src/store/database.ts', '../app/context.js', 'store/ may import only core/, store/'],
    ['src/integrations/ics.ts', '../store/errors.js', 'integrations/ may import only core/, integrations/'],
    ['src/api/auth.ts', '../store/database.js', 'api/ may import only core/, app/, api/, not store/'],
    ['src/cli/commands/serve.ts', '../../api/server.js', 'cli/ may import only core/, app/, cli/, not api/'],
    ['src/app/import/x.ts', '../day/agenda.js', 'app/import/ may import app/accounts/, app/decisions/'],
    ['src/app/decisions/x.ts', '../model/calibrate.js', 'app/decisions/ may import no other feature'],
    ['src/app/context.ts', './day/agenda.js', "app/'s shared files import no feature folder"],
    ['src/app/shop/x.ts', '../day/agenda.js', 'app/shop/ is not in layers.js FEATURES'],
  ])('refuses %s importing %s', (file, spec, message) => {
    const found = lint(file, `import { x } from '${spec}';\nexport const y = x;\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it.each([
    ['src/core/decide.ts', './rules/build.js'],
    ['src/store/database.ts', '../core/errors.js'],
    ['src/app/import/x.ts', '../../integrations/crm/unit.js'],
    ['src/app/import/x.ts', '../decisions/decisions.js'],
    ['src/app/day/x.ts', '../context.js'],
    ['src/api/auth.ts', '../app/accounts/credentials.js'],
    ['src/cli/session.ts', '../core/records.js'],
    ['src/main.ts', './api/server.js'],
  ])('lets %s import %s', (file, spec) => {
    expect(lint(file, `export { x } from '${spec}';\n`)).toEqual([]);
  });
});
