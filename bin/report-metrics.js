#!/usr/bin/env -S node --max-semi-space-size=4
// The flag: the main thread's young generation at 4 MB per semi-space instead of V8's 16. The batch's main
// thread only dispatches files and writes the manifest; with 16 MB its young generation alone held ~50 MB of
// the batch's resident memory (bench:batch, 50,000 reports: peak RSS ~305 → ~270 MB at the same speed).
// Running `node bin/report-metrics.js` skips the shebang: add the flag there (`npm run demo` does).
import '../dist/src/cli/main.js';
