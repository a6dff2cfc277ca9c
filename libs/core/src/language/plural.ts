/** Russian noun form after a number: 1 день, 2 дня, 5 дней; fractions take the "2" form. */
export function ruPlural(count: number, one: string, few: string, many: string): string {
  if (!Number.isInteger(count)) return few;
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}
