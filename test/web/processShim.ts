// Injected into the web tests bundle only (scripts/host/build-web-tests.mjs): the `assert` package (Node's assert for
// browsers) reads `process.env` and `process.stderr` when it formats a failure. The extension's bundle gets no shim.
export const process = { env: {} as Record<string, string | undefined>, stderr: undefined, emitWarning: undefined };
