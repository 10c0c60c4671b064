/**
 * The product's version: the extension (its manifest, from package.json), the worker (`GET /v1/health`) and the
 * command line (`glpi-improve --version`) all report this one. test/shared/version.test.ts fails when package.json or
 * CHANGELOG.md's newest entry says otherwise, so a release changes the three in one commit.
 */
export const PRODUCT_VERSION = '0.2.0';
