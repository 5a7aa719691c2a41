// @ts-nocheck
// 
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';

/** Power-side throttling: soctherm OC alarms (over-current or input under-voltage). */
export const overCurrent = defineRule(stryMutAct_9fa48("104") ? {} : (stryCov_9fa48("104"), {
  meta: stryMutAct_9fa48("105") ? {} : (stryCov_9fa48("105"), {
    id: stryMutAct_9fa48("106") ? "" : (stryCov_9fa48("106"), 'over-current'),
    title: stryMutAct_9fa48("107") ? "" : (stryCov_9fa48("107"), 'Over-current / under-voltage alarms'),
    category: stryMutAct_9fa48("108") ? "" : (stryCov_9fa48("108"), 'power'),
    docs: stryMutAct_9fa48("109") ? {} : (stryCov_9fa48("109"), {
      description: stryMutAct_9fa48("110") ? "" : (stryCov_9fa48("110"), 'Counts soctherm OC ALARM lines and decodes which OC channels fired (bit0 = OC1 ... bit4 = OC5; the meaning of each channel is SoC-specific).'),
      why: stryMutAct_9fa48("111") ? "" : (stryCov_9fa48("111"), 'OC events cap CPU/GPU clocks at once (latency spikes); on Jetson Nano they are most often a weak 5 V supply browning out.'),
      seed: stryMutAct_9fa48("112") ? "" : (stryCov_9fa48("112"), 'seed §21 Thermal Throttling (clock reduction); signatures soctherm-oc-alarm')
    }),
    requires: stryMutAct_9fa48("113") ? [] : (stryCov_9fa48("113"), [stryMutAct_9fa48("114") ? "" : (stryCov_9fa48("114"), 'dmesg')]),
    thresholds: {},
    messages: stryMutAct_9fa48("115") ? {} : (stryCov_9fa48("115"), {
      alarms: stryMutAct_9fa48("116") ? "" : (stryCov_9fa48("116"), '{{count}} over-current alarm(s) (channels {{channels}}), first at {{first}}: the SoC capped its clocks{{hint}}.')
    }),
    remedy: stryMutAct_9fa48("117") ? [] : (stryCov_9fa48("117"), [stryMutAct_9fa48("118") ? "" : (stryCov_9fa48("118"), 'Use the recommended power supply and a short, thick cable (barrel jack / adequate USB-C PD).'), stryMutAct_9fa48("119") ? "" : (stryCov_9fa48("119"), 'Lower the nvpmodel power mode; check peripherals drawing from the carrier board.'), stryMutAct_9fa48("120") ? "" : (stryCov_9fa48("120"), 'Thresholds are set by BPMP firmware / nvpmodel (VDDIN_OC_LIMIT) and are not user-tunable.')]),
    references: stryMutAct_9fa48("121") ? [] : (stryCov_9fa48("121"), [stryMutAct_9fa48("122") ? "" : (stryCov_9fa48("122"), 'NVIDIA Jetson Linux Developer Guide: Platform Power and Performance, over-current protection'), stryMutAct_9fa48("123") ? "" : (stryCov_9fa48("123"), 'https://github.com/OE4T/meta-tegra/issues/538')]),
    signatures: stryMutAct_9fa48("124") ? [] : (stryCov_9fa48("124"), [stryMutAct_9fa48("125") ? "" : (stryCov_9fa48("125"), 'soctherm-oc-alarm')])
  }),
  check({
    snapshot,
    device,
    signatures,
    report
  }) {
    if (stryMutAct_9fa48("126")) {
      {}
    } else {
      stryCov_9fa48("126");
      const hits = stryMutAct_9fa48("127") ? signatures.events('soctherm-oc-alarm') : (stryCov_9fa48("127"), signatures.events(stryMutAct_9fa48("128") ? "" : (stryCov_9fa48("128"), 'soctherm-oc-alarm')).filter(stryMutAct_9fa48("129") ? () => undefined : (stryCov_9fa48("129"), h => stryMutAct_9fa48("130") ? h.groups.unexpected : (stryCov_9fa48("130"), !h.groups.unexpected))));
      if (stryMutAct_9fa48("133") ? false : stryMutAct_9fa48("132") ? true : stryMutAct_9fa48("131") ? hits.length : (stryCov_9fa48("131", "132", "133"), !hits.length)) return;
      let mask = 0;
      for (const h of hits) stryMutAct_9fa48("134") ? mask &= parseInt(h.groups.mask!, 16) : (stryCov_9fa48("134"), mask |= parseInt(h.groups.mask!, 16));
      const channels = stryMutAct_9fa48("137") ? [0, 1, 2, 3, 4].filter(b => mask >>> b & 1).map(b => `OC${b + 1}`).join(', ') && 'none' : stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136", "137"), (stryMutAct_9fa48("138") ? [0, 1, 2, 3, 4].map(b => `OC${b + 1}`).join(', ') : (stryCov_9fa48("138"), (stryMutAct_9fa48("139") ? [] : (stryCov_9fa48("139"), [0, 1, 2, 3, 4])).filter(stryMutAct_9fa48("140") ? () => undefined : (stryCov_9fa48("140"), b => mask >>> b & 1)).map(stryMutAct_9fa48("141") ? () => undefined : (stryCov_9fa48("141"), b => stryMutAct_9fa48("142") ? `` : (stryCov_9fa48("142"), `OC${stryMutAct_9fa48("143") ? b - 1 : (stryCov_9fa48("143"), b + 1)}`))).join(stryMutAct_9fa48("144") ? "" : (stryCov_9fa48("144"), ', ')))) || (stryMutAct_9fa48("145") ? "" : (stryCov_9fa48("145"), 'none')));
      const hint = (stryMutAct_9fa48("148") ? device.soc !== 'tegra210' : stryMutAct_9fa48("147") ? false : stryMutAct_9fa48("146") ? true : (stryCov_9fa48("146", "147", "148"), device.soc === (stryMutAct_9fa48("149") ? "" : (stryCov_9fa48("149"), 'tegra210')))) ? stryMutAct_9fa48("150") ? "" : (stryCov_9fa48("150"), ' — on Jetson Nano this is most often input under-voltage from a weak 5 V supply') : stryMutAct_9fa48("151") ? "Stryker was here!" : (stryCov_9fa48("151"), '');
      const count = stryMutAct_9fa48("152") ? hits.length - signatures.suppressed('soctherm-oc-alarm') : (stryCov_9fa48("152"), hits.length + signatures.suppressed(stryMutAct_9fa48("153") ? "" : (stryCov_9fa48("153"), 'soctherm-oc-alarm')));
      report(stryMutAct_9fa48("154") ? {} : (stryCov_9fa48("154"), {
        messageId: stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), 'alarms'),
        signatures: stryMutAct_9fa48("156") ? [] : (stryCov_9fa48("156"), [stryMutAct_9fa48("157") ? "" : (stryCov_9fa48("157"), 'soctherm-oc-alarm')]),
        severity: (stryMutAct_9fa48("161") ? count < 5 : stryMutAct_9fa48("160") ? count > 5 : stryMutAct_9fa48("159") ? false : stryMutAct_9fa48("158") ? true : (stryCov_9fa48("158", "159", "160", "161"), count >= 5)) ? stryMutAct_9fa48("162") ? "" : (stryCov_9fa48("162"), 'error') : stryMutAct_9fa48("163") ? "" : (stryCov_9fa48("163"), 'warning'),
        confidence: 0.8,
        data: stryMutAct_9fa48("164") ? {} : (stryCov_9fa48("164"), {
          count,
          channels,
          first: hitTime(hits[0]!),
          hint
        }),
        figures: stryMutAct_9fa48("165") ? [] : (stryCov_9fa48("165"), [stryMutAct_9fa48("166") ? {} : (stryCov_9fa48("166"), {
          label: stryMutAct_9fa48("167") ? "" : (stryCov_9fa48("167"), 'alarms'),
          value: count
        }), stryMutAct_9fa48("168") ? {} : (stryCov_9fa48("168"), {
          label: stryMutAct_9fa48("169") ? "" : (stryCov_9fa48("169"), 'channels'),
          value: channels
        })]),
        evidence: hitEvidence(snapshot.dmesg!.file, hits),
        tags: stryMutAct_9fa48("170") ? [] : (stryCov_9fa48("170"), [stryMutAct_9fa48("171") ? "" : (stryCov_9fa48("171"), 'power'), stryMutAct_9fa48("172") ? "" : (stryCov_9fa48("172"), 'over-current')])
      }));
    }
  }
}));