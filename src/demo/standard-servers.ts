import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import type * as SmtpServerModule from 'smtp-server';
import { join } from 'node:path';
import { freePort } from '../http/free-port.js';

/**
 * Real servers for the standard provider, started in user space on 127.0.0.1 with a temporary
 * config and data folder, and stopped after: Radicale (CalDAV, Debian package `radicale`),
 * Dovecot (IMAP, `dovecot-imapd`) and an SMTP server that records what it accepts
 * (the `smtp-server` package). Used by the tests and by `followup demo --provider standard`.
 */
export const INSTALL_HINT = 'sudo apt-get install radicale dovecot-imapd';

export interface ServerBinaries {
  radicale: string[] | null;
  dovecot: string | null;
}

/** Where Radicale and Dovecot are, or null for each one that is missing. */
export function findServerBinaries(): ServerBinaries {
  const which = (cmd: string) => {
    const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : null;
  };
  const radicaleBin = which('radicale') ?? (existsSync('/usr/bin/radicale') ? '/usr/bin/radicale' : null);
  let radicale: string[] | null = radicaleBin ? [radicaleBin] : null;
  if (!radicale) {
    const python = spawnSync('/usr/bin/python3', ['-c', 'import radicale'], { encoding: 'utf8' });
    if (python.status === 0) radicale = ['/usr/bin/python3', '-m', 'radicale'];
  }
  const dovecot = which('dovecot') ?? (existsSync('/usr/sbin/dovecot') ? '/usr/sbin/dovecot' : null);
  return { radicale, dovecot };
}

/** A sentence naming what is missing, or null when both servers are installed. */
export function missingServers(b: ServerBinaries = findServerBinaries()): string | null {
  const missing = [!b.radicale && 'Radicale (radicale)', !b.dovecot && 'Dovecot (dovecot-imapd)'].filter(Boolean);
  return missing.length ? `${missing.join(' and ')} not installed; install with: ${INSTALL_HINT}` : null;
}


async function waitForPort(port: number, child: ChildProcess, name: string, log: () => string): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) at start:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within 20 s:\n${log()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface RadicaleServer {
  url: string;
  port: number;
  user: string;
  password: string;
  /** Where Radicale keeps the user's collections (its own .ics files). */
  collectionsDir: string;
  /** Creates a calendar collection; returns its URL. */
  makeCalendar(slug: string, displayName: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startRadicale(input: { command: string[]; user?: string; password?: string }): Promise<RadicaleServer> {
  const user = input.user ?? 'rep';
  const password = input.password ?? 'radicale-secret';
  const dir = mkdtempSync(join(tmpdir(), 'followup-radicale-'));
  const port = await freePort();
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  writeFileSync(
    join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const [cmd, ...args] = input.command;
  let output = '';
  const child = spawn(cmd!, [...args, '--config', join(dir, 'config')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForPort(port, child, 'Radicale', () => output);
  } catch (err) {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = `http://127.0.0.1:${port}/`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    url,
    port,
    user,
    password,
    collectionsDir: join(dir, 'collections', 'collection-root', user),
    async makeCalendar(slug, displayName) {
      const calUrl = `${url}${user}/${slug}/`;
      const body =
        '<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>' +
        `<D:resourcetype><D:collection/><C:calendar/></D:resourcetype><D:displayname>${displayName}</D:displayname>` +
        '</D:prop></D:set></D:mkcol>';
      const res = await fetch(calUrl, { method: 'MKCOL', headers: { authorization: auth, 'content-type': 'application/xml' }, body });
      if (res.status !== 201) throw new Error(`MKCOL ${calUrl}: HTTP ${res.status} ${await res.text()}`);
      return calUrl;
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The user's Maildir (Dovecot's own files). */
  maildir: string;
  /** Makes Dovecot forget every UID (new UIDVALIDITY, new UIDs), as a rebuilt mailbox would. */
  rebuildUids(): void;
  /** More mail users, each with an empty mailbox (tests that need a mailbox of their own). */
  extraLogins: { user: string; password: string }[];
  stop(): Promise<void>;
}

export async function startDovecot(input: { binary: string; user?: string; password?: string; extraUsers?: number }): Promise<DovecotServer> {
  const user = input.user ?? 'rep@followup.example';
  const password = input.password ?? 'dovecot-secret';
  const dir = mkdtempSync(join(tmpdir(), 'followup-dovecot-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root, mail is owned by "nobody" (Dovecot refuses uid 0); otherwise by the current user.
  const uid = root ? 65534 : process.getuid!();
  const gid = root ? 65534 : process.getgid!();
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  if (root) {
    chownSync(home, uid, gid);
    chmodSync(dir, 0o755); // Dovecot's auth process runs as "dovecot" and reads the passwd file
  }
  const me = userInfo().username;
  const extraLogins = Array.from({ length: input.extraUsers ?? 0 }, (_, i) => ({ user: `user${i + 1}@followup.example`, password: `secret-${i + 1}` }));
  const lines = [`${user}:{PLAIN}${password}:${uid}:${gid}::${home}`];
  for (const [i, login] of extraLogins.entries()) {
    const userHome = join(dir, `home${i + 1}`);
    mkdirSync(userHome, { recursive: true });
    if (root) chownSync(userHome, uid, gid);
    lines.push(`${login.user}:{PLAIN}${login.password}:${uid}:${gid}::${userHome}`);
  }
  writeFileSync(join(dir, 'passwd'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${join(dir, 'run')}
state_dir = ${join(dir, 'state')}
log_path = ${join(dir, 'dovecot.log')}
instance_name = followup-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 0
mail_location = maildir:~/Maildir
default_internal_user = ${root ? 'dovecot' : me}
default_login_user = ${root ? 'dovenull' : me}
passdb {
  driver = passwd-file
  args = ${join(dir, 'passwd')}
}
userdb {
  driver = passwd-file
  args = ${join(dir, 'passwd')}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
}
`,
  );
  for (const d of ['run', 'state']) mkdirSync(join(dir, d), { recursive: true });
  let output = '';
  const child = spawn(input.binary, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const log = () => `${output}${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`;
  try {
    await waitForPort(port, child, 'Dovecot', log);
  } catch (err) {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const maildir = join(home, 'Maildir');
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    maildir,
    extraLogins,
    rebuildUids() {
      for (const folder of [maildir, join(maildir, '.Sent'), join(maildir, '.Drafts')]) {
        if (!existsSync(folder)) continue;
        spawnSync('sh', ['-c', `rm -f "${folder}"/dovecot-uidlist "${folder}"/dovecot-uidvalidity* "${folder}"/dovecot.index*`]);
      }
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CapturedMail {
  raw: string;
  from: string;
  to: string[];
}

export interface SmtpCaptureServer {
  port: number;
  user: string;
  password: string;
  messages: CapturedMail[];
  stop(): Promise<void>;
}

/** An SMTP server (smtp-server, a development dependency) with AUTH that records what it accepts. */
export async function startSmtpCapture(input: { user?: string; password?: string } = {}): Promise<SmtpCaptureServer> {
  let smtpServer: typeof SmtpServerModule;
  try {
    smtpServer = await import('smtp-server');
  } catch {
    throw new Error('The SMTP server of the standard demo comes from the smtp-server package, a development dependency: run the demo from a clone of followup after `npm install`.');
  }
  const user = input.user ?? 'rep@followup.example';
  const password = input.password ?? 'smtp-secret';
  const messages: CapturedMail[] = [];
  const server = new smtpServer.SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          raw: Buffer.concat(chunks).toString('utf8'),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return { port, user, password, messages, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
