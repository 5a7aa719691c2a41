/**
 * `jetdiag worker`: analyse bundles from the queue until stopped. Stateless: start as many
 * as you like, on any machine that reaches Redis and the bundles. SIGTERM (or Ctrl-C) stops
 * taking jobs and finishes the active ones; a second signal stops at once and hands the
 * jobs it held back to the queue for another worker.
 */
// @ts-nocheck

import os from 'node:os';
import type { Command } from 'commander';
import { intOption, numberOption } from './options.js';
import type { GlobalFlags } from './output.js';

interface WorkerFlags {
  queue: string;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
}

export default function register(program: Command): void {
  program
    .command('worker')
    .description('analyse bundles from a Redis queue filled by `jetdiag batch --queue` (run one per machine)')
    .requiredOption('--queue <url>', 'the Redis the coordinator uses, redis://host:port')
    .option('--concurrency <n>', 'bundles analysed at once, each in its own thread (default: one per core)', intOption)
    .option('--lock-duration <seconds>', 'how long a job stays claimed without renewal; a dead worker\'s jobs return after it (default 15)', numberOption)
    .option('--stalled-interval <seconds>', 'how often to look for jobs whose worker died (default 10)', numberOption)
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag worker --queue redis://queue-host:6379
  $ jetdiag worker --queue redis://queue-host:6379 --concurrency 4
Every worker must read the bundles at the paths the coordinator gives (a shared folder
mounted at the same path) or reach s3:// (AWS credentials from the usual environment).`,
    )
    .action(async (opts: WorkerFlags, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalFlags;
      const [{ parseQueueUrl, checkReachable }, { startWorker }] = await Promise.all([
        import('../queue/connection.js'),
        import('../queue/worker.js'),
      ]);
      const conn = parseQueueUrl(opts.queue);
      await checkReachable(conn);
      const concurrency = opts.concurrency ?? os.availableParallelism();
      const say = (line: string) => {
        if (!global.quiet) process.stderr.write(`jetdiag worker: ${line}\n`);
      };
      const running = startWorker(conn, {
        concurrency,
        lockDurationMs: opts.lockDuration ? opts.lockDuration * 1000 : undefined,
        stalledIntervalMs: opts.stalledInterval ? opts.stalledInterval * 1000 : undefined,
        log: say,
      });
      await running.worker.waitUntilReady();
      say(`ready on ${conn.display}, ${concurrency} at a time (pid ${process.pid})`);
      await new Promise<void>((resolve) => {
        let signals = 0;
        const stop = (sig: string) => {
          signals += 1;
          if (signals === 1) {
            say(`${sig}: finishing the active jobs, taking no more (send again to stop at once)`);
            running.drain().then(resolve, resolve);
          } else {
            say(`${sig}: stopping now; the active jobs go back to the queue`);
            running.abandon().then(resolve, resolve);
          }
        };
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.on('SIGINT', () => stop('SIGINT'));
      });
      say('stopped');
    });
}
