import type { AuthorizeRequest } from '@app/kakao-sandbox/oauth/oauth.service';
import type { UserRecord } from '@app/kakao-sandbox/state/models';

/** Users listed on the consent page; a bulk-created app still renders quickly. */
export const CONSENT_PAGE_USER_LIMIT = 200;

export const CONSENT_DECISION_PATH = '/oauth/authorize/decision';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function hidden(name: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

/** The sandbox's stand-in for Kakao's login and consent screens: pick a user, or decline. */
export function renderConsentPage(
  request: AuthorizeRequest,
  query: { clientId: string; scope?: string },
  users: readonly UserRecord[],
): string {
  const scopes =
    request.scopes.length > 0 ? request.scopes.join(', ') : 'the items already agreed to';
  const rows = users
    .slice(0, CONSENT_PAGE_USER_LIMIT)
    .map(
      (user, index) =>
        `<label><input type="radio" name="user_id" value="${user.id}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(user.nickname)} <small>(${user.id}${user.linked ? '' : ', unlinked'})</small></label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kakao sandbox · consent</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; color: #191919; }
h1 { font-size: 1.25rem; } label { display: block; margin: .35rem 0; }
fieldset { border: 1px solid #ddd; border-radius: .5rem; margin: 1rem 0; }
button { padding: .6rem 1.2rem; border: 0; border-radius: .4rem; margin-right: .5rem; cursor: pointer; }
.allow { background: #fee500; } .deny { background: #eee; }
</style>
</head>
<body>
<h1>${escapeHtml(request.app.name)} asks for: ${escapeHtml(scopes)}</h1>
<p>Kakao API sandbox: choose who signs in.</p>
<form method="post" action="${CONSENT_DECISION_PATH}">
${hidden('client_id', query.clientId)}
${hidden('redirect_uri', request.redirectUri)}
${hidden('response_type', 'code')}
${hidden('scope', query.scope)}
${hidden('state', request.state)}
${hidden('nonce', request.nonce)}
${hidden('code_challenge', request.codeChallenge)}
${hidden('code_challenge_method', request.codeChallengeMethod)}
<fieldset>
<legend>Sandbox users of this app</legend>
${rows}
<label><input type="radio" name="user_id" value="new"${users.length === 0 ? ' checked' : ''}> Create a new user named
<input type="text" name="nickname" placeholder="nickname"></label>
</fieldset>
<button class="allow" type="submit" name="action" value="allow">Agree and continue</button>
<button class="deny" type="submit" name="action" value="deny">Decline</button>
</form>
</body>
</html>`;
}

export function renderErrorPage(code: string, description: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kakao sandbox · ${escapeHtml(code)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto">
<h1>${escapeHtml(code)}</h1><p>${escapeHtml(description)}</p></body></html>`;
}
