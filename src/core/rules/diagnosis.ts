// Diagnosis of a prospect gone silent after a conversation: which of the four things a good
// conversation has were missing from it, judged from what was logged.

import type { Ctx } from './context.js';

export const DIAGNOSES = {
  agenda: 'no objective and shared agenda in the last conversation',
  powns: 'their problems, opportunities, wants and needs were not learned',
  commitment: 'no commitment from them at the end of the last conversation',
  info: 'information sent was not tied to what they said',
} as const;

export function diagnose(ctx: Ctx): string[] | undefined {
  const last = ctx.h.lastConversation;
  if (last === undefined) return undefined;
  const meeting = last.type === 'touch' ? last.meeting : undefined;
  if (meeting === undefined) return Object.values(DIAGNOSES);
  const commitmentAt = ctx.h.events.find(
    (e) => e.type === 'commitment' && e.kind !== 'cancelled' && e.by !== 'rep' && e.at >= last.at,
  )?.at;
  // Information sent while they had committed to nothing is generic, whatever it said.
  const infoBeforeCommitment = ctx.h.stretch.some(
    (t) => t.purpose === 'send-info' && (commitmentAt === undefined || t.at < commitmentAt),
  );
  const missing: string[] = [];
  if (meeting.agendaShared !== true || meeting.objective === undefined || meeting.objective.trim() === '') {
    missing.push(DIAGNOSES.agenda);
  }
  if (meeting.powns.length === 0) missing.push(DIAGNOSES.powns);
  if (commitmentAt === undefined) missing.push(DIAGNOSES.commitment);
  if (meeting.infoTailored !== true || infoBeforeCommitment) missing.push(DIAGNOSES.info);
  return missing;
}
