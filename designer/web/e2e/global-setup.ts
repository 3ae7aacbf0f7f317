import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newNetSuiteAccount, startSink } from './support/sink';

const repo = resolve(import.meta.dirname, '../../..');
export const STATE_FILE = join(tmpdir(), 'servicessync-designer-e2e.json');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server: Server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/**
 * Starts the designer host from the Release build (eng/test.sh builds it) on a free port with a
 * fresh data directory, and a small HTTP sink playing NetSuite (the ERP) with fresh token-based-auth
 * credentials; the key the host writes on first start is what the tests sign in with.
 */
export default async function globalSetup() {
  const dll = process.env.DESIGNER_DLL ?? join(repo, 'designer/ServicesSync.Designer/bin/Release/net10.0/ServicesSync.Designer.dll');
  if (!existsSync(dll)) throw new Error(`${dll} does not exist: build it first (dotnet build ServicesSync.sln -c Release).`);
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'designer-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const host = spawn('dotnet', [dll, '--urls', url, '--data', data, '--templates', join(import.meta.dirname, 'fixtures/templates')], {
    cwd: data,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let log = '';
  host.stdout.on('data', (d: Buffer) => (log += d.toString()));
  host.stderr.on('data', (d: Buffer) => (log += d.toString()));
  host.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`designer host exited with ${code}:\n${log}`);
  });
  try {
    await waitFor(async () => (await fetch(`${url}/health`)).ok, 'the designer host', 60_000);
  } catch (error) {
    host.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  const key = readFileSync(join(data, 'initial-api-key.txt'), 'utf8').trim();
  if (!log.includes(`Sign in with this key: ${key}`)) throw new Error(`The host did not print the initial key:\n${log}`);
  const netsuite = newNetSuiteAccount();
  const sink = await startSink(netsuite);
  process.env.DESIGNER_URL = url;
  process.env.DESIGNER_KEY = key;
  process.env.SINK_URL = sink.url;
  process.env.SINK_NETSUITE_ACCOUNT = JSON.stringify(netsuite);
  process.env.DESIGNER_DATA = data;
  writeFileSync(STATE_FILE, JSON.stringify({ pid: host.pid, data, url, key, sinkUrl: sink.url }));
  (globalThis as Record<string, unknown>).__designerHost = host;
  (globalThis as Record<string, unknown>).__sink = sink;
}
