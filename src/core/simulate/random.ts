// Seeded randomness for the simulator (core takes randomness as a parameter, never Math.random).
// Two kinds: a sequential generator (mulberry32) for what is drawn once per run in order (the
// leads), and a counter-based draw, a hash of (seed, stream, index, attempt), for what every policy
// must see identically however it got there: the same prospect's response to its k-th touch.

export type Random = () => number;

/** mulberry32: a small, fast 32-bit generator with a full period; uniform in [0, 1). */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function mix(h: number, value: number): number {
  // murmur3's 32-bit finaliser over the running hash and the next word.
  let x = (h ^ Math.imul(value | 0, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A uniform in [0, 1) fixed by its integer coordinates: the same coordinates, the same draw. */
export function drawAt(...coordinates: number[]): number {
  let h = 0x2545f491;
  for (const c of coordinates) h = mix(h, c);
  return mix(h, coordinates.length) / 2 ** 32;
}

/** A Poisson count with this mean (Knuth's method; the means here are small). */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** The key whose share the draw falls in; shares are in the keys' order and sum to 1. */
export function pick<K extends string>(random: Random, shares: Readonly<Record<K, number>>): K {
  const u = random();
  let sum = 0;
  let last: K | undefined;
  for (const [key, share] of Object.entries(shares) as [K, number][]) {
    sum += share;
    last = key;
    if (u < sum) return key;
  }
  return last as K;
}
