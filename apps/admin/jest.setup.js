// Component tests run in jsdom, which lacks the encoders react-router needs when it loads; Node
// has them.
const { TextDecoder, TextEncoder } = require('node:util');

Object.assign(globalThis, { TextDecoder, TextEncoder });
