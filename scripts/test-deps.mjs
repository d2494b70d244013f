#!/usr/bin/env node
/**
 * What the test suite needs from the system, checked before `npm test` / `npm run test:all` (npm's pretest
 * hooks): Debian's redis-server (the queue tests start their own, on a free loopback port) and chromium (the
 * review page test drives it through playwright-core; no browser is downloaded). When one is missing it is
 * installed with apt-get if we are root; otherwise the exact command is printed and the tests do not start.
 * CHROMIUM_PATH / REDIS_URL / PG_BIN, when set, stand for the browser / a Redis / PostgreSQL's bin folder of your own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const NEEDS = [
  { what: 'redis-server', commands: ['redis-server'], pkg: 'redis-server', env: 'REDIS_URL' },
  { what: 'chromium', commands: ['chromium', 'chromium-browser'], pkg: 'chromium', env: 'CHROMIUM_PATH' },
  // Debian keeps the server binaries off PATH (only pg_wrapper's psql is on it): look where the package puts them
  { what: 'postgresql', commands: [], pkg: 'postgresql', env: 'PG_BIN', present: () => postgresInstalled() },
];

function postgresInstalled() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'psql')));
}

const onPath = (cmd) => (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, cmd)));
const has = (n) => (n.present ? n.present() : n.commands.some(onPath));
const missing = NEEDS.filter((n) => !process.env[n.env] && !has(n));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((n) => n.pkg);
const say = (s) => process.stderr.write(`report-metrics tests: ${s}\n`);
say(`missing ${missing.map((n) => n.what).join(' and ')} (Debian packages: ${pkgs.join(' ')})`);
const hasApt = onPath('apt-get');
if (hasApt && process.getuid?.() === 0) {
  say(`installing them: apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      say(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal}); install ${pkgs.join(' ')} yourself`);
      process.exit(1);
    }
  }
  const still = missing.filter((n) => !has(n));
  if (still.length > 0) {
    say(`still missing after apt-get: ${still.map((n) => n.what).join(', ')}`);
    process.exit(1);
  }
  process.exit(0);
}
say(
  hasApt
    ? `run this, then the tests again:\n\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}\n`
    : `install ${missing.map((n) => n.what).join(' and ')} with your system's package manager (Debian: apt-get install ${pkgs.join(' ')}), or set ${missing.map((n) => n.env).join(' / ')}`,
);
process.exit(1);
