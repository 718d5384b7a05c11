'use strict';
// Tiny helpers shared by the start and test scripts; they run before dependencies are installed.
const fs = require('node:fs');

/** Loads KEY=VALUE lines into process.env without overriding what is already set. */
function loadDotEnv(file) {
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && process.env[match[1]] === undefined) {
      process.env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
    }
  }
}

/** Host and port of a service URL (DATABASE_URL, REDIS_URL), with a fallback. */
function serviceAddress(value, fallback, defaultPort) {
  const url = new URL(value || fallback);
  return { host: url.hostname || '127.0.0.1', port: Number(url.port || defaultPort) };
}

module.exports = { loadDotEnv, serviceAddress };
