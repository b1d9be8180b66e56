// The few Node.js built-ins the e2e tests use, declared here so that the pinned TypeScript of
// scripts/sdk compiles it without @types/node.
declare module 'node:test' {
  export function test(name: string, fn: () => Promise<void> | void): Promise<void>;
}
declare module 'node:assert/strict' {
  function ok(value: unknown, message?: string): asserts value;
  function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
  function deepEqual(actual: unknown, expected: unknown, message?: string): void;
  function notEqual(actual: unknown, expected: unknown, message?: string): void;
  function rejects(promise: Promise<unknown>, check?: (e: never) => boolean): Promise<void>;
  const assert: {
    ok: typeof ok;
    equal: typeof equal;
    deepEqual: typeof deepEqual;
    notEqual: typeof notEqual;
    rejects: typeof rejects;
  };
  export default assert;
}
declare const process: { env: Record<string, string | undefined> };
