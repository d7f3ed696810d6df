package buf

import "testing"

var sink int

func BenchmarkEncode(b *testing.B) {
	var e Encoder
	for i := 0; i < b.N; i++ {
		sink += e.Encode(200)
	}
}

func BenchmarkSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += Sum(2000)
	}
}

func BenchmarkSteady(b *testing.B) {
	x := 1
	for i := 0; i < b.N; i++ {
		for j := 0; j < 1000; j++ {
			x = x*31 + j
		}
	}
	sink += x
}
