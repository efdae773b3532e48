import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer } from '../../src/http/server.js';
import { makeWorkspace, NOW, type Workspace } from './workspace.js';

describe('startWebServer', () => {
  let ws: Workspace | null = null;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await ws?.close();
  });

  it('serves on 127.0.0.1 and, for the demo workspace, prints a ready sign-in link per rep', async () => {
    ws = await makeWorkspace();
    const lines: string[] = [];
    stops.push(await startWebServer(ws.runtime, { print: (l) => lines.push(l), port: 0, now: () => NOW }));
    const url = /^Approval pages: (http:\/\/127\.0\.0\.1:\d+)\//.exec(lines[0]!)?.[1];
    expect(url).toBeTruthy();
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    const links = lines.filter((l) => l.startsWith('Sign in as'));
    expect(links).toHaveLength(3);
    const link = /(http:\/\/\S+)/.exec(links[0]!)![1]!;
    expect(link.startsWith(`${url}/login/`)).toBe(true);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign in as <strong>Alex Morgan</strong>');
  });

  it('prints no links outside the demo workspace unless asked, and explains a busy port', async () => {
    ws = await makeWorkspace();
    rmSync(join(ws.dir, '.followup-demo'));
    const lines: string[] = [];
    stops.push(await startWebServer(ws.runtime, { print: (l) => lines.push(l), port: 0 }));
    expect(lines.filter((l) => l.startsWith('Sign in as'))).toHaveLength(0);
    const port = Number(/:(\d+)\//.exec(lines[0]!)![1]);
    await expect(startWebServer(ws.runtime, { print: () => undefined, port })).rejects.toThrow(/in use/);
    const asked: string[] = [];
    stops.push(await startWebServer(ws.runtime, { print: (l) => asked.push(l), port: 0, printLinks: true }));
    expect(asked.filter((l) => l.startsWith('Sign in as'))).toHaveLength(3);
  });
});
