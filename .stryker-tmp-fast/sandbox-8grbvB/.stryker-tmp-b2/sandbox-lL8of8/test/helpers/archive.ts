/** Builds tar / tar.gz archives in memory for tests, including hostile entries. */
// @ts-nocheck

// 

import zlib from 'node:zlib';
import tar from 'tar-stream';

export interface TestEntry {
  name: string;
  content?: string | Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory' | 'character-device' | 'fifo';
  linkname?: string;
}

export async function makeTar(entries: TestEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file') {
      const body = Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content ?? '');
      await new Promise<void>((res, rej) => pack.entry({ name: e.name, size: body.length }, body, (err) => (err ? rej(err) : res())));
    } else {
      await new Promise<void>((res, rej) =>
        pack.entry({ name: e.name, type, linkname: e.linkname, size: 0 }, (err) => (err ? rej(err) : res())),
      );
    }
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function makeTgz(entries: TestEntry[]): Promise<Buffer> {
  return zlib.gzipSync(await makeTar(entries));
}
