// A tiny stand-in for a browser on the sandbox's consent page: open the authorize URL, pick a
// user (or decline), follow the form, and answer where Kakao would send the browser next.

import { request } from 'undici';

export interface ConsentForm {
  action: string;
  fields: Record<string, string>;
  userIds: string[];
}

/** Reads the consent page the way a browser would: the form target and its hidden inputs. */
export function readConsentForm(html: string): ConsentForm {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) {
    throw new Error(`no consent form in: ${html.slice(0, 300)}`);
  }
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  const userIds = [...html.matchAll(/name="user_id" value="([^"]+)"/g)].map((m) => m[1]);
  return { action, fields, userIds };
}

/**
 * Opens `authorizeUrl` and agrees as `userId` (`'new'` creates a user; null declines).
 * Answers the redirect target (the client's callback with `code`, or `error`).
 */
export async function consentThroughPage(
  authorizeUrl: string,
  userId: string | null,
): Promise<URL> {
  const page = await request(authorizeUrl, { headers: { accept: 'text/html' } });
  const html = await page.body.text();
  if (page.statusCode === 302 || page.statusCode === 303) {
    return new URL(String(page.headers.location));
  }
  if (page.statusCode !== 200) {
    throw new Error(`authorize answered ${page.statusCode}: ${html.slice(0, 300)}`);
  }
  const form = readConsentForm(html);
  const decision = await request(new URL(form.action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      ...form.fields,
      ...(userId === null ? { action: 'deny' } : { user_id: userId, action: 'allow' }),
    }).toString(),
  });
  await decision.body.text();
  if (decision.statusCode !== 302) {
    throw new Error(`the consent decision answered ${decision.statusCode}`);
  }
  return new URL(String(decision.headers.location));
}
