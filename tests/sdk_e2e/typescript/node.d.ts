// The few Node.js built-ins the e2e test uses, declared here so that the pinned TypeScript of
// scripts/sdk compiles it without @types/node.
declare module 'node:test' {
  export function test(name: string, fn: () => Promise<void> | void): Promise<void>;
}
declare module 'node:assert/strict' {
  function ok(value: unknown, message?: string): asserts value;
  function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T;
  function deepEqual(actual: unknown, expected: unknown, message?: string): void;
  const assert: { ok: typeof ok; equal: typeof equal; deepEqual: typeof deepEqual };
  export default assert;
}
declare const process: { env: Record<string, string | undefined> };
