// A figure: Stepwise's runs next to its reference's runs (same run of the bench), their medians,
// the ratio and whether the goal is met.
import { median } from './measure.mjs';

/**
 * ratio 'time': Stepwise median / reference median (lower is better).
 * ratio 'throughput': reference time / Stepwise time, i.e. Stepwise's throughput as a share of the floor's.
 * goal: { text, met(ratio, stepwiseMedian) → boolean }
 */
export function figure({ id, figure: name, backend, unit = 'ms', stepwise, reference = null, ratio = 'time', goal = null, notes }) {
  const sw = median(stepwise.runs);
  const ref = reference ? median(reference.runs) : null;
  let r = null;
  if (sw !== null && ref !== null && sw > 0 && ref > 0) r = ratio === 'throughput' ? ref / sw : sw / ref;
  return {
    id,
    figure: name,
    backend,
    unit,
    stepwise: { label: stepwise.label, median: sw, runs: stepwise.runs },
    reference: reference ? { label: reference.label, median: ref, runs: reference.runs } : null,
    ratio: r,
    ratioKind: reference ? ratio : null,
    goal: goal ? goal.text : null,
    met: goal ? Boolean(goal.met(r, sw)) : null,
    ...(notes ? { notes } : {}),
  };
}

export const goals = {
  ratioAtMost: (max) => ({ text: `≤ ${max}×`, met: (r) => r !== null && r <= max }),
  ratioBelow: (max) => ({ text: `< ${max}×`, met: (r) => r !== null && r < max }),
  ratioAtLeast: (min) => ({ text: `≥ ${min}`, met: (r) => r !== null && r >= min }),
  below: (max, unit) => ({ text: `< ${max} ${unit}`, met: (_r, v) => v !== null && v < max }),
};
