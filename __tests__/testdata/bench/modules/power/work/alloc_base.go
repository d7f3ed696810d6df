//go:build !alloc1

package work

// extraAlloc is a no-op; the alloc1 build tag makes it allocate once per op.
func extraAlloc() {}
