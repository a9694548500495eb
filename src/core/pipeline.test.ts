import { describe, expect, it } from 'vitest';
import { ACTIONS } from './decision.js';
import { RULES } from './rules/catalogue.js';
import { PIPELINE_LABELS, PIPELINE_STATES, isOverdue, nextStepGist, pipelineState } from './pipeline.js';

const prospect = (action: string | null, rule: string | null) =>
  pipelineState({ relationship: 'prospect', action, rule });

describe('the pipeline states', () => {
  it('puts customers and ex-customers in Customers whatever their decision', () => {
    expect(pipelineState({ relationship: 'customer', action: 'stop', rule: 'do-not-contact' })).toBe(
      'customers',
    );
    expect(pipelineState({ relationship: 'ex-customer', action: null, rule: null })).toBe('customers');
    expect(prospect('wait', 'customer-check-in')).toBe('customers');
  });

  it('follows the pursuit as it advances, then where it ended', () => {
    expect(prospect(null, null)).toBe('newLead');
    expect(prospect('follow-up', 'speed-to-lead')).toBe('newLead');
    expect(prospect('follow-up', 'minimum-persistence')).toBe('followingUp');
    expect(prospect('break-up', 'cost-benefit')).toBe('followingUp');
    expect(prospect('wait', 'weekly-cap')).toBe('followingUp');
    expect(prospect('respond', 'respond')).toBe('inConversation');
    expect(prospect('schedule-next-step', 'schedule-next-step')).toBe('inConversation');
    expect(prospect('prepare', 'commitment-prepare')).toBe('nextStepSet');
    expect(prospect('wait', 'commitment-wait')).toBe('nextStepSet');
    expect(prospect('follow-up', 'committed-call')).toBe('nextStepSet');
    expect(prospect('wait', 'break-up-wait')).toBe('brokenUp');
    expect(prospect('nurture', 'nurture')).toBe('nurture');
    expect(prospect('disqualify', 'disqualify')).toBe('disqualified');
    expect(prospect('stop', 'disqualified')).toBe('disqualified');
    expect(prospect('close-out', 'close-out')).toBe('stopped');
    expect(prospect('stop', 'do-not-contact')).toBe('stopped');
  });

  it('gives every rule of the catalogue a state, and every state a label', () => {
    for (const rule of Object.keys(RULES)) {
      for (const action of ACTIONS) expect(PIPELINE_STATES).toContain(prospect(action, rule));
    }
    expect(Object.keys(PIPELINE_LABELS)).toEqual([...PIPELINE_STATES]);
  });

  it('calls a next step overdue when it is due before now and is not a hold or the end', () => {
    expect(isOverdue('follow-up', 999, 1000)).toBe(true);
    expect(isOverdue('follow-up', 1000, 1000)).toBe(false);
    expect(isOverdue('wait', 0, 1000)).toBe(false);
    expect(isOverdue('stop', 0, 1000)).toBe(false);
    expect(isOverdue('follow-up', null, 1000)).toBe(false);
  });

  it('says the next step in a few words', () => {
    expect(nextStepGist('follow-up', 'minimum-persistence', 'call')).toBe('Follow up by call');
    expect(nextStepGist('follow-up', 'committed-call', 'call')).toBe('Make the committed call');
    expect(nextStepGist('wait', 'commitment-wait', null)).toBe('Wait for the commitment');
    for (const action of ACTIONS) expect(nextStepGist(action, 'x', null).length).toBeGreaterThan(3);
  });
});
