/** The floor a case is compared with: gunzip the bundle and count its lines, nothing else. */
// @ts-nocheck

// 

import { createReadStream } from 'node:fs';
import zlib from 'node:zlib';

let lines = 0;
let bytes = 0;
const input = createReadStream(process.argv[2]!).pipe(zlib.createGunzip());
for await (const c of input as AsyncIterable<Buffer>) {
  bytes += c.length;
  for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
}
process.stdout.write(JSON.stringify({ bytes, lines }) + '\n');
