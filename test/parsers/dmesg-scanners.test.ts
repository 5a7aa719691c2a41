/**
 * The dmesg builder's hand-written scanners against the patterns they replace: the driver
 * prefix (`^([A-Za-z][\w.\-]*)(?: ([\w.:@\-]+))?: `), a leading blank (`/^\s/`), and the fast
 * path's stamp reader on a line inside a longer text (= on the line cut out).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { driverPrefix, monoPrefix, monoPrefixAt, prefix, startsWithSpace } from '../../src/parsers/dmesg/fast.js';

const PREFIX_RE = /^([A-Za-z][\w.\-]*)(?: ([\w.:@\-]+))?: /;

/** What driverPrefix reads, in the regex's terms: [match, name, device]. */
function scanned(s: string): [string, string, string | undefined] | null {
  const end = driverPrefix(s);
  if (end < 0) return null;
  return [s.slice(0, end), s.slice(0, prefix.name), prefix.device >= 0 ? s.slice(prefix.device, prefix.deviceEnd) : undefined];
}

function matched(s: string): [string, string, string | undefined] | null {
  const m = PREFIX_RE.exec(s);
  return m ? [m[0], m[1]!, m[2]] : null;
}

// Strings made of the characters where the pattern decides: letters, digits, `_ . - : @`,
// blanks, tabs and others.
const piece = fc.constantFrom('a', 'Z', 'nvgpu', 'arm-smmu', '0', '9', '_', '.', '-', ':', '@', ' ', '  ', ': ', ':: ', '\t', '/', '[', 'é', 'x: y', '12000000.iommu');
const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

describe('driverPrefix = the prefix pattern', () => {
  it('on real message shapes', () => {
    for (const s of [
      'arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402',
      'nvgpu: 17000000.gpu      gv11b_fb_mmu_fault_info_dump:294',
      'usb 1-2: new high-speed USB device number 3 using tegra-xusb',
      'EXT4-fs (mmcblk0p1): mounted filesystem',
      'systemd[1]: Started Session 4278 of user nvidia.',
      'cma: cma_alloc: linux,cma: alloc failed',
      'tegra-camrtc-capture-vi tegra-capture-vi: corr_err: discarding frame 343',
      'a b:: c',
      'a b: ',
      'a: ',
      'a:',
      'a b:',
      'Out of memory: Killed process 1',
      '',
    ]) {
      expect(scanned(s), s).toEqual(matched(s));
    }
  });

  it('on strings built where the pattern decides', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(scanned(s)).toEqual(matched(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('startsWithSpace = /^\\s/', () => {
  it('on every character of the first plane, and the empty string', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = `${String.fromCharCode(c)}x`;
      if (startsWithSpace(s) !== /^\s/.test(s)) expect(c.toString(16)).toBe('a match');
    }
    expect(startsWithSpace('')).toBe(false);
  });
});

describe('monoPrefixAt on a line inside a text = monoPrefix on the line alone', () => {
  const stamp = fc.constantFrom('[   12.345678] ', '[12.5]', '[0000.126] ', '[ 0.1]  ', '[\t1.0] ', '[1.]', '[1.2', '');
  const rest = fc.constantFrom('', 'msg', ' indented', '<6>x', '[x', 'kern  :info  : x', 'authpriv :x', 'auth :x', 'local7:x', 'local8:x', 'Nov 24 x', '2026-11 x', 'a\tb', 'a\rb', 'user', 'ftp');
  const line = fc.tuple(stamp, rest).map(([a, b]) => a + b);
  it('wherever the line sits and whatever follows it', () => {
    fc.assert(
      fc.property(line, line, line, (before, l, after) => {
        const t = `${before}\n${l}\n${after}`;
        const start = before.length + 1;
        const end = start + l.length;
        const alone = monoPrefix(l);
        expect(monoPrefixAt(t, start, end)).toBe(alone < 0 ? -1 : start + alone);
        // and with nothing after it (the text's last line)
        expect(monoPrefixAt(`${before}\n${l}`, start, end)).toBe(alone < 0 ? -1 : start + alone);
      }),
      { numRuns: 3000 },
    );
  });

  it('line after line of one text, in order and again from the start (tabs and CRs anywhere)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const t = lines.join('\n');
        // Each line alone first: the text is then read without another string in between.
        const alone = lines.map((l) => monoPrefix(l));
        for (let pass = 0; pass < 2; pass++) {
          const got: number[] = [];
          let start = 0;
          for (const l of lines) {
            const at = monoPrefixAt(t, start, start + l.length);
            got.push(at < 0 ? -1 : at - start);
            start += l.length + 1;
          }
          expect(got).toEqual(alone.map((a) => (a < 0 ? -1 : a)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
