import { DigestBlock } from './digest-blocks';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Clients that honour prefers-color-scheme (Apple Mail, iOS, some webmails) get a dark page: text light on slate.
 * The charts keep their own light panel, so they read the same on either background.
 */
const DARK_MODE_CSS = `@media (prefers-color-scheme: dark) {
  .hk-page, .hk-page > div { background: #020617 !important; background-color: #020617 !important; }
  .hk-card, .hk-card > table, .hk-card td { background: #0f172a !important; background-color: #0f172a !important; }
  .hk-card div, .hk-card li, .hk-card strong { color: #e2e8f0 !important; }
  .hk-card span[style*="color"], .hk-footer div, .hk-footer a { color: #94a3b8 !important; }
}`;

const TEXT = 'color="#1e293b" font-size="15px" line-height="22px" padding="4px 0"';

function block(b: DigestBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<mj-text ${TEXT} font-size="18px" font-weight="bold" padding="18px 0 6px">${esc(b.text)}</mj-text>`;
    case 'paragraph':
      return `<mj-text ${TEXT}${b.muted ? ' color="#64748b" font-size="13px"' : ''}>${esc(b.text)}</mj-text>`;
    case 'metric':
      return (
        `<mj-text ${TEXT} padding="8px 0 0"><strong>${esc(b.label)}</strong>&nbsp; ` +
        `<span style="font-size:22px;font-weight:bold">${esc(b.value)}</span>&nbsp; ${esc(b.change)}<br>` +
        `<span style="color:#64748b;font-size:13px">${esc(b.detail)}</span></mj-text>` +
        (b.chart ? image(b.chart) : '')
      );
    case 'chart':
      return image(b.chart);
    case 'list':
      return `<mj-text ${TEXT}><ul style="margin:0;padding-left:20px">${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></mj-text>`;
    case 'quote':
      return (
        `<mj-text ${TEXT}><div style="border-left:3px solid #94a3b8;padding:2px 0 2px 12px">` +
        `“${esc(b.text)}”<br><span style="color:#64748b;font-size:12px">${esc(b.meta)}</span></div></mj-text>`
      );
  }
}

function image(chart: { cid: string; alt: string; width: number; height: number }): string {
  return (
    `<mj-image src="cid:${chart.cid}" alt="${esc(chart.alt)}" width="${chart.width}px" height="${chart.height}px" ` +
    `align="left" padding="6px 0" />`
  );
}

/** Responsive HTML from MJML: one column that reads on a phone, inline images by CID, no scripts. */
export async function renderDigestHtml(
  title: string,
  blocks: DigestBlock[],
  footer: { unsubscribeUrl: string | null; reason: string },
): Promise<string> {
  const unsubscribe = footer.unsubscribeUrl
    ? ` <a href="${esc(footer.unsubscribeUrl)}" style="color:#475569">Unsubscribe</a>`
    : '';
  const source = `<mjml lang="en">
  <mj-head>
    <mj-title>${esc(title)}</mj-title>
    <mj-preview>${esc(title)}</mj-preview>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /></mj-attributes>
    <mj-raw><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"></mj-raw>
    <mj-style>${DARK_MODE_CSS}</mj-style>
  </mj-head>
  <mj-body background-color="#f1f5f9" width="600px" css-class="hk-page">
    <mj-section background-color="#ffffff" padding="24px 24px 8px" css-class="hk-card">
      <mj-column>
        <mj-text color="#0f172a" font-size="22px" font-weight="bold" padding="0 0 4px">${esc(title)}</mj-text>
        ${blocks.map(block).join('\n        ')}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 24px" css-class="hk-footer">
      <mj-column>
        <mj-text color="#475569" font-size="12px">${esc(footer.reason)}${unsubscribe}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  // Loaded on first use: mjml takes seconds to load, which API processes that never send should not pay at boot.
  const { default: mjml2html } = await import('mjml');
  const { html, errors } = await mjml2html(source, { validationLevel: 'soft', keepComments: false });
  if (errors?.length) throw new Error(`Digest template: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  return html;
}
