/** ISO 8601 durations of elapsed time (weeks, days, hours, minutes, seconds) in milliseconds, e.g. PT24H. */
export function durationMs(text: string): number {
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (m === null || text === 'P' || text.endsWith('T')) throw new RangeError(`${JSON.stringify(text)} is not a duration in weeks, days, hours, minutes or seconds, such as PT24H`);
  const [w, d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number];
  return Math.round((((w * 7 + d) * 24 + h) * 60 + min) * 60_000 + s * 1000);
}
