// A rep's day (the agenda, in the order their time earns most) and the pipeline by state.

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Type } from 'typebox';
import {
  AGENDA_PAGE,
  AGENDA_SHOWS,
  askedPage,
  fitDay,
  NO_NEXT_STEP_PAGE,
  overdueAt,
  pageOf,
  pipeline,
  readAgenda,
  readItems,
} from '../../app/day/agenda.js';
import type { AgendaPage, AgendaRead } from '../../app/day/agenda.js';
import type { ReadCache } from '../../app/read-cache.js';
import { cacheFor } from '../../app/read-cache.js';
import type { AppContext } from '../../app/context.js';
import { actorOf, markOf } from '../auth.js';
import type { Api } from '../build-app.js';
import {
  AgendaView,
  BoardView,
  PipelineView,
  agendaItemView,
  boardView,
  pipelineView,
} from '../../app/day/views.js';
import { BOARD_PAGE, board } from '../../app/day/board.js';
import { userView } from '../../app/accounts/views.js';

/** One answer as sent: its body, gzipped when first asked so, and its entity tag. */
interface Answer {
  body: string;
  gzip: Buffer | undefined;
  etag: string;
}

/**
 * An agenda as read, with the JSON of each action read whole written once, up to its `fits`, which
 * (with the time left and what is overdue) is the part that changes with the clock. The answers
 * (the whole day, or its pages) are kept for the minute they hold: the clock of an agenda is read to
 * the minute.
 */
interface SerializedAgenda {
  read: AgendaRead;
  head: string;
  /** Each action's JSON up to its `fits`, by prospect. */
  items: Map<string, string>;
  minute: number;
  /** At the minute: how many actions fit, the answer's beginning up to its items, and the answers. */
  fitting: number;
  top: string;
  answers: Map<string, Answer>;
}

const MINUTE = 60_000;
/** Answers kept for one agenda and minute: a rep's tabs and the pages they have read. */
const ANSWERS_KEPT = 32;

const NotModified = Type.Null({
  description: 'Not modified: the agenda named by If-None-Match (its ETag) still holds; no body',
});

function atMinute(kept: SerializedAgenda, minute: number): void {
  const { availableMinutes, fitting } = fitDay(kept.read, minute);
  // The server's clock (fixed for demos and tests): "overdue by" is counted from it.
  kept.top =
    `{"now":${JSON.stringify(new Date(minute).toISOString())},${kept.head},` +
    `"availableMinutes":${availableMinutes},"fitting":${fitting},"count":${kept.read.slots.length},` +
    `"overdue":${overdueAt(kept.read, minute)},"items":[`;
  kept.minute = minute;
  kept.fitting = fitting;
  kept.answers.clear();
}

/** The answer for the whole day (no page asked) or one page of it, at the kept minute. */
async function answerFor(
  ctx: AppContext,
  kept: SerializedAgenda,
  asked: Omit<AgendaPage, 'total'> | undefined,
): Promise<Answer> {
  const key = asked === undefined ? '' : `${asked.show} ${asked.offset} ${asked.limit}`;
  const found = kept.answers.get(key);
  if (found !== undefined) return found;
  // As at this minute, even if another request turns the minute over while the actions are read.
  const { minute, top, fitting } = kept;
  const { at, page } = pageOf(kept.read, minute, asked);
  let body = top;
  let n = 0;
  for (const [i, item] of await readItems(ctx, kept.read, at)) {
    const id = item.prospect.id;
    let json = kept.items.get(id);
    if (json === undefined) {
      json = `${JSON.stringify(agendaItemView(item)).slice(0, -1)},"fits":`;
      kept.items.set(id, json);
    }
    body += `${n++ === 0 ? '' : ','}${json}${i < fitting ? 'true}' : 'false}'}`;
  }
  body += page === undefined ? ']}' : `],"page":${JSON.stringify(page)}}`;
  // Weak: the same tag for the gzipped and the plain body, which say the same.
  const answer = {
    body,
    gzip: undefined,
    etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
  };
  if (kept.minute !== minute) return answer;
  if (kept.answers.size >= ANSWERS_KEPT) kept.answers.clear();
  kept.answers.set(key, answer);
  return answer;
}

function serializeAgenda(read: AgendaRead): SerializedAgenda {
  const head = JSON.stringify({
    rep: userView(read.rep),
    date: read.date,
    totalMinutes: read.totalMinutes,
  });
  return {
    read,
    minute: Number.NaN,
    fitting: 0,
    top: '',
    answers: new Map(),
    head: head.slice(1, -1),
    items: new Map(),
  };
}

