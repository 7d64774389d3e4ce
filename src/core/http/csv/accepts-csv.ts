/**
 * Whether an `Accept` header asks for CSV over JSON: `text/csv` listed with a quality above zero and at least
 * as high as any `application/json` or wildcard entry (ties go to CSV only when it is listed first).
 */
export function acceptsCsv(accept: string | string[] | undefined): boolean {
  const header = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  if (!header.toLowerCase().includes('text/csv')) return false;
  const ranked = header.split(',').map((part, position) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    return { type: type.trim(), quality: Number.isFinite(quality) ? quality : 0, position };
  });
  const csv = ranked.find((r) => r.type === 'text/csv');
  if (!csv || csv.quality <= 0) return false;
  return !ranked.some(
    (r) =>
      ['application/json', '*/*', 'application/*'].includes(r.type) &&
      (r.quality > csv.quality || (r.quality === csv.quality && r.position < csv.position)),
  );
}
