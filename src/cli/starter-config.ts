import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example configs shipped in the package's `config/` folder (also read by people). */
export const BUNDLED_CONFIG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../config');

/** What `followup init` writes: file name → the bundled example it is copied from. */
export const STARTER_FILES = [
  { file: 'followup.yaml', example: 'followup.example.yaml' },
  { file: 'prospects.yaml', example: 'prospects.example.yaml' },
] as const;

export function readStarter(example: string): string {
  const path = resolve(BUNDLED_CONFIG_DIR, example);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`The example config ${path} is missing from this installation; reinstall followup, or copy the example from README.md, "Configuration".`);
  }
}
