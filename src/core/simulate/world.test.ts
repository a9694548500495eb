// World configs: the named worlds are valid and as documented, a world file extends one and lists
// only what differs, and a bad field is named in the error.

import { describe, expect, it } from 'vitest';
import { PursuitError } from '../errors.js';
import { checkWorld, withOverrides, worldFromDocument } from './world.js';
import { DEFAULT_WORLD, WORLDS } from './worlds.js';

function problem(fn: () => unknown): { path: string | undefined; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PursuitError);
    const e = error as PursuitError;
    expect(e.code).toBe('INVALID_INPUT');
    return { path: e.path, message: e.detail };
  }
  throw new Error('expected an error');
}

describe('the named worlds', () => {
  it('are valid, a quarter long, and all but idle bring more leads than the reps can work', () => {
    for (const [name, world] of Object.entries(WORLDS)) {
      expect(checkWorld(world)).toBe(world);
      expect(world.name).toBe(name);
      expect(world.days).toBe(63);
    }
    // A full chase of 8 touches is about 37 playbook minutes: leads x 37 against the day's minutes.
    const load = (name: string) => {
      const w = WORLDS[name]!;
      return (w.leadsPerRepPerDay * 37) / (w.hoursPerDay * 60);
    };
    for (const name of ['default', 'inbound', 'enterprise']) expect(load(name)).toBeGreaterThan(1);
    expect(load('idle')).toBeLessThan(0.5);
  });
});

describe('a world file', () => {
  it('extends the default world unless it names another, changing only what it lists', () => {
    const world = worldFromDocument({ leadsPerRepPerDay: 3, neverRespond: { outbound: 0.9 } }, WORLDS);
    expect(world.leadsPerRepPerDay).toBe(3);
    expect(world.neverRespond).toEqual({ ...DEFAULT_WORLD.neverRespond, outbound: 0.9 });
    expect(world.hazard).toEqual(DEFAULT_WORLD.hazard);
    expect(world.name).toBe('default (changed)');
    expect(world.description).toBe('the default world with leadsPerRepPerDay, neverRespond changed');
    const inbound = worldFromDocument({ extends: 'inbound', name: 'ours', reps: 4 }, WORLDS);
    expect(inbound).toMatchObject({ name: 'ours', reps: 4, leadsPerRepPerDay: 15 });
  });

  it('names the field that is wrong', () => {
    expect(problem(() => worldFromDocument({ winRate: 1.5 }, WORLDS))).toMatchObject({
      path: 'world.winRate',
    });
    expect(problem(() => worldFromDocument({ hazard: { call: [0.2, 'high'] } }, WORLDS)).path).toBe(
      'world.hazard.call.1',
    );
    expect(problem(() => worldFromDocument({ reps: 2.5 }, WORLDS))).toMatchObject({
      path: 'world.reps',
      message: expect.stringContaining('whole number') as string,
    });
    expect(problem(() => worldFromDocument({ dealValue: { min: 5000, max: 100 } }, WORLDS))).toMatchObject({
      path: 'world.dealValue.min',
    });
    expect(
      problem(() =>
        worldFromDocument({ sourceMix: { inbound: 0.5, outbound: 0.6, referral: 0, event: 0 } }, WORLDS),
      ),
    ).toMatchObject({ path: 'world.sourceMix', message: expect.stringContaining('sum to 1') as string });
  });

  it('names an unknown field rather than ignoring it', () => {
    expect(problem(() => worldFromDocument({ leadsPerDay: 4 }, WORLDS)).path).toBe('world.leadsPerDay');
    expect(problem(() => worldFromDocument({ hazard: { sms: [0.1] } }, WORLDS)).path).toBe(
      'world.hazard.sms',
    );
  });

  it('names an unknown world to extend, and refuses what is not an object', () => {
    expect(problem(() => worldFromDocument({ extends: 'mars' }, WORLDS))).toMatchObject({
      path: 'world.extends',
      message: expect.stringContaining('"default", "inbound"') as string,
    });
    expect(problem(() => worldFromDocument([1, 2], WORLDS)).path).toBe('world');
  });

  it('takes the command line overrides, checked like the rest', () => {
    expect(withOverrides(DEFAULT_WORLD, { days: 5, reps: 2 })).toMatchObject({ days: 5, reps: 2 });
    expect(problem(() => withOverrides(DEFAULT_WORLD, { days: 0 })).path).toBe('world.days');
  });
});
