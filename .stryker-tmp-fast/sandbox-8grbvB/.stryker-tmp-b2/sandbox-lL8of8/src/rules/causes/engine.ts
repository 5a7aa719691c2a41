/**
 * The causes engine: every cause of the pack whose trigger holds is scored (base, plus each
 * support that holds, minus each argument against that holds) and ranked; equal confidences
 * are ordered by evidence strength, and the report says so.
 */
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
import type { Facts } from '../../facts/facts.js';
import { formatDuration } from '../stats.js';
import { severityRank, type Finding, type Severity } from '../types.js';
import { TAG_KINDS, tagValue } from '../tags.js';
import { holds, type ConditionInput } from './conditions.js';
import type { CompiledCause, Condition, RankedCause, Reason } from './types.js';
const MIN_CONFIDENCE = 0.05;
const MAX_CONFIDENCE = 0.95;
const round2 = stryMutAct_9fa48("464") ? () => undefined : (stryCov_9fa48("464"), (() => {
  const round2 = (x: number) => stryMutAct_9fa48("465") ? Math.round(x * 100) * 100 : (stryCov_9fa48("465"), Math.round(stryMutAct_9fa48("466") ? x / 100 : (stryCov_9fa48("466"), x * 100)) / 100);
  return round2;
})());

/** What the summary and reason templates may read. */
function templateContext(input: ConditionInput) {
  if (stryMutAct_9fa48("467")) {
    {}
  } else {
    stryCov_9fa48("467");
    const has: Record<string, boolean> = {};
    const values: Record<string, string> = {};
    for (const f of input.findings) for (const t of f.tags) if (stryMutAct_9fa48("470") ? false : stryMutAct_9fa48("469") ? true : stryMutAct_9fa48("468") ? t.includes(':') : (stryCov_9fa48("468", "469", "470"), !t.includes(stryMutAct_9fa48("471") ? "" : (stryCov_9fa48("471"), ':')))) has[t] = stryMutAct_9fa48("472") ? false : (stryCov_9fa48("472"), true);
    for (const kind of TAG_KINDS) {
      if (stryMutAct_9fa48("473")) {
        {}
      } else {
        stryCov_9fa48("473");
        const vs = stryMutAct_9fa48("474") ? [] : (stryCov_9fa48("474"), [...new Set(input.findings.flatMap(stryMutAct_9fa48("475") ? () => undefined : (stryCov_9fa48("475"), f => stryMutAct_9fa48("476") ? f.tags.map(t => tagValue(t, kind)) : (stryCov_9fa48("476"), f.tags.map(stryMutAct_9fa48("477") ? () => undefined : (stryCov_9fa48("477"), t => tagValue(t, kind))).filter(stryMutAct_9fa48("478") ? () => undefined : (stryCov_9fa48("478"), (v): v is string => stryMutAct_9fa48("481") ? v === undefined : stryMutAct_9fa48("480") ? false : stryMutAct_9fa48("479") ? true : (stryCov_9fa48("479", "480", "481"), v !== undefined)))))))]);
        if (stryMutAct_9fa48("483") ? false : stryMutAct_9fa48("482") ? true : (stryCov_9fa48("482", "483"), vs.length)) values[kind] = vs.join(stryMutAct_9fa48("484") ? "" : (stryCov_9fa48("484"), ', '));
      }
    }
    const up = input.facts.uptimeHours;
    return stryMutAct_9fa48("485") ? {} : (stryCov_9fa48("485"), {
      facts: stryMutAct_9fa48("486") ? {} : (stryCov_9fa48("486"), {
        ...input.facts,
        uptime: (stryMutAct_9fa48("489") ? up !== undefined : stryMutAct_9fa48("488") ? false : stryMutAct_9fa48("487") ? true : (stryCov_9fa48("487", "488", "489"), up === undefined)) ? undefined : formatDuration(stryMutAct_9fa48("490") ? up / 3600 : (stryCov_9fa48("490"), up * 3600))
      }),
      has,
      values
    });
  }
}
const pctOf = stryMutAct_9fa48("491") ? () => undefined : (stryCov_9fa48("491"), (() => {
  const pctOf = (x: number) => stryMutAct_9fa48("492") ? `` : (stryCov_9fa48("492"), `${Math.round(stryMutAct_9fa48("493") ? x / 100 : (stryCov_9fa48("493"), x * 100))}%`);
  return pctOf;
})());
const FACT_OPS = [['lt', '<'], ['le', '<='], ['gt', '>'], ['ge', '>='], ['eq', '='], ['ne', '!='], ['in', 'in']] as const;

