#!/usr/bin/env node
// The executable stays a shim so the compiled server is the only code path.
import '../dist/main.js';
