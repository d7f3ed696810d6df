package fail

import "testing"

var sink int

func BenchmarkBefore(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += i
	}
}

func BenchmarkFatal(b *testing.B) {
	b.Log("about to fail")
	b.Fatal("benchmark failed on purpose")
}

func BenchmarkLogs(b *testing.B) {
	b.Log("hello from bench")
	for i := 0; i < b.N; i++ {
		sink += i
	}
}
