package work

import (
	"bytes"
	"compress/flate"
	"sort"
	"testing"
)

var sinkInt int
var sinkAny any

// Every benchmark repeats its operation `reps` times (10, or 11 with -tags slow10) and calls
// extraAlloc once (a no-op, or one allocation with -tags alloc1).

func BenchmarkSHA256(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkAny = OpSHA256()
		}
		extraAlloc()
	}
}

func BenchmarkCRC32(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += int(OpCRC32())
		}
		extraAlloc()
	}
}

func BenchmarkSortInts(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpSortInts()
		}
		extraAlloc()
	}
}

func BenchmarkJSONEncode(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpJSONEncode()
		}
		extraAlloc()
	}
}

func BenchmarkJSONDecode(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpJSONDecode()
		}
		extraAlloc()
	}
}

func BenchmarkRegexp(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpRegexp()
		}
		extraAlloc()
	}
}

func BenchmarkSprintf(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkAny = OpSprintf(i)
		}
		extraAlloc()
	}
}

func BenchmarkBuilder(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpBuilder()
		}
		extraAlloc()
	}
}

func BenchmarkMapInsert(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpMapInsert()
		}
		extraAlloc()
	}
}

func BenchmarkMapLookup(b *testing.B) {
	m := map[string]int{}
	for i, w := range words {
		m[w] = i
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpMapLookup(m)
		}
		extraAlloc()
	}
}

func BenchmarkStrconv(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpStrconv()
		}
		extraAlloc()
	}
}

func BenchmarkBase64(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpBase64()
		}
		extraAlloc()
	}
}

func BenchmarkSplitJoin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpSplitJoin()
		}
		extraAlloc()
	}
}

func BenchmarkFlate(b *testing.B) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpFlate(&buf, w)
		}
		extraAlloc()
	}
}

func BenchmarkMatMul(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkAny = OpMatMul()
		}
		extraAlloc()
	}
}

func BenchmarkFib(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpFib(15)
		}
		extraAlloc()
	}
}

func BenchmarkBinarySearch(b *testing.B) {
	sorted := append([]int(nil), ints...)
	sort.Ints(sorted)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpBinarySearch(sorted)
		}
		extraAlloc()
	}
}

func BenchmarkLinkedList(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpLinkedList()
		}
		extraAlloc()
	}
}

func BenchmarkHeap(b *testing.B) {
	h := &intHeap{}
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpHeap(h)
		}
		extraAlloc()
	}
}

func BenchmarkBytesCount(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for r := 0; r < reps; r++ {
			sinkInt += OpBytesCount()
		}
		extraAlloc()
	}
}
