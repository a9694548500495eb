// The response curve behind a decision, drawn small: the chance that each attempt of a silence
// stretch gets a response for this prospect, the attempt the decision is about, and the break-even
// line above which a touch pays for the rep's time. A table carries the same numbers for screen
// readers and for anyone who wants them exact.

import { modelName, percent } from '../format.js';
import type { ResponseCurve } from '../types.js';

const W = 360;
const H = 150;
const PAD = { left: 36, right: 8, top: 10, bottom: 24 };

export function CurveChart({ curve }: { curve: ResponseCurve }) {
  const n = curve.pResponse.length;
  const top = Math.max(0.05, ...curve.pResponse, curve.breakEven) * 1.15;
  const x = (attempt: number) => PAD.left + ((attempt - 1) / (n - 1)) * (W - PAD.left - PAD.right);
  const y = (p: number) => PAD.top + (1 - p / top) * (H - PAD.top - PAD.bottom);
  const path = curve.pResponse
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i + 1).toFixed(1)},${y(p).toFixed(1)}`)
    .join(' ');
  const current = curve.pResponse[Math.min(curve.attempt, n) - 1] ?? 0;
  const ticks = [0, top / 2, top];
  return (
    <figure className="curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="curve-caption">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 4} y={y(t) + 4} className="tick" textAnchor="end">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        {curve.breakEven < top && (
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(curve.breakEven)}
            y2={y(curve.breakEven)}
            className="break-even"
          />
        )}
        <path d={path} className="line" />
        <circle cx={x(Math.min(curve.attempt, n))} cy={y(current)} r={5} className="now" />
        {[1, 4, 8, 12]
          .filter((a) => a <= n)
          .map((a) => (
            <text key={a} x={x(a)} y={H - 6} className="tick" textAnchor="middle">
              {a}
            </text>
          ))}
      </svg>
      <figcaption id="curve-caption">
        Chance of a response by attempt, from {modelName(curve.modelVersion)}; the dot is touch{' '}
        {curve.attempt} at {percent(current)}. A touch pays for your time above {percent(curve.breakEven)}{' '}
        (dashed line).
      </figcaption>
      <table className="sr-only">
        <caption>Response by attempt</caption>
        <tbody>
          {curve.pResponse.map((p, i) => (
            <tr key={i}>
              <th scope="row">Attempt {i + 1}</th>
              <td>{percent(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
