/**
 * The dependency guard (LAYERS in eslint.config.js) run through ESLint's own API, as `npm run lint`
 * runs it: a file placed in each layer with a forbidden import is reported, and the same file with
 * an allowed import is not. The files are given to ESLint with their path in the layer
 * (lintText + filePath), so nothing is written into src/.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });
});

/** The layer rule's messages for `code` placed at `path` (relative to the repository). */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'followup/layers').map((m) => m.message);
}

const use = (line: string) => `${line}\nexport const probe = [x];\n`;

const CASES: { layer: string; file: string; forbidden: string[]; allowed: string[] }[] = [
  {
    layer: 'domain',
    file: 'src/domain/probe.ts',
    forbidden: [
      "import { x } from '../log.js';",
      "import { x } from '../store/open-store.js';",
      "import type { x } from '../ports/store.js';",
      "import { x } from '../mail/compose.js';",
      "import { x } from '../security/crypto.js';",
      "import { x } from '../emulators/google/index.js';",
      "import { x } from 'kysely';",
      "import { readFileSync as x } from 'node:fs';",
      "import { randomUUID as x } from 'node:crypto';",
      "const x = await import('../worker/tick.js');",
    ],
    allowed: [
      "import { x } from './types.js';",
      "import { DateTime as x } from 'luxon';",
      "import * as x from 'chrono-node';",
      "import x from 'date-holidays';",
      "import { z as x } from 'zod';",
      "import { eld as x } from 'eld/small';",
      "import { createHash as x } from 'node:crypto';",
    ],
  },
  {
    layer: 'domain (a subfolder)',
    file: 'src/domain/reply/probe.ts',
    forbidden: ["import { x } from '../../log.js';", "export { x } from '../../http/views.js';"],
    allowed: ["import type { x } from '../types.js';", "import { x } from './times.js';"],
  },
  {
    layer: 'ports',
    file: 'src/ports/probe.ts',
    forbidden: ["import type { x } from '../store/schema.js';", "import { x } from 'kysely';"],
    allowed: ["import type { x } from '../domain/types.js';"],
  },
  {
    layer: 'worker',
    file: 'src/worker/probe.ts',
    forbidden: [
      "import { x } from '../http/server.js';",
      "import { x } from '../providers/google/index.js';",
      "import { x } from '../store/open-store.js';",
      "import { x } from '../app/runtime.js';",
      "import type { x } from '../config.js';",
      "import { x } from '../mail/compose.js';",
      "import { x } from '../security/crypto.js';",
      "import { x } from 'kysely';",
    ],
    allowed: [
      "import type { x } from '../domain/types.js';",
      "import type { x } from '../ports/store.js';",
      "import { x } from '../templates/engine.js';",
      "import { x } from '../log.js';",
      "import { x } from '../security/tokens.js';",
      "import { x } from './context.js';",
      "import { DateTime as x } from 'luxon';",
    ],
  },
  {
    layer: 'providers',
    file: 'src/providers/google/probe.ts',
    forbidden: [
      "import { x } from '../../store/open-store.js';",
      "import { x } from '../../worker/tick.js';",
      "import { x } from '../../http/app.js';",
      "import { x } from '../../emulators/google/index.js';",
    ],
    allowed: [
      "import { x } from '../../ports/errors.js';",
      "import { x } from '../retry.js';",
      "import { x } from '../../security/crypto.js';",
      "import { calendar as x } from '@googleapis/calendar';",
    ],
  },
  {
    layer: 'templates',
    file: 'src/templates/probe.ts',
    forbidden: ["import { x } from '../providers/local/index.js';", "import { x } from '../store/open-store.js';"],
    allowed: ["import type { x } from '../domain/types.js';", "import x from 'handlebars';"],
  },
  {
    layer: 'emulators',
    file: 'src/emulators/microsoft/probe.ts',
    forbidden: ["import { x } from '../../providers/microsoft/graph-time.mapper.js';", "import { x } from '../../store/open-store.js';"],
    allowed: ["import { x } from './graph-time.js';", "import { x } from '../../mail/parse-mime.js';", "import { http as x } from 'msw';"],
  },
];

describe('the dependency guard in eslint.config.js', () => {
  for (const c of CASES) {
    describe(c.layer, () => {
      it.each(c.forbidden)(`reports %s in ${c.file}`, async (line) => {
        const problems = await layerProblems(c.file, use(line));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/may not import/);
      });

      it.each(c.allowed)(`accepts %s in ${c.file}`, async (line) => {
        expect(await layerProblems(c.file, use(line))).toEqual([]);
      });
    });
  }

  it('names the layer, the import and what the layer may import instead', async () => {
    const [message] = await layerProblems('src/domain/probe.ts', use("import { x } from '../log.js';"));
    expect(message).toBe(
      'src/domain may not import "../log.js" (src/log). It may import only: src/domain, luxon, chrono-node, date-holidays, zod, eld, ' +
        'node:crypto (createHash). See LAYERS in eslint.config.js.',
    );
  });

  it('leaves test files free to set up anything', async () => {
    expect(await layerProblems('src/domain/probe.test.ts', use("import { x } from '../store/open-store.js';"))).toEqual([]);
  });
});
