import { run } from './main.js'

// main.ts sets the exit status itself; nothing to do with the promise here.
void run()
