package panicky

import "testing"

var sink int

func BenchmarkFirst(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += i
	}
}

func BenchmarkPanic(b *testing.B) {
	if b.N > 1 {
		panic("benchmark panicked on purpose")
	}
}

func BenchmarkNeverRuns(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += i
	}
}
