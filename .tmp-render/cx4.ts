import { text } from '../src/render/escape.js'
console.log(text('@org/teamwww.x.io@user'))
console.log(text('-->-->'))
