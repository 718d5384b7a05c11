// Server-rendered pages people open from Kakao Talk (opt-in, landing pages): one look, inline
// styles only, Korean first.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body { font-family: system-ui, -apple-system, 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif;
  max-width: 30rem; margin: 3rem auto; padding: 0 1.25rem; color: #191919; line-height: 1.5; }
h1 { font-size: 1.4rem; margin-bottom: .25rem; } h2 { font-size: 1rem; color: #555; margin-top: 0; }
.en { color: #555; font-size: .95rem; }
button { background: #fee500; color: #191919; border: 0; border-radius: .5rem; font-size: 1rem;
  padding: .8rem 1.4rem; cursor: pointer; width: 100%; }
.box { border: 1px solid #eee; border-radius: .75rem; padding: 1.25rem; margin-top: 1.5rem; }
small { color: #777; }`;

/** A whole page around `body` (trusted HTML; escape what goes into it). */
export function publicPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>`;
}

/** Inline styles only: no scripts, no frames, no referrer. */
export const PUBLIC_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
