import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * File writes that other programs (vdirsyncer, khal, mail clients) never see half done:
 * write a hidden temporary file in the same folder, fsync it, then move it into place.
 */

/** Writes `content` to `path` unless the file exists. Returns false when it already existed.
 *  Uses link(2), which refuses to replace an existing file, so two writers cannot both win. */
export async function writeFileExclusive(path: string, content: string | Uint8Array): Promise<boolean> {
  const tmp = await writeTemp(dirname(path), content);
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** Writes `content` to `path`, replacing it atomically. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = await writeTemp(dirname(path), content);
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Writes a synced file under `dir` and returns its path (hidden name, ignored by readers). */
export async function writeTemp(dir: string, content: string | Uint8Array, name?: string): Promise<string> {
  const path = join(dir, name ?? `.followup-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return path;
}

export async function ensureDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}
