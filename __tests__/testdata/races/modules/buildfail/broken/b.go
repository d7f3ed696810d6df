// Package broken does not compile.
package broken

var V = undefinedThing
