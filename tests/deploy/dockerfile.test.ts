import { exec, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/http/free-port.js';

/**
 * The Dockerfile, tested where this machine allows: base images cannot be pulled here, so the test
 * parses it and runs its exact build-stage commands (install, build, pack, production install) in a
 * temporary folder standing for the image's /src, /app and /tmp, then starts its ENTRYPOINT + CMD as
 * an unprivileged user (nobody, when the test runs as root), as the final stage's `USER node` would.
 * It also measures what the image carries: the production install's size, and no msw.
 */
const ROOT = process.cwd();
const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const NOBODY = 65534;

interface Stage {
  from: string;
  instructions: { op: string; args: string }[];
}

function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of lines) {
    const m = /^([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`Dockerfile: cannot read ${JSON.stringify(line)}`);
    const [, op, args] = m as unknown as [string, string, string];
    if (op === 'FROM') stages.push({ from: args, instructions: [] });
    else if (!stages.at(-1)) throw new Error(`Dockerfile: ${op} before FROM`);
    else stages.at(-1)!.instructions.push({ op, args });
  }
  return stages;
}


// Async, so vitest's worker keeps answering while npm runs for minutes.
const sh = promisify(exec);
const run = promisify(execFile);

/** File sizes (what npm and Lambda's 250 MB limit count), not 4 KB disk blocks. */
function duMegabytes(dir: string): number {
  return Number(execFileSync('du', ['-sm', '--apparent-size', dir], { encoding: 'utf8' }).split('\t')[0]);
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

const work = mkdtempSync(join(tmpdir(), 'followup-docker-'));
chmodSync(work, 0o755); // mkdtemp makes it 0700: the unprivileged user must reach the image's folders
const NODE_MAJOR_MINOR = process.versions.node.split('.').map(Number);
// Async and with time: the folder holds a whole `npm ci`, and a synchronous delete under load held
// vitest's worker past its 60 s hook limit (and its RPC timeout) after both tests had passed.
afterAll(() => rm(work, { recursive: true, force: true }), 600_000);

describe('Dockerfile', () => {
  const stages = parseDockerfile(DOCKERFILE);
  const build = stages[0]!;
  const final = stages.at(-1)!;

  it('is multi-stage on a Node >= 22 slim image, runs as a non-root user, with `serve` as its command', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) {
      const m = /^node:(\d+)-slim\b/.exec(s.from);
      expect(m, s.from).toBeTruthy();
      expect(Number(m![1])).toBeGreaterThanOrEqual(22);
    }
    const user = final.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(JSON.parse(final.instructions.find((i) => i.op === 'CMD')!.args)).toEqual(['serve']);
    const entry = JSON.parse(final.instructions.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
    expect(entry[0]).toBe('node');
    expect(entry[1]).toMatch(/followup\/bin\/followup\.js$/);
    const env = final.instructions.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(env).toMatch(/\bPORT=\d+/);
    expect(final.instructions.some((i) => i.op === 'COPY' && i.args.includes('--from='))).toBe(true);
  });

  it('its build commands work, and its command serves the pages and runs the worker as a non-root user', async () => {
    const imageMajor = Number(/^node:(\d+)/.exec(final.from)![1]);
    const [major = 0, minor = 0] = NODE_MAJOR_MINOR;
    if (major < imageMajor || (major === 22 && minor < 16)) {
      throw new Error(`Run this test on the image's Node (${final.from}, and 22.16 or later): this is Node ${process.versions.node}. .ci/run does it with the npm registry's node@22.`);
    }
    const paths: [string, string][] = [
      ['/src', join(work, 'src')],
      ['/app', join(work, 'app')],
      ['/tmp', join(work, 'tmp')],
      ['/config', join(work, 'config')],
      ['/data', join(work, 'data')],
    ];
    // One pass, so a replaced path is never rewritten again (the temporary folder is under /tmp).
    const pattern = new RegExp(`(^|[\\s="'])(${paths.map(([from]) => from.replace(/\//g, '\\/')).join('|')})(?=$|[\\s/"'])`, 'g');
    const local = (s: string) => s.replace(pattern, (_m, lead: string, from: string) => lead + paths.find(([f]) => f === from)![1]);
    for (const [, dir] of paths) mkdirSync(dir, { recursive: true });
    // The build context: the files git would see (what `COPY . .` sends, less .dockerignore).
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').filter(Boolean);
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const context = join(work, 'context');
    for (const f of files) {
      if (ignored.some((i) => f === i || f.startsWith(`${i}/`)) || !existsSync(join(ROOT, f))) continue;
      mkdirSync(dirname(join(context, f)), { recursive: true });
      cpSync(join(ROOT, f), join(context, f));
    }

    let cwd = '/';
    const ran: string[] = [];
    for (const { op, args } of build.instructions) {
      if (op === 'WORKDIR') cwd = args;
      else if (op === 'COPY') {
        const parts = args.split(/\s+/);
        const dest = parts.pop()!;
        for (const src of parts) cpSync(join(context, src), src === '.' ? local(cwd) : join(local(cwd), dest === './' ? src : dest), { recursive: true });
      } else if (op === 'RUN') {
        if (/^apt-get\b/.test(args)) continue; // system packages (python3, make, g++) are on this machine
        await sh(local(args), { cwd: local(cwd), env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
        ran.push(args);
      }
    }
    expect(ran.join('\n')).toMatch(/npm ci[\s\S]*npm pack[\s\S]*npm install --omit=dev/);

    // What the image carries: the production install only.
    const app = join(work, 'app');
    expect(existsSync(join(app, 'node_modules/msw'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/date-holidays'))).toBe(false);
    expect(readdirSync(join(app, 'node_modules/followup/dist')).filter((d) => ['emulators', 'demo', 'bench'].includes(d))).toEqual([]);
    const size = duMegabytes(join(app, 'node_modules'));
    console.log(`production install in the image: ${size} MB`);
    expect(size).toBeLessThan(100);

    // The final stage: a config with a local account, files owned by the unprivileged user.
    const config = join(work, 'config');
    const data = join(work, 'data');
    for (const d of ['cal', 'mail/cur', 'mail/new', 'mail/tmp', 'out/cur', 'out/new', 'out/tmp']) mkdirSync(join(data, d), { recursive: true });
    writeFileSync(join(config, 'prospects.yaml'), '- { email: linda@acme.example, name: Linda Park, timeZone: America/Chicago }\n');
    writeFileSync(
      join(config, 'followup.yaml'),
      [
        'prospects: prospects.yaml',
        `store: { sqlitePath: ${join(data, 'followup.db')} }`,
        'accounts:',
        '  - { id: me, name: Rep, email: rep@example.com, timeZone: America/New_York, provider: local,',
        `      local: { calendarDir: ${join(data, 'cal')}, maildir: ${join(data, 'mail')}, outgoing: { kind: maildir, dir: ${join(data, 'out')} } } }`,
        '',
      ].join('\n'),
    );
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [app, config, data]) chownTree(d, NOBODY);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: data };
    for (const i of final.instructions.filter((x) => x.op === 'ENV')) {
      for (const [, k, v] of i.args.matchAll(/(\w+)=(\S+)/g)) env[k!] = local(v!);
    }
    const port = await freePort();
    Object.assign(env, { HOST: '127.0.0.1', PORT: String(port), FOLLOWUP_ENCRYPTION_KEY: 'k'.repeat(44), FOLLOWUP_WEB_SECRET: 'w'.repeat(40) });
    const entry = JSON.parse(final.instructions.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
    const cmd = JSON.parse(final.instructions.find((i) => i.op === 'CMD')!.args) as string[];
    const argv = [...entry, ...cmd].map(local);
    const user = asRoot ? { uid: NOBODY, gid: NOBODY } : {};

    const once = await run(process.execPath, [...argv.slice(1, -1), 'run', '--once'], { cwd: app, env, encoding: 'utf8', timeout: 120_000, ...user });
    expect(once.stdout).toMatch(/Synced|Nothing to do|Drafted/);

    const child = spawn(process.execPath, argv.slice(1), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], ...user });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      let healthy = false;
      for (let i = 0; i < 120 && !healthy; i += 1) {
        await new Promise((r) => setTimeout(r, 500));
        healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      }
      expect(healthy, output).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      if (asRoot) {
        const uid = execFileSync('ps', ['-o', 'uid=', '-p', String(child.pid)], { encoding: 'utf8' }).trim();
        expect(uid).toBe(String(NOBODY));
      }
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 1_500_000);
});
