package gcheavy

import "testing"

var sink [][]byte

// BenchmarkAlloc allocates and keeps a rolling window alive, so the GC runs during the
// timed loop and gctrace lines land between the name and the numbers.
func BenchmarkAlloc(b *testing.B) {
	sink = make([][]byte, 64)
	for i := 0; i < b.N; i++ {
		sink[i%64] = make([]byte, 32<<10)
	}
}

// BenchmarkLoop uses b.Loop (Go 1.24+), which does its own ramp-up inside one run.
func BenchmarkLoop(b *testing.B) {
	sink = make([][]byte, 64)
	i := 0
	for b.Loop() {
		sink[i%64] = make([]byte, 16<<10)
		i++
	}
}

// BenchmarkNoAlloc never allocates: no GC cycles at all.
func BenchmarkNoAlloc(b *testing.B) {
	x := 0
	for i := 0; i < b.N; i++ {
		x += i
	}
	_ = x
}
