// One Jest run, several projects: `--selectProjects unit|int|contract|e2e` picks a level.
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

const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  // NestJS 12 ships ES modules only; transform them (and our TS) to CommonJS for Jest.
  transform: { '^.+\\.(t|j|mj)s$': swcTransform },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|file-type|strtok3|token-types|@borewit|@tokenizer|load-esm|content-disposition|@fastify/static)/)',
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
  ],
};
