const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value interpolated into the simulated pages goes through here, attributes included. */
export const escapeHtml = (value: string | number): string => String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char);

/** Hidden inputs that carry values from one page of the login to the next. */
export const hiddenFields = (fields: Readonly<Record<string, string>>): string =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
