// Counting outcomes: totals, recall and precision, and the breakdowns by group and by rule.

const OUTCOMES = ['tp', 'fn', 'fp', 'tn', 'unscored'];

/** Fixed to three decimals like the shared scorers, or null when undefined (no flag site, no finding). */
const ratio = (numerator, denominator) =>
  denominator ? Number((numerator / denominator).toFixed(3)) : null;

/** Outcome counts of some site rows, with recall = TP/(TP+FN) and precision = TP/(TP+FP). */
export function totals(rows) {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0]));
  for (const row of rows) counts[row.outcome]++;
  const flag = rows.filter((row) => row.expected === 'flag').length;
  const ok = rows.filter((row) => row.expected === 'ok').length;
  return {
    sites: rows.length,
    flag,
    ok,
    ...counts,
    recall: ratio(counts.tp, counts.tp + counts.fn),
    precision: ratio(counts.tp, counts.tp + counts.fp),
  };
}

/** totals() per value of key(row); groups in `order` first, the others by size then name. */
export function breakdown(rows, key, order = []) {
  const groups = new Map();
  for (const row of rows) {
    const name = key(row);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(row);
  }
  return Object.fromEntries(
    [...groups]
      .sort(
        ([a, rowsA], [b, rowsB]) =>
          rank(order, a) - rank(order, b) ||
          rowsB.length - rowsA.length ||
          String(a).localeCompare(String(b)),
      )
      .map(([name, group]) => [name, totals(group)]),
  );
}

const rank = (order, name) => (order.includes(name) ? order.indexOf(name) : order.length);

/**
 * Which rule produced each true and false positive: per rule, the TP and FP sites where it has a
 * finding (a site found by two rules counts for both), those where it is the only rule that
 * fired, and its stray findings (near no site).
 */
export function perRule(rows, stray, ruleIds) {
  const table = Object.fromEntries(
    ruleIds.map((id) => [id, { tp: 0, fp: 0, onlyTp: 0, onlyFp: 0, stray: 0 }]),
  );
  for (const row of rows) {
    if (row.outcome !== 'tp' && row.outcome !== 'fp') continue;
    const rules = [...new Set(row.findings.map((finding) => finding.ruleId))];
    for (const id of rules) {
      table[id][row.outcome]++;
      if (rules.length === 1) table[id][row.outcome === 'tp' ? 'onlyTp' : 'onlyFp']++;
    }
  }
  for (const finding of stray) table[finding.ruleId].stray++;
  return table;
}