/** A condition in the pack's terms (tags, facts), with a fact's value in this bundle. */
export function describeCondition(c: Condition, facts: Facts): string {
  if (stryMutAct_9fa48("494")) {
    {}
  } else {
    stryCov_9fa48("494");
    if (stryMutAct_9fa48("497") ? typeof c !== 'string' : stryMutAct_9fa48("496") ? false : stryMutAct_9fa48("495") ? true : (stryCov_9fa48("495", "496", "497"), typeof c === (stryMutAct_9fa48("498") ? "" : (stryCov_9fa48("498"), 'string')))) return c;
    if (stryMutAct_9fa48("500") ? false : stryMutAct_9fa48("499") ? true : (stryCov_9fa48("499", "500"), (stryMutAct_9fa48("501") ? "" : (stryCov_9fa48("501"), 'tag')) in c)) return stryMutAct_9fa48("502") ? `` : (stryCov_9fa48("502"), `${c.tag}${(stryMutAct_9fa48("503") ? c.except.length : (stryCov_9fa48("503"), c.except?.length)) ? stryMutAct_9fa48("504") ? `` : (stryCov_9fa48("504"), ` (not with ${c.except.join(stryMutAct_9fa48("505") ? "" : (stryCov_9fa48("505"), ', '))})`) : stryMutAct_9fa48("506") ? "Stryker was here!" : (stryCov_9fa48("506"), '')}${c.atLeast ? stryMutAct_9fa48("507") ? `` : (stryCov_9fa48("507"), ` on at least ${c.atLeast} findings`) : stryMutAct_9fa48("508") ? "Stryker was here!" : (stryCov_9fa48("508"), '')}`);
    if (stryMutAct_9fa48("510") ? false : stryMutAct_9fa48("509") ? true : (stryCov_9fa48("509", "510"), (stryMutAct_9fa48("511") ? "" : (stryCov_9fa48("511"), 'fact')) in c)) {
      if (stryMutAct_9fa48("512")) {
        {}
      } else {
        stryCov_9fa48("512");
        const [k, op] = stryMutAct_9fa48("513") ? FACT_OPS.find(([k]) => (c as unknown as Record<string, unknown>)[k] !== undefined) && ['eq', '='] : (stryCov_9fa48("513"), FACT_OPS.find(stryMutAct_9fa48("514") ? () => undefined : (stryCov_9fa48("514"), ([k]) => stryMutAct_9fa48("517") ? (c as unknown as Record<string, unknown>)[k] === undefined : stryMutAct_9fa48("516") ? false : stryMutAct_9fa48("515") ? true : (stryCov_9fa48("515", "516", "517"), (c as unknown as Record<string, unknown>)[k] !== undefined))) ?? (stryMutAct_9fa48("518") ? [] : (stryCov_9fa48("518"), [stryMutAct_9fa48("519") ? "" : (stryCov_9fa48("519"), 'eq'), stryMutAct_9fa48("520") ? "" : (stryCov_9fa48("520"), '=')])));
        const want = (c as unknown as Record<string, unknown>)[k];
        const have = facts[c.fact];
        const shown = (stryMutAct_9fa48("523") ? typeof have !== 'number' : stryMutAct_9fa48("522") ? false : stryMutAct_9fa48("521") ? true : (stryCov_9fa48("521", "522", "523"), typeof have === (stryMutAct_9fa48("524") ? "" : (stryCov_9fa48("524"), 'number')))) ? String(stryMutAct_9fa48("525") ? Math.round(have * 10) * 10 : (stryCov_9fa48("525"), Math.round(stryMutAct_9fa48("526") ? have / 10 : (stryCov_9fa48("526"), have * 10)) / 10)) : String(have);
        return stryMutAct_9fa48("527") ? `` : (stryCov_9fa48("527"), `${c.fact} ${op} ${Array.isArray(want) ? want.join(stryMutAct_9fa48("528") ? "" : (stryCov_9fa48("528"), '/')) : String(want)}${(stryMutAct_9fa48("531") ? have === undefined : stryMutAct_9fa48("530") ? false : stryMutAct_9fa48("529") ? true : (stryCov_9fa48("529", "530", "531"), have !== undefined)) ? stryMutAct_9fa48("532") ? `` : (stryCov_9fa48("532"), ` (it is ${shown})`) : stryMutAct_9fa48("533") ? "Stryker was here!" : (stryCov_9fa48("533"), '')}`);
      }
    }
    if (stryMutAct_9fa48("535") ? false : stryMutAct_9fa48("534") ? true : (stryCov_9fa48("534", "535"), (stryMutAct_9fa48("536") ? "" : (stryCov_9fa48("536"), 'not')) in c)) return stryMutAct_9fa48("537") ? `` : (stryCov_9fa48("537"), `not ${describeCondition(c.not, facts)}`);
    const parts = ((stryMutAct_9fa48("538") ? "" : (stryCov_9fa48("538"), 'all')) in c ? c.all : c.any).map(stryMutAct_9fa48("539") ? () => undefined : (stryCov_9fa48("539"), x => describeCondition(x, facts)));
    return (stryMutAct_9fa48("540") ? `` : (stryCov_9fa48("540"), `(${parts.join((stryMutAct_9fa48("541") ? "" : (stryCov_9fa48("541"), 'all')) in c ? stryMutAct_9fa48("542") ? "" : (stryCov_9fa48("542"), ' and ') : stryMutAct_9fa48("543") ? "" : (stryCov_9fa48("543"), ' or '))})`)).replace(stryMutAct_9fa48("546") ? /^\((.)\)$/ : stryMutAct_9fa48("545") ? /^\((.*)\)/ : stryMutAct_9fa48("544") ? /\((.*)\)$/ : (stryCov_9fa48("544", "545", "546"), /^\((.*)\)$/), (stryMutAct_9fa48("549") ? parts.length !== 1 : stryMutAct_9fa48("548") ? false : stryMutAct_9fa48("547") ? true : (stryCov_9fa48("547", "548", "549"), parts.length === 1)) ? stryMutAct_9fa48("550") ? "" : (stryCov_9fa48("550"), '$1') : stryMutAct_9fa48("551") ? "" : (stryCov_9fa48("551"), '($1)'));
  }
}
function evaluate(cause: CompiledCause, input: ConditionInput, context: object): RankedCause | null {
  if (stryMutAct_9fa48("552")) {
    {}
  } else {
    stryCov_9fa48("552");
    const matched = new Set<Finding>();
    const held: string[] = stryMutAct_9fa48("553") ? ["Stryker was here"] : (stryCov_9fa48("553"), []);
    for (const t of cause.triggers) if (stryMutAct_9fa48("555") ? false : stryMutAct_9fa48("554") ? true : (stryCov_9fa48("554", "555"), holds(t, input, matched))) held.push(describeCondition(t, input.facts));
    if (stryMutAct_9fa48("558") ? false : stryMutAct_9fa48("557") ? true : stryMutAct_9fa48("556") ? held.length : (stryCov_9fa48("556", "557", "558"), !held.length)) return null;
    const triggeredBy = stryMutAct_9fa48("559") ? {} : (stryCov_9fa48("559"), {
      conditions: held,
      findingIds: stryMutAct_9fa48("560") ? input.findings.map(f => f.id) : (stryCov_9fa48("560"), input.findings.filter(stryMutAct_9fa48("561") ? () => undefined : (stryCov_9fa48("561"), f => matched.has(f))).map(stryMutAct_9fa48("562") ? () => undefined : (stryCov_9fa48("562"), f => f.id)))
    });
    if (stryMutAct_9fa48("565") ? (cause.excludedBy ?? []).every(c => holds(c, input) === true) : stryMutAct_9fa48("564") ? false : stryMutAct_9fa48("563") ? true : (stryCov_9fa48("563", "564", "565"), (stryMutAct_9fa48("566") ? cause.excludedBy && [] : (stryCov_9fa48("566"), cause.excludedBy ?? (stryMutAct_9fa48("567") ? ["Stryker was here"] : (stryCov_9fa48("567"), [])))).some(stryMutAct_9fa48("568") ? () => undefined : (stryCov_9fa48("568"), c => stryMutAct_9fa48("571") ? holds(c, input) !== true : stryMutAct_9fa48("570") ? false : stryMutAct_9fa48("569") ? true : (stryCov_9fa48("569", "570", "571"), holds(c, input) === (stryMutAct_9fa48("572") ? false : (stryCov_9fa48("572"), true))))))) return null;
    const reasons: Reason[] = stryMutAct_9fa48("573") ? ["Stryker was here"] : (stryCov_9fa48("573"), []);
    let confidence = cause.base;
    (stryMutAct_9fa48("574") ? cause.support && [] : (stryCov_9fa48("574"), cause.support ?? (stryMutAct_9fa48("575") ? ["Stryker was here"] : (stryCov_9fa48("575"), [])))).forEach((w, i) => {
      if (stryMutAct_9fa48("576")) {
        {}
      } else {
        stryCov_9fa48("576");
        if (stryMutAct_9fa48("579") ? holds(w.when, input, matched) === true : stryMutAct_9fa48("578") ? false : stryMutAct_9fa48("577") ? true : (stryCov_9fa48("577", "578", "579"), holds(w.when, input, matched) !== (stryMutAct_9fa48("580") ? false : (stryCov_9fa48("580"), true)))) return;
        stryMutAct_9fa48("581") ? confidence -= w.weight : (stryCov_9fa48("581"), confidence += w.weight);
        reasons.push(stryMutAct_9fa48("582") ? {} : (stryCov_9fa48("582"), {
          text: cause.render.support[i]!(context),
          weight: w.weight,
          when: describeCondition(w.when, input.facts)
        }));
      }
    });
    const against: string[] = stryMutAct_9fa48("583") ? ["Stryker was here"] : (stryCov_9fa48("583"), []);
    (stryMutAct_9fa48("584") ? cause.against && [] : (stryCov_9fa48("584"), cause.against ?? (stryMutAct_9fa48("585") ? ["Stryker was here"] : (stryCov_9fa48("585"), [])))).forEach((w, i) => {
      if (stryMutAct_9fa48("586")) {
        {}
      } else {
        stryCov_9fa48("586");
        if (stryMutAct_9fa48("589") ? holds(w.when, input) === true : stryMutAct_9fa48("588") ? false : stryMutAct_9fa48("587") ? true : (stryCov_9fa48("587", "588", "589"), holds(w.when, input) !== (stryMutAct_9fa48("590") ? false : (stryCov_9fa48("590"), true)))) return;
        stryMutAct_9fa48("591") ? confidence += w.weight : (stryCov_9fa48("591"), confidence -= w.weight);
        const text = cause.render.against[i]!(context);
        against.push(text);
        reasons.push(stryMutAct_9fa48("592") ? {} : (stryCov_9fa48("592"), {
          text,
          weight: stryMutAct_9fa48("593") ? +w.weight : (stryCov_9fa48("593"), -w.weight),
          when: describeCondition(w.when, input.facts)
        }));
      }
    });
    const cited = stryMutAct_9fa48("594") ? input.findings : (stryCov_9fa48("594"), input.findings.filter(stryMutAct_9fa48("595") ? () => undefined : (stryCov_9fa48("595"), f => matched.has(f))));
    const top = cited.reduce<Severity | 'none'>(stryMutAct_9fa48("596") ? () => undefined : (stryCov_9fa48("596"), (best, f) => (stryMutAct_9fa48("599") ? best === 'none' && severityRank(f.severity) > severityRank(best) : stryMutAct_9fa48("598") ? false : stryMutAct_9fa48("597") ? true : (stryCov_9fa48("597", "598", "599"), (stryMutAct_9fa48("601") ? best !== 'none' : stryMutAct_9fa48("600") ? false : (stryCov_9fa48("600", "601"), best === (stryMutAct_9fa48("602") ? "" : (stryCov_9fa48("602"), 'none')))) || (stryMutAct_9fa48("605") ? severityRank(f.severity) <= severityRank(best) : stryMutAct_9fa48("604") ? severityRank(f.severity) >= severityRank(best) : stryMutAct_9fa48("603") ? false : (stryCov_9fa48("603", "604", "605"), severityRank(f.severity) > severityRank(best))))) ? f.severity : best), stryMutAct_9fa48("606") ? "" : (stryCov_9fa48("606"), 'none'));
    return stryMutAct_9fa48("607") ? {} : (stryCov_9fa48("607"), {
      id: cause.id,
      cause: cause.title,
      summary: stryMutAct_9fa48("608") ? cause.render.summary(context) : (stryCov_9fa48("608"), cause.render.summary(context).trim()),
      confidence: round2(stryMutAct_9fa48("609") ? Math.min(MIN_CONFIDENCE, Math.min(MAX_CONFIDENCE, confidence)) : (stryCov_9fa48("609"), Math.max(MIN_CONFIDENCE, stryMutAct_9fa48("610") ? Math.max(MAX_CONFIDENCE, confidence) : (stryCov_9fa48("610"), Math.min(MAX_CONFIDENCE, confidence))))),
      supporting: cited.map(stryMutAct_9fa48("611") ? () => undefined : (stryCov_9fa48("611"), f => stryMutAct_9fa48("612") ? {} : (stryCov_9fa48("612"), {
        findingId: f.id,
        ruleId: f.ruleId,
        verdict: f.verdict
      }))),
      against,
      reasons,
      strength: stryMutAct_9fa48("613") ? {} : (stryCov_9fa48("613"), {
        topSeverity: top,
        signals: stryMutAct_9fa48("614") ? reasons.length : (stryCov_9fa48("614"), reasons.filter(stryMutAct_9fa48("615") ? () => undefined : (stryCov_9fa48("615"), r => stryMutAct_9fa48("619") ? r.weight <= 0 : stryMutAct_9fa48("618") ? r.weight >= 0 : stryMutAct_9fa48("617") ? false : stryMutAct_9fa48("616") ? true : (stryCov_9fa48("616", "617", "618", "619"), r.weight > 0))).length),
        evidenceLines: cited.reduce(stryMutAct_9fa48("620") ? () => undefined : (stryCov_9fa48("620"), (n, f) => stryMutAct_9fa48("621") ? n - (f.evidenceCount ?? f.evidence.length) : (stryCov_9fa48("621"), n + (stryMutAct_9fa48("622") ? f.evidenceCount && f.evidence.length : (stryCov_9fa48("622"), f.evidenceCount ?? f.evidence.length)))), 0)
      }),
      remedy: cause.remedy,
      references: cause.references,
      triggeredBy,
      ranking: stryMutAct_9fa48("623") ? "Stryker was here!" : (stryCov_9fa48("623"), '')
    });
  }
}
const sevRank = stryMutAct_9fa48("624") ? () => undefined : (stryCov_9fa48("624"), (() => {
  const sevRank = (s: Severity | 'none') => (stryMutAct_9fa48("627") ? s !== 'none' : stryMutAct_9fa48("626") ? false : stryMutAct_9fa48("625") ? true : (stryCov_9fa48("625", "626", "627"), s === (stryMutAct_9fa48("628") ? "" : (stryCov_9fa48("628"), 'none')))) ? 0 : severityRank(s);
  return sevRank;
})());

