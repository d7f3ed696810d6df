#!/usr/bin/env node
// The CLI bundle is built by `npm run build` (ncc) next to the action's bundle.
import '../dist/cli/index.js'
