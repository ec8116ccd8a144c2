// One Jest run, four tiers (see STYLE.md). Each project shares the SWC transform and the path aliases.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true, decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic', importSource: 'preact' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const libs = ['platform', 'identity', 'testing', 'petitions', 'councils', 'budgeting'];
const moduleNameMapper = Object.fromEntries(libs.map((lib) => [`^@chartuloba/${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`]));
const base = { rootDir: __dirname, transform: { '^.+\\.(t|j)sx?$': swc }, transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'], moduleNameMapper, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/{libs,apps}/**/*.spec.ts?(x)'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/libs/**/test/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
