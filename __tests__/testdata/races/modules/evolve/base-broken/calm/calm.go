// Package calm has no races and does not change between base and head.
package calm

// Add adds.
func Add(a, b int) int { return a + b }
