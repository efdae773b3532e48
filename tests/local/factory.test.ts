import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import type { Store } from '../../src/ports/store.js';
import { createLocalProviders } from '../../src/providers/local/index.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from './helpers.js';

describe('createLocalProviders', () => {
  let remove: (() => Promise<void>) | null = null;
  afterEach(async () => remove?.());

  it('creates the folders, relative to the config file, and offers no attendance or native drafts', async () => {
    const temp = await makeTempDir('factory');
    remove = temp.remove;
    const providers = await makeLocalProviders(makeLocalConfig({ baseDir: temp.dir }));
    expect((await readdir(temp.dir)).sort()).toEqual(['calendar', 'inbox', 'outbox']);
    for (const maildir of ['inbox', 'outbox']) expect((await readdir(join(temp.dir, maildir))).sort()).toEqual(['cur', 'new', 'tmp']);
    expect((await stat(join(temp.dir, 'calendar'))).isDirectory()).toBe(true);
    expect(providers.calendar.calendarId).toBe('local:rep1');
    expect(providers.mailbox).not.toBeNull();
    expect(providers.attendance).toBeNull();
    expect(providers.drafts).toBeNull();
    expect(providers.conference).toBe(false);
  });

  it('creates the Sent Maildir of an SMTP account only when configured', async () => {
    const temp = await makeTempDir('factory-smtp');
    remove = temp.remove;
    await makeLocalProviders(makeLocalConfig({ baseDir: temp.dir, outgoing: { kind: 'smtp', host: '127.0.0.1', port: 2525, sentDir: 'mail/sent' } }));
    expect((await readdir(join(temp.dir, 'mail', 'sent'))).sort()).toEqual(['cur', 'new', 'tmp']);
  });

  it('explains a missing local section', async () => {
    const temp = await makeTempDir('factory-missing');
    remove = temp.remove;
    const config = makeLocalConfig({ baseDir: temp.dir });
    const account = { ...config.accounts[0]!, local: undefined };
    await expect(createLocalProviders({ account, config, store: {} as Store, logger: silentLogger(), now: () => new Date() })).rejects.toThrow(
      /uses provider "local" but has no "local" section; add local\.calendarDir, local\.maildir and local\.outgoing/,
    );
  });
});
