/**
 * Evaluates a cause's conditions on the findings and facts, three-valued: a condition on a
 * fact the bundle does not carry is unknown, and unknown never counts for or against a cause.
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
import type { Finding } from '../types.js';
import type { Condition, FactCondition, TagCondition } from './types.js';
export type Truth = boolean | undefined;
export interface ConditionInput {
  findings: Finding[];
  facts: Facts;
}

/**
 * Whether the condition holds. Findings that made it hold (through tags not under `not`) are
 * added to `matched`, so a cause can cite the findings it rests on.
 */
export function holds(c: Condition, input: ConditionInput, matched?: Set<Finding>): Truth {
  if (stryMutAct_9fa48("309")) {
    {}
  } else {
    stryCov_9fa48("309");
    if (stryMutAct_9fa48("312") ? typeof c !== 'string' : stryMutAct_9fa48("311") ? false : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311", "312"), typeof c === (stryMutAct_9fa48("313") ? "" : (stryCov_9fa48("313"), 'string')))) return tagHolds(stryMutAct_9fa48("314") ? {} : (stryCov_9fa48("314"), {
      tag: c
    }), input, matched);
    if (stryMutAct_9fa48("316") ? false : stryMutAct_9fa48("315") ? true : (stryCov_9fa48("315", "316"), (stryMutAct_9fa48("317") ? "" : (stryCov_9fa48("317"), 'tag')) in c)) return tagHolds(c, input, matched);
    if (stryMutAct_9fa48("319") ? false : stryMutAct_9fa48("318") ? true : (stryCov_9fa48("318", "319"), (stryMutAct_9fa48("320") ? "" : (stryCov_9fa48("320"), 'fact')) in c)) return factHolds(c, input);
    if (stryMutAct_9fa48("322") ? false : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322"), (stryMutAct_9fa48("323") ? "" : (stryCov_9fa48("323"), 'not')) in c)) {
      if (stryMutAct_9fa48("324")) {
        {}
      } else {
        stryCov_9fa48("324");
        const t = holds(c.not, input);
        return (stryMutAct_9fa48("327") ? t !== undefined : stryMutAct_9fa48("326") ? false : stryMutAct_9fa48("325") ? true : (stryCov_9fa48("325", "326", "327"), t === undefined)) ? undefined : stryMutAct_9fa48("328") ? t : (stryCov_9fa48("328"), !t);
      }
    }
    if (stryMutAct_9fa48("330") ? false : stryMutAct_9fa48("329") ? true : (stryCov_9fa48("329", "330"), (stryMutAct_9fa48("331") ? "" : (stryCov_9fa48("331"), 'all')) in c)) {
      if (stryMutAct_9fa48("332")) {
        {}
      } else {
        stryCov_9fa48("332");
        const local = new Set<Finding>();
        let unknown = stryMutAct_9fa48("333") ? true : (stryCov_9fa48("333"), false);
        for (const sub of c.all) {
          if (stryMutAct_9fa48("334")) {
            {}
          } else {
            stryCov_9fa48("334");
            const t = holds(sub, input, local);
            if (stryMutAct_9fa48("337") ? t !== false : stryMutAct_9fa48("336") ? false : stryMutAct_9fa48("335") ? true : (stryCov_9fa48("335", "336", "337"), t === (stryMutAct_9fa48("338") ? true : (stryCov_9fa48("338"), false)))) return stryMutAct_9fa48("339") ? true : (stryCov_9fa48("339"), false);
            if (stryMutAct_9fa48("342") ? t !== undefined : stryMutAct_9fa48("341") ? false : stryMutAct_9fa48("340") ? true : (stryCov_9fa48("340", "341", "342"), t === undefined)) unknown = stryMutAct_9fa48("343") ? false : (stryCov_9fa48("343"), true);
          }
        }
        if (stryMutAct_9fa48("345") ? false : stryMutAct_9fa48("344") ? true : (stryCov_9fa48("344", "345"), unknown)) return undefined;
        for (const f of local) stryMutAct_9fa48("346") ? matched.add(f) : (stryCov_9fa48("346"), matched?.add(f));
        return stryMutAct_9fa48("347") ? false : (stryCov_9fa48("347"), true);
      }
    }
    let unknown = stryMutAct_9fa48("348") ? true : (stryCov_9fa48("348"), false);
    let any = stryMutAct_9fa48("349") ? true : (stryCov_9fa48("349"), false);
    for (const sub of c.any) {
      if (stryMutAct_9fa48("350")) {
        {}
      } else {
        stryCov_9fa48("350");
        const t = holds(sub, input, matched);
        if (stryMutAct_9fa48("353") ? t !== true : stryMutAct_9fa48("352") ? false : stryMutAct_9fa48("351") ? true : (stryCov_9fa48("351", "352", "353"), t === (stryMutAct_9fa48("354") ? false : (stryCov_9fa48("354"), true)))) any = stryMutAct_9fa48("355") ? false : (stryCov_9fa48("355"), true);else if (stryMutAct_9fa48("358") ? t !== undefined : stryMutAct_9fa48("357") ? false : stryMutAct_9fa48("356") ? true : (stryCov_9fa48("356", "357", "358"), t === undefined)) unknown = stryMutAct_9fa48("359") ? false : (stryCov_9fa48("359"), true);
      }
    }
    return any ? stryMutAct_9fa48("360") ? false : (stryCov_9fa48("360"), true) : unknown ? undefined : stryMutAct_9fa48("361") ? true : (stryCov_9fa48("361"), false);
  }
}
function tagHolds(c: TagCondition, input: ConditionInput, matched?: Set<Finding>): Truth {
  if (stryMutAct_9fa48("362")) {
    {}
  } else {
    stryCov_9fa48("362");
    const hits = stryMutAct_9fa48("363") ? input.findings : (stryCov_9fa48("363"), input.findings.filter(stryMutAct_9fa48("364") ? () => undefined : (stryCov_9fa48("364"), f => stryMutAct_9fa48("367") ? f.tags.includes(c.tag) || !c.except?.some(t => f.tags.includes(t)) : stryMutAct_9fa48("366") ? false : stryMutAct_9fa48("365") ? true : (stryCov_9fa48("365", "366", "367"), f.tags.includes(c.tag) && (stryMutAct_9fa48("368") ? c.except?.some(t => f.tags.includes(t)) : (stryCov_9fa48("368"), !(stryMutAct_9fa48("370") ? c.except.some(t => f.tags.includes(t)) : stryMutAct_9fa48("369") ? c.except?.every(t => f.tags.includes(t)) : (stryCov_9fa48("369", "370"), c.except?.some(stryMutAct_9fa48("371") ? () => undefined : (stryCov_9fa48("371"), t => f.tags.includes(t)))))))))));
    const ok = stryMutAct_9fa48("375") ? hits.length < (c.atLeast ?? 1) : stryMutAct_9fa48("374") ? hits.length > (c.atLeast ?? 1) : stryMutAct_9fa48("373") ? false : stryMutAct_9fa48("372") ? true : (stryCov_9fa48("372", "373", "374", "375"), hits.length >= (stryMutAct_9fa48("376") ? c.atLeast && 1 : (stryCov_9fa48("376"), c.atLeast ?? 1)));
    if (stryMutAct_9fa48("378") ? false : stryMutAct_9fa48("377") ? true : (stryCov_9fa48("377", "378"), ok)) for (const f of hits) stryMutAct_9fa48("379") ? matched.add(f) : (stryCov_9fa48("379"), matched?.add(f));
    return ok;
  }
}
function factHolds(c: FactCondition, input: ConditionInput): Truth {
  if (stryMutAct_9fa48("380")) {
    {}
  } else {
    stryCov_9fa48("380");
    const v = input.facts[c.fact];
    if (stryMutAct_9fa48("383") ? v !== undefined : stryMutAct_9fa48("382") ? false : stryMutAct_9fa48("381") ? true : (stryCov_9fa48("381", "382", "383"), v === undefined)) return undefined;
    if (stryMutAct_9fa48("386") ? c.lt === undefined : stryMutAct_9fa48("385") ? false : stryMutAct_9fa48("384") ? true : (stryCov_9fa48("384", "385", "386"), c.lt !== undefined)) return stryMutAct_9fa48("389") ? typeof v === 'number' || v < c.lt : stryMutAct_9fa48("388") ? false : stryMutAct_9fa48("387") ? true : (stryCov_9fa48("387", "388", "389"), (stryMutAct_9fa48("391") ? typeof v !== 'number' : stryMutAct_9fa48("390") ? true : (stryCov_9fa48("390", "391"), typeof v === (stryMutAct_9fa48("392") ? "" : (stryCov_9fa48("392"), 'number')))) && (stryMutAct_9fa48("395") ? v >= c.lt : stryMutAct_9fa48("394") ? v <= c.lt : stryMutAct_9fa48("393") ? true : (stryCov_9fa48("393", "394", "395"), v < c.lt)));
    if (stryMutAct_9fa48("398") ? c.le === undefined : stryMutAct_9fa48("397") ? false : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397", "398"), c.le !== undefined)) return stryMutAct_9fa48("401") ? typeof v === 'number' || v <= c.le : stryMutAct_9fa48("400") ? false : stryMutAct_9fa48("399") ? true : (stryCov_9fa48("399", "400", "401"), (stryMutAct_9fa48("403") ? typeof v !== 'number' : stryMutAct_9fa48("402") ? true : (stryCov_9fa48("402", "403"), typeof v === (stryMutAct_9fa48("404") ? "" : (stryCov_9fa48("404"), 'number')))) && (stryMutAct_9fa48("407") ? v > c.le : stryMutAct_9fa48("406") ? v < c.le : stryMutAct_9fa48("405") ? true : (stryCov_9fa48("405", "406", "407"), v <= c.le)));
    if (stryMutAct_9fa48("410") ? c.gt === undefined : stryMutAct_9fa48("409") ? false : stryMutAct_9fa48("408") ? true : (stryCov_9fa48("408", "409", "410"), c.gt !== undefined)) return stryMutAct_9fa48("413") ? typeof v === 'number' || v > c.gt : stryMutAct_9fa48("412") ? false : stryMutAct_9fa48("411") ? true : (stryCov_9fa48("411", "412", "413"), (stryMutAct_9fa48("415") ? typeof v !== 'number' : stryMutAct_9fa48("414") ? true : (stryCov_9fa48("414", "415"), typeof v === (stryMutAct_9fa48("416") ? "" : (stryCov_9fa48("416"), 'number')))) && (stryMutAct_9fa48("419") ? v <= c.gt : stryMutAct_9fa48("418") ? v >= c.gt : stryMutAct_9fa48("417") ? true : (stryCov_9fa48("417", "418", "419"), v > c.gt)));
    if (stryMutAct_9fa48("422") ? c.ge === undefined : stryMutAct_9fa48("421") ? false : stryMutAct_9fa48("420") ? true : (stryCov_9fa48("420", "421", "422"), c.ge !== undefined)) return stryMutAct_9fa48("425") ? typeof v === 'number' || v >= c.ge : stryMutAct_9fa48("424") ? false : stryMutAct_9fa48("423") ? true : (stryCov_9fa48("423", "424", "425"), (stryMutAct_9fa48("427") ? typeof v !== 'number' : stryMutAct_9fa48("426") ? true : (stryCov_9fa48("426", "427"), typeof v === (stryMutAct_9fa48("428") ? "" : (stryCov_9fa48("428"), 'number')))) && (stryMutAct_9fa48("431") ? v < c.ge : stryMutAct_9fa48("430") ? v > c.ge : stryMutAct_9fa48("429") ? true : (stryCov_9fa48("429", "430", "431"), v >= c.ge)));
    if (stryMutAct_9fa48("434") ? c.eq === undefined : stryMutAct_9fa48("433") ? false : stryMutAct_9fa48("432") ? true : (stryCov_9fa48("432", "433", "434"), c.eq !== undefined)) return stryMutAct_9fa48("437") ? v !== c.eq : stryMutAct_9fa48("436") ? false : stryMutAct_9fa48("435") ? true : (stryCov_9fa48("435", "436", "437"), v === c.eq);
    if (stryMutAct_9fa48("440") ? c.ne === undefined : stryMutAct_9fa48("439") ? false : stryMutAct_9fa48("438") ? true : (stryCov_9fa48("438", "439", "440"), c.ne !== undefined)) return stryMutAct_9fa48("443") ? v === c.ne : stryMutAct_9fa48("442") ? false : stryMutAct_9fa48("441") ? true : (stryCov_9fa48("441", "442", "443"), v !== c.ne);
    if (stryMutAct_9fa48("446") ? c.in === undefined : stryMutAct_9fa48("445") ? false : stryMutAct_9fa48("444") ? true : (stryCov_9fa48("444", "445", "446"), c.in !== undefined)) return (c.in as unknown[]).includes(v);
    return undefined;
  }
}

/** Every fact a condition reads (for load-time checks). */
export function factsOf(c: Condition): FactCondition[] {
  if (stryMutAct_9fa48("447")) {
    {}
  } else {
    stryCov_9fa48("447");
    if (stryMutAct_9fa48("450") ? typeof c === 'string' && 'tag' in c : stryMutAct_9fa48("449") ? false : stryMutAct_9fa48("448") ? true : (stryCov_9fa48("448", "449", "450"), (stryMutAct_9fa48("452") ? typeof c !== 'string' : stryMutAct_9fa48("451") ? false : (stryCov_9fa48("451", "452"), typeof c === (stryMutAct_9fa48("453") ? "" : (stryCov_9fa48("453"), 'string')))) || (stryMutAct_9fa48("454") ? "" : (stryCov_9fa48("454"), 'tag')) in c)) return stryMutAct_9fa48("455") ? ["Stryker was here"] : (stryCov_9fa48("455"), []);
    if (stryMutAct_9fa48("457") ? false : stryMutAct_9fa48("456") ? true : (stryCov_9fa48("456", "457"), (stryMutAct_9fa48("458") ? "" : (stryCov_9fa48("458"), 'fact')) in c)) return stryMutAct_9fa48("459") ? [] : (stryCov_9fa48("459"), [c]);
    if (stryMutAct_9fa48("461") ? false : stryMutAct_9fa48("460") ? true : (stryCov_9fa48("460", "461"), (stryMutAct_9fa48("462") ? "" : (stryCov_9fa48("462"), 'not')) in c)) return factsOf(c.not);
    return ((stryMutAct_9fa48("463") ? "" : (stryCov_9fa48("463"), 'all')) in c ? c.all : c.any).flatMap(factsOf);
  }
}