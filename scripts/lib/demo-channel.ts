/** The demo channel that `npm start` seeds in the Kakao sandbox. */
export const DEMO_CHANNEL = { public_id: '_kccDemo', name: '데모 채널 (Demo Channel)' };
export const DEMO_EMAIL_DOMAIN = 'demo.local';
export const DEFAULT_DEMO_PASSWORD = 'demo-password';

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}
