const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value put into a page goes through here, attributes included (names are hostile test data). */
export const escapeHtml = (value: string | number): string => String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char);

const styles = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b2733}
main{max-width:28rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;color:#e2001a}label{display:block;margin:.8rem 0 .2rem}input[type=text],input[type=password]{width:100%;padding:.5rem;box-sizing:border-box}
ul{list-style:none;padding:0}li{margin:.3rem 0}button{margin:1rem .5rem 0 0;padding:.5rem 1.2rem}
.error{color:#b00020}.note{color:#556;font-size:.85rem}footer{text-align:center;color:#667;font-size:.8rem}`;

/** A whole simulated Exact Online page. `body` must already be escaped. */
export const page = (lang: string, title: string, body: string, footer: string): string => `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${styles}</style></head>
<body><main>${body}</main><footer>${escapeHtml(footer)}</footer></body></html>`;

export const htmlResponse = (html: string, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
