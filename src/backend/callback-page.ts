import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/**
 * The package's built callback page (`dist/callback/`), which tells the element's window the
 * outcome; before a build, a minimal page that only shows it (the element also polls the login).
 */
export async function callbackFile(distCallback: string, path: string): Promise<Response> {
  const name = path === '/callback.html' ? 'callback.html' : path.replace(/^\/callback\//, '');
  const file = normalize(join(distCallback, name));
  if (file.startsWith(normalize(distCallback))) {
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
    } catch {
      // Not built: the minimal page below.
    }
  }
  if (path !== '/callback.html') return new Response('Not Found', { status: 404 });
  return new Response(
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Exact Online – Autopilot</title></head>' +
      '<body><main><p id="message" role="status"></p></main><script>const p=new URLSearchParams(location.search);document.getElementById("message").textContent=p.get("status")||"";' +
      'const r={type:"autopilot-connect:login",authorizationId:p.get("authorization"),status:p.get("status")};' +
      'try{window.opener&&window.opener.postMessage(r,location.origin)}catch(e){}' +
      'if(typeof BroadcastChannel==="function"){const c=new BroadcastChannel("autopilot-connect");c.postMessage(r);c.close()}</script></body></html>',
    { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } },
  );
}
