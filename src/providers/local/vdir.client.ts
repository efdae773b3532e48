import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ProviderError } from '../../ports/errors.js';
import { writeFileAtomic, writeFileExclusive } from './atomic-file.client.js';

/**
 * A vdir (https://vdirsyncer.pimutils.org/en/stable/vdir.html): a folder of .ics files, one
 * calendar object per file, as vdirsyncer and khal keep it. This client only does file I/O.
 */
export interface VdirFile {
  name: string;
  /** Changes whenever the file's content may have changed (mtime in ns, size, inode). */
  version: string;
}

export class VdirClient {
  constructor(readonly dir: string) {}

  /** Identity of the folder itself: a replaced folder (new inode) invalidates sync cursors. */
  async identity(): Promise<string> {
    const s = await this.statDir();
    return `${s.dev}:${s.ino}`;
  }

  /** The .ics files, sorted by name. Hidden files (temporary writes) are left out. */
  async list(): Promise<VdirFile[]> {
    await this.statDir();
    const entries = await readdir(this.dir, { withFileTypes: true });
    const files: VdirFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || !/\.ics$/i.test(entry.name)) continue;
      try {
        const s = await stat(join(this.dir, entry.name), { bigint: true });
        files.push({ name: entry.name, version: `${s.mtimeNs}:${s.size}:${s.ino}` });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // removed while listing
      }
    }
    return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The file's bytes, or null when it was removed meanwhile. */
  async read(name: string): Promise<Buffer | null> {
    try {
      return await readFile(join(this.dir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Creates the file unless it exists (atomic; safe against a concurrent writer). */
  async create(name: string, content: string): Promise<boolean> {
    await this.statDir();
    return writeFileExclusive(join(this.dir, name), content);
  }

  /** Removes the file; nothing when it is already gone. */
  async remove(name: string): Promise<void> {
    await unlink(join(this.dir, name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  /** Hidden bookkeeping files ("." names, which vdir readers skip). */
  async readMarker(name: string): Promise<string | null> {
    try {
      return await readFile(join(this.dir, hidden(name)), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Creates the marker unless it exists; false when another writer has it. */
  async createMarker(name: string, content: string): Promise<boolean> {
    return writeFileExclusive(join(this.dir, hidden(name)), content);
  }

  async writeMarker(name: string, content: string): Promise<void> {
    await writeFileAtomic(join(this.dir, hidden(name)), content);
  }

  async removeMarker(name: string): Promise<void> {
    await unlink(join(this.dir, hidden(name))).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private async statDir() {
    try {
      const s = await stat(this.dir);
      if (!s.isDirectory()) throw new Error('not a folder');
      return s;
    } catch (err) {
      throw new ProviderError({
        code: 'NOT_FOUND',
        where: `local calendar ${this.dir}`,
        message: `the calendar folder is missing or not a folder (${(err as Error).message}). Create it, mount it, or fix local.calendarDir in the config`,
        cause: err,
      });
    }
  }
}

function hidden(name: string): string {
  return name.startsWith('.') ? name : `.${name}`;
}