/** Evidence strength, strongest first: worst supporting severity, signals that held, evidence lines. */
function compareStrength(a: RankedCause, b: RankedCause): number {
  if (stryMutAct_9fa48("629")) {
    {}
  } else {
    stryCov_9fa48("629");
    return stryMutAct_9fa48("632") ? (sevRank(b.strength.topSeverity) - sevRank(a.strength.topSeverity) || b.strength.signals - a.strength.signals) && b.strength.evidenceLines - a.strength.evidenceLines : stryMutAct_9fa48("631") ? false : stryMutAct_9fa48("630") ? true : (stryCov_9fa48("630", "631", "632"), (stryMutAct_9fa48("634") ? sevRank(b.strength.topSeverity) - sevRank(a.strength.topSeverity) && b.strength.signals - a.strength.signals : stryMutAct_9fa48("633") ? false : (stryCov_9fa48("633", "634"), (stryMutAct_9fa48("635") ? sevRank(b.strength.topSeverity) + sevRank(a.strength.topSeverity) : (stryCov_9fa48("635"), sevRank(b.strength.topSeverity) - sevRank(a.strength.topSeverity))) || (stryMutAct_9fa48("636") ? b.strength.signals + a.strength.signals : (stryCov_9fa48("636"), b.strength.signals - a.strength.signals)))) || (stryMutAct_9fa48("637") ? b.strength.evidenceLines + a.strength.evidenceLines : (stryCov_9fa48("637"), b.strength.evidenceLines - a.strength.evidenceLines)));
  }
}

