/** HTTP status and default message of each kapi code the sandbox can answer (contract 9.2). */
const CODE_TABLE: ReadonlyMap<number, { status: number; msg: string }> = new Map([
  [-1, { status: 400, msg: 'internal error' }],
  [-2, { status: 400, msg: 'invalid parameter' }],
  [-3, { status: 403, msg: 'prerequisite not set up for the app' }],
  [-4, { status: 403, msg: 'account is restricted' }],
  [-5, { status: 403, msg: 'app lacks permission for this API' }],
  [-6, { status: 403, msg: 'action not allowed' }],
  [-7, { status: 400, msg: 'service maintenance or internal problem' }],
  [-8, { status: 400, msg: 'invalid request header' }],
  [-9, { status: 400, msg: 'API has been retired' }],
  [-10, { status: 400, msg: 'API limit has been exceeded.' }],
  [-11, { status: 400, msg: 'paid API spending cap exceeded' }],
  [-12, { status: 403, msg: 'app or developer account is sanctioned' }],
  [-101, { status: 400, msg: 'not registered user (not linked to the app).' }],
  [-401, { status: 401, msg: 'this access token does not exist' }],
  [-402, { status: 403, msg: 'insufficient scopes.' }],
  [-406, { status: 401, msg: 'under-14 user' }],
  [-501, { status: 400, msg: 'not a KakaoTalk user or a suspended KakaoTalk user.' }],
  [-502, { status: 400, msg: 'recipient is not a friend' }],
  [-530, { status: 400, msg: 'recipient refuses messages' }],
  [-531, { status: 400, msg: 'sender monthly limit exceeded' }],
  [-532, { status: 400, msg: 'sender daily limit exceeded' }],
  [-533, { status: 400, msg: 'recipient daily limit exceeded' }],
  [-536, { status: 400, msg: 'sender/recipient pair daily limit exceeded' }],
  [-541, { status: 400, msg: 'channel does not exist' }],
  [-544, { status: 400, msg: 'channel is sanctioned' }],
  [-603, { status: 400, msg: 'internal timeout' }],
  [-819, { status: 400, msg: 'channel is not connected to the app' }],
  [-903, { status: 400, msg: 'app key of an unregistered developer' }],
  [-9798, { status: 503, msg: 'service under maintenance' }],
]);

export function statusForCode(code: number): number {
  return CODE_TABLE.get(code)?.status ?? 400;
}

export function messageForCode(code: number): string {
  return CODE_TABLE.get(code)?.msg ?? 'error';
}
