/**
 * Bundles in S3 or an S3-compatible store (MinIO, Ceph RGW, ...), addressed as
 * s3://bucket/key (one bundle) or s3://bucket/prefix (every archive under it). Credentials,
 * region and endpoint come from the standard AWS chain (environment, shared config and
 * credentials files, SSO, instance or container roles); jetdiag never reads, stores or prints
 * them. A custom endpoint (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL) means an S3-compatible
 * store, which is addressed path-style (JETDIAG_S3_PATH_STYLE=0 or 1 overrides).
 */
// @ts-nocheck

import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { UserInputError } from '../errors.js';
import { isArchiveName, UnreadableInputError } from './sniff.js';

export interface S3Location {
  bucket: string;
  key: string;
}

export interface S3Object {
  url: string;
  size: number;
}

export function isS3Url(input: string): boolean {
  return /^s3:\/\//i.test(input);
}

export function parseS3Url(input: string): S3Location {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(input);
  if (!m || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(m[1]!)) {
    throw new UserInputError(`"${input}" is not an S3 location (expected s3://bucket/key or s3://bucket/prefix)`);
  }
  return { bucket: m[1]!, key: m[2]! };
}

type Sdk = typeof import('@aws-sdk/client-s3');
let client: { sdk: Sdk; s3: S3Client } | undefined;

/**
 * One client per process, configured from the standard AWS chain. The SDK is loaded on
 * first use: commands that never touch S3 do not pay for it at start.
 */
export async function s3Client(): Promise<{ sdk: Sdk; s3: S3Client }> {
  if (client) return client;
  const sdk = await import('@aws-sdk/client-s3');
  // The pinned SDK release supports Node 20; its notice is about releases not used here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const env = process.env;
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  const pathStyle = env.JETDIAG_S3_PATH_STYLE ? env.JETDIAG_S3_PATH_STYLE === '1' : customEndpoint;
  const regionKnown = Boolean(env.AWS_REGION || env.AWS_DEFAULT_REGION || env.AWS_PROFILE || env.AWS_CONFIG_FILE);
  const s3 = new sdk.S3Client({
    forcePathStyle: pathStyle,
    // A bucket in another region answers with a redirect the client can follow.
    followRegionRedirects: true,
    // S3-compatible stores often ignore the region; AWS needs one to sign.
    ...(regionKnown ? {} : { region: 'us-east-1' }),
  });
  client = { sdk, s3 };
  return client;
}

/** Why an S3 request failed, in one line, without anything from the credentials. */
export function s3ErrorMessage(url: string, e: unknown): string {
  const err = e as { name?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  const what = err.name && err.name !== 'Error' ? err.name : (err.Code ?? 'error');
  return `cannot read bundle "${url}": ${what}${status ? ` (HTTP ${status})` : ''}${err.message && err.message !== what ? `: ${err.message}` : ''}`;
}

/** Every archive under the prefix (a key that is itself an archive is one bundle). */
export async function listS3Bundles(url: string): Promise<S3Object[]> {
  const { bucket, key } = parseS3Url(url);
  const found: S3Object[] = [];
  let token: string | undefined;
  try {
    const { sdk, s3 } = await s3Client();
    do {
      const page = await s3.send(new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: key, ContinuationToken: token }));
      for (const o of page.Contents ?? []) {
        if (o.Key && (isArchiveName(o.Key) || /\.gz$/i.test(o.Key))) found.push({ url: `s3://${bucket}/${o.Key}`, size: o.Size ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } catch (e) {
    throw new UserInputError(s3ErrorMessage(url, e));
  }
  return found.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export async function statS3Object(url: string): Promise<{ size: number; mtimeMs: number }> {
  const { bucket, key } = parseS3Url(url);
  try {
    const { sdk, s3 } = await s3Client();
    const h = await s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { size: h.ContentLength ?? 0, mtimeMs: h.LastModified?.getTime() ?? 0 };
  } catch (e) {
    throw new UnreadableInputError(s3ErrorMessage(url, e));
  }
}

/** The object's bytes as a stream (nothing is written to disk). */
export async function openS3Object(url: string): Promise<Readable> {
  const { bucket, key } = parseS3Url(url);
  try {
    const { sdk, s3 } = await s3Client();
    const r = await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
    return r.Body as Readable;
  } catch (e) {
    throw new UnreadableInputError(s3ErrorMessage(url, e));
  }
}
