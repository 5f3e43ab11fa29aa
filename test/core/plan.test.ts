import { describe, expect, it } from 'vitest';
import { planUpgrade, TargetError } from '../../src/core/plan.js';
import { detectState } from '../../src/core/state.js';
import { catalog, facts } from './builders.js';

const cat = () =>
  catalog({
    '1.0.0': ['m:0000_base'],
    '1.3.0': ['m:0001_disc', 's:1.3.0/adjust.ts'],
    '1.8.0': ['m:0002_inventory', 's:1.8.0/items.ts'],
    '2.0.0': ['m:0003_drop'],
  });

describe('planUpgrade', () => {
  it('a first install plans every release in order and marks release ends', () => {
    const c = cat();
    const plan = planUpgrade(c, detectState(c, facts(c, [])));
    expect(plan.steps.map((s) => s.id)).toEqual(['0000_base', '0001_disc', '1.3.0/adjust.ts', '0002_inventory', '1.8.0/items.ts', '0003_drop']);
    expect(plan.steps.filter((s) => s.completesRelease).map((s) => s.version)).toEqual(['1.0.0', '1.3.0', '1.8.0', '2.0.0']);
    expect(plan.releases.map((r) => r.version)).toEqual(['1.0.0', '1.3.0', '1.8.0', '2.0.0']);
    expect(plan.target).toBe('2.0.0');
    expect(plan.notices.join(' ')).toMatch(/first install/);
  });

  it('--to stops exactly at an intermediate release', () => {
    const c = cat();
    const plan = planUpgrade(c, detectState(c, facts(c, ['0000_base'])), { to: '1.3.0' });
    expect(plan.steps.map((s) => s.id)).toEqual(['0001_disc', '1.3.0/adjust.ts']);
    expect(plan.target).toBe('1.3.0');
  });

  it('--to an unknown release or below the database version is refused', () => {
    const c = cat();
    const state = detectState(c, facts(c, ['0000_base', '0001_disc', '1.3.0/adjust.ts']));
    expect(() => planUpgrade(c, state, { to: '9.9.9' })).toThrow(TargetError);
    expect(() => planUpgrade(c, state, { to: '1.0.0' })).toThrow(/does not downgrade/);
    expect(planUpgrade(c, state, { to: '1.3.0' }).steps).toEqual([]);
  });

  it('the destructive 2.0.0 step always comes after the missing 1.8.0 data step', () => {
    const c = cat();
    const state = detectState(c, facts(c, ['0000_base', '0001_disc', '1.3.0/adjust.ts', '0002_inventory', '0003_drop'], { byStepwise: false }));
    // 0003 already applied by another tool: the data step is missing and flagged
    const plan = planUpgrade(c, state);
    expect(plan.state).toBe('data-steps-missing');
    expect(plan.steps.map((s) => [s.id, s.reason])).toEqual([['1.8.0/items.ts', 'data-step-missing']]);
    expect(plan.notices[0]).toMatch(/never ran/);

    const state2 = detectState(c, facts(c, ['0000_base', '0001_disc', '1.3.0/adjust.ts', '0002_inventory'], { byStepwise: false }));
    const ids = planUpgrade(c, state2).steps.map((s) => s.id);
    expect(ids.indexOf('1.8.0/items.ts')).toBeLessThan(ids.indexOf('0003_drop'));
  });

  it('resumes an interrupted release at its first missing step and says so', () => {
    const c = cat();
    const plan = planUpgrade(c, detectState(c, facts(c, ['0000_base', '0001_disc'])));
    expect(plan.state).toBe('interrupted');
    expect(plan.steps[0]).toMatchObject({ id: '1.3.0/adjust.ts', reason: 'resume', completesRelease: true });
    expect(plan.notices[0]).toMatch(/resumes at script 1.3.0\/adjust.ts/);
  });

  it('explains a gap migration', () => {
    const c = catalog({ '1.0.0': ['m:0000_a'], '1.1.0': ['m:0001_b'], '1.2.0': ['m:0002_c'] });
    const plan = planUpgrade(c, detectState(c, facts(c, ['0000_a', '0002_c'])));
    expect(plan.steps.map((s) => s.id)).toEqual(['0001_b']);
    expect(plan.notices[0]).toMatch(/skipped this one/);
  });

  it('refuses drift and ahead with the offending records named', () => {
    const c = cat();
    const f = facts(c, ['0000_base']);
    f.migrations[0].hash = 'changed';
    const drift = planUpgrade(c, detectState(c, f));
    expect(drift.refusal?.state).toBe('drift');
    expect(drift.refusal?.details[0]).toMatch(/drizzle\/0000_base.sql/);
    expect(drift.steps).toEqual([]);

    const f2 = facts(c, ['0000_base']);
    f2.migrations.push({ id: 7, hash: 'h', createdAt: 42 });
    const ahead = planUpgrade(c, detectState(c, f2));
    expect(ahead.refusal?.state).toBe('ahead');
    expect(ahead.refusal?.message).toMatch(/newer than the code/);
  });

  it('nothing to do when current', () => {
    const c = cat();
    const all = c.releases.flatMap((r) => r.steps.map((s) => s.id));
    const plan = planUpgrade(c, detectState(c, facts(c, all)));
    expect(plan.steps).toEqual([]);
    expect(plan.refusal).toBeNull();
  });
});
