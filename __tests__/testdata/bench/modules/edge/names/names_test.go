package names

import (
	"fmt"
	"testing"
)

var sink []byte

// BenchmarkNames has sub-benchmarks whose names carry characters that break naive parsers
// and Markdown tables.
func BenchmarkNames(b *testing.B) {
	for _, name := range []string{"a/b", "k=v,w=x", "pipe|bar", "back`tick`", "spa ce", "size-1024"} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(64)
			for i := 0; i < b.N; i++ {
				sink = make([]byte, 64)
			}
		})
	}
}

// BenchmarkCustom reports extra metrics with b.ReportMetric.
func BenchmarkCustom(b *testing.B) {
	n := 0
	for i := 0; i < b.N; i++ {
		n += i % 3
	}
	b.ReportMetric(float64(n)/float64(b.N), "widgets/op")
	b.ReportMetric(12.5, "hits")
}

// BenchmarkChatty prints to stdout while it runs, which corrupts its own result line.
func BenchmarkChatty(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if i == 0 && b.N > 1 {
			fmt.Println("chatty output")
		}
	}
}
