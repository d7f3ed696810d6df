package flaky

import "testing"

var sink int

func BenchmarkFailsOnHead(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += i
	}
}

func BenchmarkPanicsOnHead(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += i
	}
}
