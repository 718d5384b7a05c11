// One Jest run, several projects: `--selectProjects unit|int|contract|e2e|admin|browser` picks a level.
const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// The admin's TSX: React's automatic runtime, no decorators, no .swcrc (its server path aliases
// would rewrite imports the admin project maps itself).
const adminTransform = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  // NestJS 12 ships ES modules only; transform them (and our TS) to CommonJS for Jest. So do
  // jose (the sandbox's OIDC signing) and the login clients the contract suite drives.
  transform: { '^.+\\.(t|j|mj)s$': swcTransform },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|file-type|strtok3|token-types|@borewit|@tokenizer|load-esm|content-disposition|@fastify/static|jose|oauth4webapi|openid-client|@auth|@panva|preact|preact-render-to-string)/)',
  ],
  moduleNameMapper: {
    '^@apps/(api|worker)$': '<rootDir>/apps/$1/src/index.ts',
    '^@app/migrations$': '<rootDir>/migrations/index.ts',
    '^@app/kakao-sandbox$': '<rootDir>/apps/kakao-sandbox/src/index.ts',
    '^@app/kakao-sandbox/(.*)$': '<rootDir>/apps/kakao-sandbox/src/$1',
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/admin/'],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      ...shared,
      displayName: 'contract',
      testMatch: ['<rootDir>/test/contract/**/*.contract-spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      // Logic that lives in the admin UI (recurrence builder, share snippet, providers), in jsdom.
      displayName: 'admin',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/admin/src/**/*.spec.tsx'],
      setupFiles: ['<rootDir>/apps/admin/jest.setup.js'],
      transform: { '^.+\\.(t|j|mj)sx?$': adminTransform },
      // Dependencies of react-admin that ship ES modules only.
      transformIgnorePatterns: ['/node_modules/(?!(react-hotkeys-hook)/)'],
      moduleNameMapper: {
        '^@admin/(.*)$': '<rootDir>/apps/admin/src/$1',
        // The API's permission map, to check the admin's mirror of it (role.ts is all it needs).
        '^@server/permission$': '<rootDir>/libs/access/src/permission.ts',
        '^@app/accounts$': '<rootDir>/libs/accounts/src/role.ts',
      },
      modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/admin/dist/'],
    },
    {
      // The built admin in Debian's chromium against the real API, worker and sandbox.
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
    },
  ],
};
