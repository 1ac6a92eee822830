import { describe, expect, it } from "vitest";
import { parseRedisUrl, QUEUE_URL_ENV, QueueError, resolveRedisUrl } from "../../src/index.js";

describe("parseRedisUrl", () => {
  it("reads user, password, host, port and database, and masks the password for display", () => {
    const { options, display, tls } = parseRedisUrl("redis://app:s3cr%40t@10.0.0.5:6380/2");
    expect(options).toMatchObject({
      host: "10.0.0.5",
      port: 6380,
      db: 2,
      username: "app",
      password: "s3cr@t",
    });
    expect(display).toBe("redis://app:***@10.0.0.5:6380/2");
    expect(tls).toBe(false);
  });

  it("turns rediss:// into TLS checked against the host name", () => {
    const { options, display, tls } = parseRedisUrl("rediss://:pw@cache.example.com");
    expect(tls).toBe(true);
    expect(options).toMatchObject({
      host: "cache.example.com",
      port: 6379,
      db: 0,
      tls: { servername: "cache.example.com" },
    });
    expect(display).toBe("rediss://:***@cache.example.com");
  });

  it("reads IPv6 hosts", () => {
    expect(parseRedisUrl("redis://[::1]:7000").options).toMatchObject({ host: "::1", port: 7000 });
  });

  it("refuses what is not a Redis URL without quoting a password", () => {
    for (const bad of ["http://:hunter2@host", "hunter2", "redis://:hunter2@host/x"]) {
      const error = (() => {
        try {
          parseRedisUrl(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(QueueError);
      expect((error as Error).message).not.toContain("hunter2");
    }
  });
});

describe("resolveRedisUrl", () => {
  const env = { [QUEUE_URL_ENV]: "redis://:pw@127.0.0.1:6379" };
  it("takes the URL given, or the environment's for `env` or none", () => {
    expect(resolveRedisUrl("redis://h:1", env)).toBe("redis://h:1");
    expect(resolveRedisUrl("env", env)).toBe(env[QUEUE_URL_ENV]);
    expect(resolveRedisUrl(undefined, env)).toBe(env[QUEUE_URL_ENV]);
  });

  it("says what to set when there is none", () => {
    expect(() => resolveRedisUrl("env", {})).toThrow(`${QUEUE_URL_ENV} is not set`);
    expect(() => resolveRedisUrl(undefined, {})).toThrow(/--queue redis:\/\/host:6379/);
  });
});
