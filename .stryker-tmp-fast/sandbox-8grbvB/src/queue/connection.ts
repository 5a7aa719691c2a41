/**
 * The Redis behind the queue, named by a URL (`redis://host:port[/db]`, `rediss://` for TLS,
 * optionally `user:password@`). Every process (coordinator and workers) connects from the
 * same URL; a password is never printed.
 */
// @ts-nocheck

import type { RedisOptions as BullRedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UserInputError } from '../errors.js';

/** One queue per jetdiag install: the coordinator and every worker meet on this name. */
export const QUEUE_NAME = 'jetdiag-bundles';

export interface QueueConnection {
  /** For BullMQ: it opens (and duplicates) its own connections from these options. */
  options: BullRedisOptions;
  /** The URL with any password hidden, for messages and logs. */
  display: string;
}

export function parseQueueUrl(url: string): QueueConnection {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserInputError(`--queue expects redis://host:port, got "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new UserInputError(`--queue expects redis://host:port (or rediss:// for TLS), got "${redact(u)}"`);
  }
  if (!u.hostname) throw new UserInputError(`--queue "${redact(u)}" names no host`);
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new UserInputError(`--queue "${redact(u)}": the path must be a database number`);
  const options: BullRedisOptions = {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's blocking connections must wait through a Redis restart rather than fail a command.
    maxRetriesPerRequest: null,
  };
  return { options, display: redact(u) };
}

function redact(u: URL): string {
  const shown = new URL(u.href);
  if (shown.password) shown.password = '***';
  return shown.href.replace(/\/$/, '');
}

/**
 * Fails fast with a clear message when Redis cannot be reached at start; once running,
 * BullMQ's own connections retry through a Redis restart.
 */
export async function checkReachable(conn: QueueConnection, timeoutMs = 5000): Promise<void> {
  const probe = new Redis({
    ...conn.options,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let cause: NodeJS.ErrnoException | undefined;
  probe.on('error', (e: NodeJS.ErrnoException) => {
    cause ??= e;
  });
  try {
    await probe.connect();
    await probe.ping();
    // BullMQ loses jobs silently if Redis may evict keys: refuse such a server up front.
    const policy = await probe.config('GET', 'maxmemory-policy').catch(() => null);
    const value = Array.isArray(policy) ? policy[1] : undefined;
    if (value && value !== 'noeviction') {
      throw new UserInputError(`Redis at ${conn.display} has maxmemory-policy ${value}; the queue needs noeviction (redis-cli config set maxmemory-policy noeviction)`);
    }
  } catch (e) {
    if (e instanceof UserInputError) throw e;
    const err = cause ?? (e as NodeJS.ErrnoException);
    throw new UserInputError(`cannot reach Redis at ${conn.display}: ${err.code ?? err.message}`);
  } finally {
    probe.disconnect();
  }
}
