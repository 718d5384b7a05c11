import { JobName } from './job-names';
import { collectHandlers } from './job-runner.service';

const handler = (): Promise<void> => Promise.resolve();

describe('collectHandlers', () => {
  const all = Object.values(JobName).map((name) => ({ name, owner: `S.${name}`, handler }));

  it('accepts exactly one handler per job', () => {
    expect(collectHandlers(all).size).toBe(Object.values(JobName).length);
  });

  it('refuses a job without a handler', () => {
    expect(() => collectHandlers(all.slice(1))).toThrow(`${all[0].name} has no handler`);
  });

  it('refuses a job with two handlers, naming both', () => {
    expect(() => collectHandlers([...all, { ...all[0], owner: 'Other.method' }])).toThrow(
      /has 2 handlers .*Other\.method/,
    );
  });
});
