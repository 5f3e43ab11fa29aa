import { describe, expect, it } from 'vitest';
import { detectState } from '../../src/core/state.js';
import { catalog, facts } from './builders.js';

const history = () =>
  catalog({
    '1.0.0': ['m:0000_base'],
    '1.3.0': ['m:0001_disc', 's:1.3.0/adjust.ts', 's:1.3.0/conditions.ts'],
    '1.4.0': ['m:0002_channels', 's:1.4.0/default-channel.ts', 'm:0003_channel_required'],
    '1.7.1': ['s:1.7.1/gift-card.ts'],
    '2.0.0': ['m:0004_drop'],
  });

describe('detectState', () => {
  it('empty: nothing recorded, no backend table', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, []));
    expect(s.state).toBe('empty');
    expect(s.databaseVersion).toBeNull();
    expect(s.pending).toHaveLength(9);
    expect(s.pending.every((p) => p.reason === 'new')).toBe(true);
  });

  it('behind: a complete older release', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, ['0000_base', '0001_disc', '1.3.0/adjust.ts', '1.3.0/conditions.ts']));
    expect(s.state).toBe('behind');
    expect(s.databaseVersion).toBe('1.3.0');
    expect(s.applied).toHaveLength(4);
    expect(s.pending.map((p) => p.id)[0]).toBe('0002_channels');
  });

  it('current: everything recorded', () => {
    const cat = history();
    const all = cat.releases.flatMap((r) => r.steps.map((st) => st.id));
    const s = detectState(cat, facts(cat, all));
    expect(s.state).toBe('current');
    expect(s.databaseVersion).toBe('2.0.0');
    expect(s.pending).toEqual([]);
  });

  it('interrupted: a release started by Stepwise and not finished', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, ['0000_base', '0001_disc', '1.3.0/adjust.ts']));
    expect(s.state).toBe('interrupted');
    expect(s.databaseVersion).toBe('1.0.0');
    expect(s.pending[0]).toMatchObject({ id: '1.3.0/conditions.ts', reason: 'resume' });
  });

  it('interrupted: the last run failed at a step', () => {
    const cat = history();
    const f = facts(cat, ['0000_base'], {
      extraHistory: [{ version: '1.3.0', stepId: '0001_disc', kind: 'migration', checksum: 'x', outcome: 'failed', finishedAt: new Date(0), error: 'boom' }],
    });
    const s = detectState(cat, f);
    expect(s.state).toBe('interrupted');
    expect(s.lastFailure?.stepId).toBe('0001_disc');
  });

  it('data-steps-missing: drizzle-kit applied every migration, no data step ran', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, ['0000_base', '0001_disc', '0002_channels', '0003_channel_required', '0004_drop'], { byStepwise: false }));
    expect(s.state).toBe('data-steps-missing');
    expect(s.databaseVersion).toBe('1.0.0');
    expect(s.pending.map((p) => [p.id, p.reason])).toEqual([
      ['1.3.0/adjust.ts', 'data-step-missing'],
      ['1.3.0/conditions.ts', 'data-step-missing'],
      ['1.4.0/default-channel.ts', 'data-step-missing'],
      ['1.7.1/gift-card.ts', 'data-step-missing'],
    ]);
  });

  it('data-steps-missing: drizzle-kit applied the newest release\'s migration, whose data step follows it', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, ['0000_base', '0001_disc'], { byStepwise: false }));
    expect(s.state).toBe('data-steps-missing');
  });

  it('behind with a gap: an older migration never applied while a newer one was', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, ['0000_base', '0002_channels']));
    expect(s.pending.find((p) => p.id === '0001_disc')?.reason).toBe('gap');
    expect(s.state).toBe('data-steps-missing'); // 1.4.0's own data step is missing too
    const cat2 = catalog({ '1.0.0': ['m:0000_a'], '1.1.0': ['m:0001_b'], '1.2.0': ['m:0002_c'] });
    const s2 = detectState(cat2, facts(cat2, ['0000_a', '0002_c']));
    expect(s2.state).toBe('behind');
    expect(s2.pending).toEqual([{ kind: 'migration', id: '0001_b', version: '1.1.0', reason: 'gap' }]);
    expect(s2.databaseVersion).toBe('1.0.0');
  });

  it('drift: an applied migration whose file changed', () => {
    const cat = history();
    const f = facts(cat, ['0000_base']);
    f.migrations[0].hash = 'something-else';
    const s = detectState(cat, f);
    expect(s.state).toBe('drift');
    expect(s.drift[0]).toMatchObject({ tag: '0000_base', recordedHash: 'something-else' });
  });

  it('drift: backend tables but nothing recorded (made by hand or push)', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, [], { tables: ['product'] }));
    expect(s.state).toBe('drift');
    expect(s.untracked).toBe(true);
  });

  it('ahead: a migration the code does not know', () => {
    const cat = history();
    const f = facts(cat, ['0000_base']);
    f.migrations.push({ id: 99, hash: 'h', createdAt: 1_900_000_000_000 });
    expect(detectState(cat, f).state).toBe('ahead');
  });

  it('ahead: history names a release the code does not know', () => {
    const cat = history();
    const all = cat.releases.flatMap((r) => r.steps.map((st) => st.id));
    const s = detectState(
      cat,
      facts(cat, all, { extraHistory: [{ version: '3.0.0', stepId: '3.0.0/x.ts', kind: 'script', checksum: 'x', outcome: 'applied', finishedAt: null }] }),
    );
    expect(s.state).toBe('ahead');
    expect(s.unknown[0].kind).toBe('release');
  });

  it('a rehearsal leaves the state as it was', () => {
    const cat = history();
    const s = detectState(cat, facts(cat, [], { extraHistory: [{ version: '1.0.0', stepId: '0000_base', kind: 'migration', checksum: 'x', outcome: 'rehearsed', finishedAt: null }] }));
    expect(s.state).toBe('empty');
  });
});
