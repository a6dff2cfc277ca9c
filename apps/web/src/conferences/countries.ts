/** Every ISO 3166 country code the browser can name, with its name in the reader's locale. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const options: { value: string; label: string }[] = [];
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      // Codes reserved for private use or groups (EU, UN…) are left out.
      if (['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'].includes(code)) continue;
      const name = names.of(code);
      if (name) options.push({ value: code, label: `${name} (${code})` });
    }
  }
  return options.sort((x, y) => x.label.localeCompare(y.label, locale));
}

/** A country's name in the reader's locale (the code itself if the browser cannot name it). */
export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
}