/** Why `a` ranks above `b` at the same confidence, in words. */
function tieReason(a: RankedCause, b: RankedCause): string {
  if (stryMutAct_9fa48("638")) {
    {}
  } else {
    stryCov_9fa48("638");
    const s = a.strength;
    const t = b.strength;
    if (stryMutAct_9fa48("641") ? s.topSeverity === t.topSeverity : stryMutAct_9fa48("640") ? false : stryMutAct_9fa48("639") ? true : (stryCov_9fa48("639", "640", "641"), s.topSeverity !== t.topSeverity)) return stryMutAct_9fa48("642") ? `` : (stryCov_9fa48("642"), `its strongest finding is ${s.topSeverity}, against ${t.topSeverity}`);
    if (stryMutAct_9fa48("645") ? s.signals === t.signals : stryMutAct_9fa48("644") ? false : stryMutAct_9fa48("643") ? true : (stryCov_9fa48("643", "644", "645"), s.signals !== t.signals)) return stryMutAct_9fa48("646") ? `` : (stryCov_9fa48("646"), `${s.signals} supporting signals held, against ${t.signals}`);
    if (stryMutAct_9fa48("649") ? s.evidenceLines === t.evidenceLines : stryMutAct_9fa48("648") ? false : stryMutAct_9fa48("647") ? true : (stryCov_9fa48("647", "648", "649"), s.evidenceLines !== t.evidenceLines)) return stryMutAct_9fa48("650") ? `` : (stryCov_9fa48("650"), `${s.evidenceLines} evidence lines, against ${t.evidenceLines}`);
    return stryMutAct_9fa48("651") ? "" : (stryCov_9fa48("651"), 'the evidence is equally strong; listed in id order');
  }
}
export function rankCauses(causes: CompiledCause[], findings: Finding[], facts: Facts): RankedCause[] {
  if (stryMutAct_9fa48("652")) {
    {}
  } else {
    stryCov_9fa48("652");
    // Informational findings describe the device; they are not evidence of a failure.
    const input: ConditionInput = stryMutAct_9fa48("653") ? {} : (stryCov_9fa48("653"), {
      findings: stryMutAct_9fa48("654") ? findings : (stryCov_9fa48("654"), findings.filter(stryMutAct_9fa48("655") ? () => undefined : (stryCov_9fa48("655"), f => stryMutAct_9fa48("658") ? f.severity === 'info' : stryMutAct_9fa48("657") ? false : stryMutAct_9fa48("656") ? true : (stryCov_9fa48("656", "657", "658"), f.severity !== (stryMutAct_9fa48("659") ? "" : (stryCov_9fa48("659"), 'info')))))),
      facts
    });
    const context = templateContext(input);
    const ranked = stryMutAct_9fa48("661") ? causes.map(c => evaluate(c, input, context)).sort((a, b) => b.confidence - a.confidence || compareStrength(a, b) || (a.id < b.id ? -1 : 1)) : stryMutAct_9fa48("660") ? causes.map(c => evaluate(c, input, context)).filter((c): c is RankedCause => c !== null) : (stryCov_9fa48("660", "661"), causes.map(stryMutAct_9fa48("662") ? () => undefined : (stryCov_9fa48("662"), c => evaluate(c, input, context))).filter(stryMutAct_9fa48("663") ? () => undefined : (stryCov_9fa48("663"), (c): c is RankedCause => stryMutAct_9fa48("666") ? c === null : stryMutAct_9fa48("665") ? false : stryMutAct_9fa48("664") ? true : (stryCov_9fa48("664", "665", "666"), c !== null))).sort(stryMutAct_9fa48("667") ? () => undefined : (stryCov_9fa48("667"), (a, b) => stryMutAct_9fa48("670") ? (b.confidence - a.confidence || compareStrength(a, b)) && (a.id < b.id ? -1 : 1) : stryMutAct_9fa48("669") ? false : stryMutAct_9fa48("668") ? true : (stryCov_9fa48("668", "669", "670"), (stryMutAct_9fa48("672") ? b.confidence - a.confidence && compareStrength(a, b) : stryMutAct_9fa48("671") ? false : (stryCov_9fa48("671", "672"), (stryMutAct_9fa48("673") ? b.confidence + a.confidence : (stryCov_9fa48("673"), b.confidence - a.confidence)) || compareStrength(a, b))) || ((stryMutAct_9fa48("677") ? a.id >= b.id : stryMutAct_9fa48("676") ? a.id <= b.id : stryMutAct_9fa48("675") ? false : stryMutAct_9fa48("674") ? true : (stryCov_9fa48("674", "675", "676", "677"), a.id < b.id)) ? stryMutAct_9fa48("678") ? +1 : (stryCov_9fa48("678"), -1) : 1)))));
    ranked.forEach((c, i) => {
      if (stryMutAct_9fa48("679")) {
        {}
      } else {
        stryCov_9fa48("679");
        const next = ranked[stryMutAct_9fa48("680") ? i - 1 : (stryCov_9fa48("680"), i + 1)];
        if (stryMutAct_9fa48("683") ? !next && next.confidence !== c.confidence : stryMutAct_9fa48("682") ? false : stryMutAct_9fa48("681") ? true : (stryCov_9fa48("681", "682", "683"), (stryMutAct_9fa48("684") ? next : (stryCov_9fa48("684"), !next)) || (stryMutAct_9fa48("686") ? next.confidence === c.confidence : stryMutAct_9fa48("685") ? false : (stryCov_9fa48("685", "686"), next.confidence !== c.confidence)))) return;
        const why = tieReason(c, next);
        const pct = stryMutAct_9fa48("687") ? `` : (stryCov_9fa48("687"), `${Math.round(stryMutAct_9fa48("688") ? c.confidence / 100 : (stryCov_9fa48("688"), c.confidence * 100))}%`);
        c.tieBreak = stryMutAct_9fa48("689") ? [c.tieBreak, `ranked above "${next.cause}" (also ${pct}): ${why}`].join('; ') : (stryCov_9fa48("689"), (stryMutAct_9fa48("690") ? [] : (stryCov_9fa48("690"), [c.tieBreak, stryMutAct_9fa48("691") ? `` : (stryCov_9fa48("691"), `ranked above "${next.cause}" (also ${pct}): ${why}`)])).filter(Boolean).join(stryMutAct_9fa48("692") ? "" : (stryCov_9fa48("692"), '; ')));
        next.tieBreak = stryMutAct_9fa48("693") ? `` : (stryCov_9fa48("693"), `ranked below "${c.cause}" (also ${pct}): ${why}`);
      }
    });
    const bases = new Map(causes.map(stryMutAct_9fa48("694") ? () => undefined : (stryCov_9fa48("694"), c => stryMutAct_9fa48("695") ? [] : (stryCov_9fa48("695"), [c.id, c.base]))));
    ranked.forEach(stryMutAct_9fa48("696") ? () => undefined : (stryCov_9fa48("696"), (c, i) => c.ranking = rankingSentence(c, stryMutAct_9fa48("697") ? bases.get(c.id) && 0 : (stryCov_9fa48("697"), bases.get(c.id) ?? 0), i, ranked)));
    return ranked;
  }
}

