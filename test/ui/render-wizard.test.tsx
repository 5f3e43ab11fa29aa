import { Console } from 'node:console';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWizard } from '../../src/ui/render-wizard.js';
import { fakeSession } from './fake-session.js';
import { FakeStdin, FakeStdout, KEY } from './terminal.js';

const streams = () => {
  const stdout = new FakeStdout(80, 24);
  const stdin = new FakeStdin();
  return {
    stdout,
    stdin,
    options: {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: new FakeStdout(80, 24) as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
    },
  };
};

// Ink patches the console while it renders (a data step's console.log must not tear the frame);
// vitest's console lacks the Console class Ink builds the patch from
beforeAll(() => {
  (console as unknown as { Console: typeof Console }).Console ??= Console;
});

const written = (stdout: FakeStdout) => stripVTControlCharacters(stdout.frames.join(''));

describe('renderWizard', () => {
  it('resolves with 0 when there is nothing to do, and leaves closing the session to its creator', async () => {
    const session = fakeSession({ plan: { state: 'current', databaseVersion: '2.0.0' } });
    const { stdout, options } = streams();
    await expect(renderWizard(session, options)).resolves.toBe(0);
    expect(session.closed).toBe(false);
    expect(written(stdout)).toContain('Nothing to do');
  });

  it('resolves with 3 on a refusal', async () => {
    const session = fakeSession({ plan: { state: 'drift', refusal: { state: 'drift', message: 'changed file', details: [] } } });
    await expect(renderWizard(session, streams().options)).resolves.toBe(3);
  });

  it('resolves with 130 when the operator quits on the plan', async () => {
    const session = fakeSession();
    const { stdout, stdin, options } = streams();
    const code = renderWizard(session, options);
    while (!written(stdout).includes('enter start')) await new Promise((r) => setTimeout(r, 10));
    stdin.write('q');
    await expect(code).resolves.toBe(130);
  });

  it('resolves with 1 after a failed step', async () => {
    const session = fakeSession({
      plan: { from: '1.7.1', databaseVersion: '1.7.1' },
      steps: { '0004_categories_inventory': { fail: { message: 'relation "product_category" already exists', code: '42P07' } } },
    });
    const { stdout, stdin, options } = streams();
    const code = renderWizard(session, options);
    const until = async (text: string) => {
      while (!written(stdout).includes(text)) await new Promise((r) => setTimeout(r, 10));
    };
    await until('enter start');
    stdin.write(KEY.enter);
    await until('Apply this step?');
    stdin.write('y');
    await expect(code).resolves.toBe(1);
    expect(written(stdout)).toContain('relation "product_category" already exists');
  });

  it('rejects with the session error when opening fails', async () => {
    const session = fakeSession({ openError: new Error('password authentication failed for postgres://app:****@db/shop') });
    await expect(renderWizard(session, streams().options)).rejects.toThrow('password authentication failed');
  });
});
