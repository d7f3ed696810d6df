// Package good builds and passes.
package good

// Two returns 2.
func Two() int { return 2 }
