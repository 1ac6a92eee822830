// Runs the command line in-process against the in-process mock, capturing what it prints.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createKapsoMock,
  defineTemplate,
  fixtures,
  type KapsoMock,
  type KapsoMockOptions,
} from "@kapsokit/testing";
import { type Io, run } from "../../src/index.js";

export const REMINDER = fixtures.appointmentReminder; // {{1}} {{2}}, IMAGE header
export const ORDER = fixtures.orderUpdate; // {{customer_name}} {{order_number}}, TEXT header
export const NOTICE = defineTemplate({
  id: "5f0c8a52-3d1e-4b7a-9c2f-6e8d1a4b7c90",
  name: "bulk_notice",
  content: "Hi {{1}}, your code is {{2}}.",
});

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestCli {
  mock: KapsoMock;
  dir: string;
  run(
    args: string[],
    env?: Record<string, string | undefined>,
    isTTY?: boolean,
    signals?: Pick<Io, "stop" | "abort">,
  ): Promise<CliRun>;
}

export function createTestCli(options: KapsoMockOptions = {}): TestCli {
  const mock = createKapsoMock({
    templates: [fixtures.appointmentReminder, fixtures.orderUpdate, NOTICE],
    ...options,
  });
  const dir = mkdtempSync(join(tmpdir(), "kapsokit-cli-"));
  return {
    mock,
    dir,
    async run(args, env = {}, isTTY = false, signals = {}) {
      let stdout = "";
      let stderr = "";
      const io: Io = {
        stdout: { write: (text: string) => (stdout += text), isTTY },
        stderr: { write: (text: string) => (stderr += text), isTTY, columns: 120 },
        env: { KAPSO_API_KEY: "test", KAPSO_BASE_URL: mock.baseUrl, ...env },
        cwd: dir,
        fetch: mock.fetch,
        ...signals,
      };
      const code = await run(args, io);
      return { code, stdout, stderr };
    },
  };
}
