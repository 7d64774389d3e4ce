import { renderDigestHtml } from './digest-html.template';

describe('renderDigestHtml', () => {
  it('turns the page dark in clients that prefer a dark scheme, and keeps the light page otherwise', async () => {
    const html = await renderDigestHtml(
      'Customer feedback digest 2026-W40',
      [
        { kind: 'heading', text: 'Where we stand' },
        { kind: 'paragraph', text: 'NPS -21.0', muted: true },
      ],
      { unsubscribeUrl: 'https://cx.example.com/u?token=t', reason: 'You receive this digest because…' },
    );
    // Light by default: the page and card colours are inline.
    expect(html).toContain('background-color:#f1f5f9');
    expect(html).toContain('background-color:#ffffff');
    // Dark when asked: a media query MJML keeps in the head, aimed at the classes on the page, card and footer.
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    const dark = html.slice(html.indexOf('@media (prefers-color-scheme: dark)'));
    expect(dark).toMatch(/\.hk-page[^{]*\{[^}]*#020617/);
    expect(dark).toMatch(/\.hk-card[^{]*\{[^}]*#0f172a/);
    for (const cls of ['hk-page', 'hk-card', 'hk-footer'])
      expect(html).toMatch(new RegExp(`class="[^"]*\\b${cls}\\b`));
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
  });
});
