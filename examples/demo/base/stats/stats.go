// Package stats computes summaries; its benchmarks show what go-race-gc-guard measures.
package stats

import "strconv"

// Join formats numbers into buf, reusing it across calls.
func Join(buf []byte, xs []int) []byte {
	buf = buf[:0]
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
