import { describe, expect, it } from 'vitest';
import { referralTarget } from './referral.js';

describe('referralTarget', () => {
  it('takes the address and the name it belongs to', () => {
    expect(referralTarget('Please talk to Sue Park, sue.park@acme.example.')).toEqual({
      email: 'sue.park@acme.example',
      name: 'Sue Park',
    });
    expect(referralTarget('Melissa Brooks has taken over reporting, mbrooks@acme.example.')).toEqual({
      email: 'mbrooks@acme.example',
      name: 'Melissa Brooks',
    });
    expect(referralTarget('That would be our controller, Tom Carver (tcarver@acme.example).')).toEqual({
      email: 'tcarver@acme.example',
      name: 'Tom Carver',
    });
  });

  it('takes a name alone after the words that point, in every language', () => {
    expect(referralTarget('Not me - try Rebecca in our Boston office.')).toEqual({ name: 'Rebecca' });
    expect(referralTarget("That's Bill Ng, our CFO.")).toEqual({ name: 'Bill Ng' });
    expect(referralTarget("You'll want Priya Desai, our Head of Financial Planning.")).toEqual({
      name: 'Priya Desai',
    });
    expect(referralTarget('Zuständig ist unser Leiter Controlling, Herr Martin Schneider.')).toEqual({
      name: 'Martin Schneider',
    });
    expect(referralTarget('Habla con Pedro Martín, nuestro responsable.')).toEqual({ name: 'Pedro Martín' });
  });

  it('takes a team mailbox without a name', () => {
    expect(referralTarget('It goes through finance.systems@acme.example, mention my name.')).toEqual({
      email: 'finance.systems@acme.example',
    });
  });

  it('finds nobody in a reply that names no one', () => {
    expect(referralTarget('Our CFO handles vendors.')).toBeUndefined();
    expect(referralTarget("I'm not the right person for this, sorry.")).toBeUndefined();
  });
});
