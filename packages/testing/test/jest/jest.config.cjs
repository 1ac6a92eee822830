// Jest runs the built CommonJS package as a user's jest suite would: no transform, no babel.
const { join } = require("node:path");

module.exports = {
  rootDir: __dirname,
  testMatch: ["<rootDir>/*.jest.cjs"],
  testEnvironment: "node",
  transform: {},
  setupFilesAfterEnv: [join(__dirname, "../../dist/jest.cjs")],
  cacheDirectory: join(__dirname, "../../node_modules/.cache/jest"),
};
