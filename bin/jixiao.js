#!/usr/bin/env node
// The installed `jixiao` command runs the compiled CLI (`npm run build` makes dist/).
import '../dist/src/cli/main.js';
