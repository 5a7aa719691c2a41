/**
 * A local S3-compatible server for tests (s3rver, files in a temporary folder) and the
 * environment a jetdiag process needs to reach it through the standard AWS chain.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
// s3rver ships no types.
//  no declaration file
import S3rver from 's3rver';
import { tempDir } from './fixtures.js';

export interface TestS3 {
  endpoint: string;
  /** Environment for a jetdiag process (or this one) to use the server. */
  env: Record<string, string>;
  put(bucket: string, key: string, file: string): Promise<void>;
  stop(): Promise<void>;
}

/** s3rver accepts any key pair; these are placeholders, not credentials. */
const KEY_ID = 'S3RVER';
const SECRET = 'S3RVER';

export async function startS3(buckets: string[]): Promise<TestS3> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: tempDir() });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
  });
  for (const b of buckets) await client.send(new CreateBucketCommand({ Bucket: b }));
  return {
    endpoint,
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: KEY_ID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    async put(bucket, key, file) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: readFileSync(file) }));
    },
    async stop() {
      client.destroy();
      await server.close();
    },
  };
}
