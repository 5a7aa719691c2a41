/**
 * Every test run writes its temporary files under one fresh folder, removed when the run ends:
 * the suite makes a few hundred temp folders (bundles, stores, reports, the CLI's output) and
 * used to leave them all in the system's temp folder. TMPDIR is what os.tmpdir() reads, in the
 * test workers and in every CLI the tests spawn. JETDIAG_KEEP_TEST_TMP=1 keeps the folder to
 * look at after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (process.env.JETDIAG_KEEP_TEST_TMP === '1') console.log(`test files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
