package benchy

import "testing"

var xs = func() []int {
	s := make([]int, 256)
	for i := range s {
		s[i] = i * 7919
	}
	return s
}()

var sink uint64
var bsink []byte

func BenchmarkEncode(b *testing.B) {
	var buf []byte
	for i := 0; i < b.N; i++ {
		buf = Encode(buf, xs)
	}
	bsink = buf
}

func BenchmarkWork(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += Work(2000)
	}
}

func BenchmarkSteady(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += Steady(2000)
	}
}

func TestEncode(t *testing.T) {
	if string(Encode(nil, []int{1, 2})) != "1 2 " {
		t.Fatal("encode")
	}
}
