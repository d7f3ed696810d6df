package flaky

import "testing"

var sink int

func BenchmarkFailsOnHead(b *testing.B) {
	b.Fatal("broken on head")
}

func BenchmarkPanicsOnHead(b *testing.B) {
	if b.N > 1 {
		panic("boom on head")
	}
}