/** Why a cause ranks where it does: position, what raised it, each weight that held, its neighbours. */
function rankingSentence(c: RankedCause, base: number, i: number, ranked: RankedCause[]): string {
  if (stryMutAct_9fa48("698")) {
    {}
  } else {
    stryCov_9fa48("698");
    const parts = stryMutAct_9fa48("699") ? [] : (stryCov_9fa48("699"), [stryMutAct_9fa48("700") ? `` : (stryCov_9fa48("700"), `ranked ${stryMutAct_9fa48("701") ? i - 1 : (stryCov_9fa48("701"), i + 1)} of ${ranked.length} at ${pctOf(c.confidence)}`)]);
    const by = c.triggeredBy.findingIds.length ? stryMutAct_9fa48("702") ? `` : (stryCov_9fa48("702"), ` (findings ${stryMutAct_9fa48("703") ? c.triggeredBy.findingIds.join(', ') : (stryCov_9fa48("703"), c.triggeredBy.findingIds.slice(0, 4).join(stryMutAct_9fa48("704") ? "" : (stryCov_9fa48("704"), ', ')))}${(stryMutAct_9fa48("708") ? c.triggeredBy.findingIds.length <= 4 : stryMutAct_9fa48("707") ? c.triggeredBy.findingIds.length >= 4 : stryMutAct_9fa48("706") ? false : stryMutAct_9fa48("705") ? true : (stryCov_9fa48("705", "706", "707", "708"), c.triggeredBy.findingIds.length > 4)) ? stryMutAct_9fa48("709") ? `` : (stryCov_9fa48("709"), ` and ${stryMutAct_9fa48("710") ? c.triggeredBy.findingIds.length + 4 : (stryCov_9fa48("710"), c.triggeredBy.findingIds.length - 4)} more`) : stryMutAct_9fa48("711") ? "Stryker was here!" : (stryCov_9fa48("711"), '')})`) : stryMutAct_9fa48("712") ? "Stryker was here!" : (stryCov_9fa48("712"), '');
    parts.push(stryMutAct_9fa48("713") ? `` : (stryCov_9fa48("713"), `raised by ${c.triggeredBy.conditions.join(stryMutAct_9fa48("714") ? "" : (stryCov_9fa48("714"), ' and '))}${by}`));
    const steps = stryMutAct_9fa48("715") ? [] : (stryCov_9fa48("715"), [stryMutAct_9fa48("716") ? `` : (stryCov_9fa48("716"), `base ${pctOf(base)}`), ...c.reasons.map(stryMutAct_9fa48("717") ? () => undefined : (stryCov_9fa48("717"), r => stryMutAct_9fa48("718") ? `` : (stryCov_9fa48("718"), `${(stryMutAct_9fa48("722") ? r.weight <= 0 : stryMutAct_9fa48("721") ? r.weight >= 0 : stryMutAct_9fa48("720") ? false : stryMutAct_9fa48("719") ? true : (stryCov_9fa48("719", "720", "721", "722"), r.weight > 0)) ? stryMutAct_9fa48("723") ? "" : (stryCov_9fa48("723"), '+') : stryMutAct_9fa48("724") ? "" : (stryCov_9fa48("724"), '-')}${pctOf(Math.abs(r.weight))} ${(stryMutAct_9fa48("728") ? r.weight <= 0 : stryMutAct_9fa48("727") ? r.weight >= 0 : stryMutAct_9fa48("726") ? false : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726", "727", "728"), r.weight > 0)) ? stryMutAct_9fa48("729") ? "" : (stryCov_9fa48("729"), 'for') : stryMutAct_9fa48("730") ? "" : (stryCov_9fa48("730"), 'against')} ${stryMutAct_9fa48("731") ? r.when && r.text : (stryCov_9fa48("731"), r.when ?? r.text)}`)))]);
    const raw = stryMutAct_9fa48("732") ? base - c.reasons.reduce((a, r) => a + r.weight, 0) : (stryCov_9fa48("732"), base + c.reasons.reduce(stryMutAct_9fa48("733") ? () => undefined : (stryCov_9fa48("733"), (a, r) => stryMutAct_9fa48("734") ? a - r.weight : (stryCov_9fa48("734"), a + r.weight)), 0));
    const capped = (stryMutAct_9fa48("738") ? Math.abs(round2(raw) - c.confidence) <= 0.001 : stryMutAct_9fa48("737") ? Math.abs(round2(raw) - c.confidence) >= 0.001 : stryMutAct_9fa48("736") ? false : stryMutAct_9fa48("735") ? true : (stryCov_9fa48("735", "736", "737", "738"), Math.abs(stryMutAct_9fa48("739") ? round2(raw) + c.confidence : (stryCov_9fa48("739"), round2(raw) - c.confidence)) > 0.001)) ? stryMutAct_9fa48("740") ? `` : (stryCov_9fa48("740"), `, held within ${pctOf(MIN_CONFIDENCE)}-${pctOf(MAX_CONFIDENCE)}`) : stryMutAct_9fa48("741") ? "Stryker was here!" : (stryCov_9fa48("741"), '');
    parts.push(stryMutAct_9fa48("742") ? `` : (stryCov_9fa48("742"), `${steps.join(stryMutAct_9fa48("743") ? "" : (stryCov_9fa48("743"), ', '))}${capped}`));
    if (stryMutAct_9fa48("746") ? false : stryMutAct_9fa48("745") ? true : stryMutAct_9fa48("744") ? c.reasons.some(r => r.weight < 0) : (stryCov_9fa48("744", "745", "746"), !(stryMutAct_9fa48("747") ? c.reasons.every(r => r.weight < 0) : (stryCov_9fa48("747"), c.reasons.some(stryMutAct_9fa48("748") ? () => undefined : (stryCov_9fa48("748"), r => stryMutAct_9fa48("752") ? r.weight >= 0 : stryMutAct_9fa48("751") ? r.weight <= 0 : stryMutAct_9fa48("750") ? false : stryMutAct_9fa48("749") ? true : (stryCov_9fa48("749", "750", "751", "752"), r.weight < 0))))))) parts.push(stryMutAct_9fa48("753") ? "" : (stryCov_9fa48("753"), 'nothing counted against it'));
    const above = ranked[stryMutAct_9fa48("754") ? i + 1 : (stryCov_9fa48("754"), i - 1)];
    const below = ranked[stryMutAct_9fa48("755") ? i - 1 : (stryCov_9fa48("755"), i + 1)];
    if (stryMutAct_9fa48("758") ? above || above.confidence !== c.confidence : stryMutAct_9fa48("757") ? false : stryMutAct_9fa48("756") ? true : (stryCov_9fa48("756", "757", "758"), above && (stryMutAct_9fa48("760") ? above.confidence === c.confidence : stryMutAct_9fa48("759") ? true : (stryCov_9fa48("759", "760"), above.confidence !== c.confidence)))) parts.push(stryMutAct_9fa48("761") ? `` : (stryCov_9fa48("761"), `below "${above.cause}" (${pctOf(above.confidence)})`));
    if (stryMutAct_9fa48("764") ? below || below.confidence !== c.confidence : stryMutAct_9fa48("763") ? false : stryMutAct_9fa48("762") ? true : (stryCov_9fa48("762", "763", "764"), below && (stryMutAct_9fa48("766") ? below.confidence === c.confidence : stryMutAct_9fa48("765") ? true : (stryCov_9fa48("765", "766"), below.confidence !== c.confidence)))) parts.push(stryMutAct_9fa48("767") ? `` : (stryCov_9fa48("767"), `above "${below.cause}" (${pctOf(below.confidence)})`));
    if (stryMutAct_9fa48("769") ? false : stryMutAct_9fa48("768") ? true : (stryCov_9fa48("768", "769"), c.tieBreak)) parts.push(c.tieBreak);
    return parts.join(stryMutAct_9fa48("770") ? "" : (stryCov_9fa48("770"), '; ')) + (stryMutAct_9fa48("771") ? "" : (stryCov_9fa48("771"), '.'));
  }
}