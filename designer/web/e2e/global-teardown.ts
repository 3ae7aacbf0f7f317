import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

export default async function globalTeardown() {
  const host = (globalThis as Record<string, unknown>).__designerHost as ChildProcess | undefined;
  const sink = (globalThis as Record<string, unknown>).__sink as { close: () => Promise<void> } | undefined;
  if (host && host.exitCode === null) {
    const exited = new Promise((r) => host.once('exit', r));
    host.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (host.exitCode === null) host.kill('SIGKILL');
  }
  await sink?.close();
  const data = process.env.DESIGNER_DATA;
  if (data) rmSync(data, { recursive: true, force: true });
}
