package dup1

import "testing"

var sink int

func BenchmarkSame(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += i
	}
}
