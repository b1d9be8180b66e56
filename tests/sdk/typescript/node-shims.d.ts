// The few Node built-ins the e2e test uses, typed here so that no @types/node is needed.
declare module 'node:test' {
  export function test(name: string, fn: () => Promise<void> | void): void;
}
declare module 'node:assert/strict' {
  const assert: {
    equal(actual: unknown, expected: unknown, message?: string): void;
    ok(value: unknown, message?: string): void;
  };
  export default assert;
}
declare const process: { env: Record<string, string | undefined> };
declare const Buffer: { from(s: string): { toString(encoding: string): string } };