/** Whether an If-None-Match header names the tag (weak comparison, as RFC 9110 asks for GET). */
export function matchesTag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === opaque;
  });
}

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (name !== 'gzip') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

// Agendas kept per caller until anyone writes or the clock turns one over: the page most opened.
const agendasSeen = new WeakMap<AppContext, ReadCache<SerializedAgenda>>();

export function dayRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary: "A rep's actions for a day, time-critical first, then by value per minute",
        description:
          "The server's clock is read to the minute: `now`, `availableMinutes` and each `fits` hold for " +
          'that minute. Sent gzipped when the caller accepts it, with an ETag: asked again with ' +
          'If-None-Match, an agenda that still holds is answered 304 without a body. `show`, `offset` ' +
          'and `limit` ask for a page (the web app reads a page at a time): `show` picks the list ' +
          '(all, overdue, later: due from `now` on, day: due on the day itself, not before it, calls to ' +
          'prepare aside as they are on every day), and ' +
          '`count`, `overdue`, `fitting` and `totalMinutes` still speak of the whole day.',
        querystring: Type.Object(
          {
            rep: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
            date: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
            show: Type.Optional(Type.Enum([...AGENDA_SHOWS])),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            limit: Type.Optional(
              Type.Integer({
                minimum: 1,
                maximum: AGENDA_PAGE.max,
                description: `actions a page (${AGENDA_PAGE.default} unless given)`,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: AgendaView, 304: NotModified },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = ctx.now();
      const asked = askedPage(request.query);
      const cache = cacheFor(agendasSeen, ctx, 1000);
      const key = `${actor.id}\n${request.query.rep ?? ''}\n${request.query.date ?? ''}`;
      // The mark was taken before reading (when the caller's session or token was looked up), so a
      // write during the read is never hidden.
      const mark = markOf(request, ctx);
      const minute = Math.floor(now / MINUTE) * MINUTE;
      let kept = cache.get(key, mark, now);
      if (kept === undefined) {
        // The page asked for is read whole with the day; another page, when it is asked for.
        kept = serializeAgenda(await readAgenda(ctx, actor, request.query, { asked, now: minute }));
        cache.set(key, mark, kept.read.until, kept);
      }
      if (kept.minute !== minute) atMinute(kept, minute);
      const answer = await answerFor(ctx, kept, asked);
      // A browser keeps the answer and asks whether it still holds (If-None-Match): when it does,
      // the answer is "not modified", without the body.
      reply
        .header('vary', 'accept-encoding')
        .header('cache-control', 'private, no-cache')
        .header('etag', answer.etag);
      if (matchesTag(request.headers['if-none-match'], answer.etag))
        return reply.code(304).send(undefined as never);
      reply.type('application/json; charset=utf-8');
      // The body is written already, in AgendaView's shape (serializeAgenda), so it goes out as it is.
      if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(answer.body as never);
      // About 14 times smaller: an agenda's drafts repeat each other.
      answer.gzip ??= gzipSync(answer.body);
      return reply.header('content-encoding', 'gzip').send(answer.gzip as never);
    },
  );

  app.get(
    '/api/pipeline',
    {
      schema: {
        tags: ['agenda'],
        summary: 'Prospects by state, and those with no dated next step',
        description:
          '`noNextStepCount` counts the prospects on the active list with no dated next step; ' +
          '`noNextStep` lists them all by name, or a page of them when `offset` or `limit` is given ' +
          `(${NO_NEXT_STEP_PAGE.default} a page unless \`limit\` says, at most ${NO_NEXT_STEP_PAGE.max}).`,
        querystring: Type.Object(
          {
            owner: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: NO_NEXT_STEP_PAGE.max })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PipelineView },
      },
    },
    async (request) => pipelineView(await pipeline(ctx, actorOf(request), request.query)),
  );

  app.get(
    '/api/pipeline/board',
    {
      schema: {
        tags: ['agenda'],
        summary: 'The pipeline as a board: for each state its count, deal value and first cards',
        description:
          "Columns follow the engine's states in order; cards come soonest next step first, those " +
          'with none last. `owner` narrows to one owner the caller may see; `state` to some states ' +
          '(comma-separated); `offset` and `limit` page the columns\' cards (one column\'s "show more").',
        querystring: Type.Object(
          {
            owner: Type.Optional(Type.String({ minLength: 1, maxLength: 320 })),
            state: Type.Optional(Type.String({ maxLength: 300 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: BOARD_PAGE.max })),
          },
          { additionalProperties: false },
        ),
        response: { 200: BoardView },
      },
    },
    async (request) => boardView(await board(ctx, actorOf(request), request.query)),
  );
}
