import { afterEach, describe, expect, it, vi } from 'vitest';

// chalk decides its colour level when it is first imported: force colour for this file only,
// so the test can see that the palette, and only the palette, turns colour off
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});

const { fakeSession } = await import('./fake-session.js');
const { renderWizardInTerminal } = await import('./terminal.js');
const { coloursWanted } = await import('../../src/ui/palette.js');

// SGR foreground colours: 30–37, 90–97
const COLOUR = /\u001B\[(3[0-7]|9[0-7])m/;

const mounted: { unmount(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((t) => t.unmount()));

describe('NO_COLOR', () => {
  it('is read the no-color.org way: set and not empty', () => {
    expect(coloursWanted({})).toBe(true);
    expect(coloursWanted({ NO_COLOR: '' })).toBe(true);
    expect(coloursWanted({ NO_COLOR: '1' })).toBe(false);
  });

  it('with colours the plan uses them (warnings, data loss, keys)', async () => {
    const t = renderWizardInTerminal(fakeSession(), { colours: true });
    mounted.push(t);
    await t.waitFor('enter start');
    expect(t.rawFrame()).toMatch(COLOUR);
  });

  it('without colours no frame of the plan or a step question has a colour code', async () => {
    const t = renderWizardInTerminal(fakeSession(), { colours: false });
    mounted.push(t);
    await t.waitFor('enter start');
    await t.press('\r');
    await t.waitFor('Apply this step?');
    for (const frame of t.stdout.frames) expect(frame).not.toMatch(COLOUR);
  });
});
