//go:build alloc1

package work

var sinkExtra *[16]byte

// extraAlloc allocates one escaping 16-byte object: +1 allocs/op, +16 B/op.
func extraAlloc() { sinkExtra = new([16]byte) }
