/** A length of time as people say it: "45 minutes", "1 hour", "1 hour 30 minutes", "2 hours". */
export function hoursAndMinutes(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const m = rest === 1 ? '1 minute' : `${rest} minutes`;
  if (hours === 0) {
    return m;
  }
  return rest === 0 ? h : `${h} ${m}`;
}
