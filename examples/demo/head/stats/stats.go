// Package stats computes summaries; its benchmarks show what go-race-gc-guard measures.
package stats

import "strconv"

// Join formats numbers into a new buffer each call: the PR dropped the buffer reuse, so every
// call allocates (a B/op, allocs/op and GC regression).
func Join(_ []byte, xs []int) []byte {
	var buf []byte
	for i, x := range xs {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, int64(x), 10)
	}
	return buf
}

// Sum adds the numbers.
func Sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
