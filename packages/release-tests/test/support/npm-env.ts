// The environment of a user's shell: without the npm_* and pnpm variables that the
// workspace's own package manager sets for the scripts it runs.
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|PNPM_)/i.test(key)) {
      env[key] = value;
    }
  }
  return env;
}
