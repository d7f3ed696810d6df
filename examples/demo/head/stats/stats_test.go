package stats

import "testing"

var xs = func() []int {
	s := make([]int, 512)
	for i := range s {
		s[i] = i * 7
	}
	return s
}()

func TestSum(t *testing.T) {
	if Sum([]int{1, 2, 3}) != 6 {
		t.Fatal("sum")
	}
}

func BenchmarkJoin(b *testing.B) {
	var buf []byte
	for i := 0; i < b.N; i++ {
		buf = Join(buf, xs)
	}
}

func BenchmarkSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = Sum(xs)
	}
}
