import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['/api/v1/feedback', '/api/v1/feedback'],
    ['/api/v1/feedback?customer=jane%40example.com&limit=5', '/api/v1/feedback?customer=*&limit=*'],
    ['/x?api_key=hk_secret&flag&empty=', '/x?api_key=*&flag&empty='],
    ['/x?', '/x?'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
