// Package brokenbase has tests that do not compile on base.
package brokenbase

// Double doubles.
func Double(x int) int { return 2 * x }
