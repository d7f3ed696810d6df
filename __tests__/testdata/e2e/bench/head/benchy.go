// Package benchy is the end-to-end benchmark fixture. The head version makes Encode allocate a
// fresh buffer per call (it used to reuse one) and Work do twice the work; Steady is unchanged.
package benchy

import "strconv"

// Encode formats xs into a new buffer: the PR dropped the reuse.
func Encode(_ []byte, xs []int) []byte {
	var buf []byte
	for _, x := range xs {
		buf = strconv.AppendInt(buf, int64(x), 10)
		buf = append(buf, ' ')
	}
	return buf
}

// Work sums a pseudo-random walk of n steps.
func Work(n int) uint64 {
	var s, x uint64 = 0, 1
	for i := 0; i < 2*n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s += x
	}
	return s
}

// Steady is the benchmark that does not change.
func Steady(n int) uint64 {
	var s uint64
	for i := 0; i < n; i++ {
		s += uint64(i) * 2654435761
	}
	return s
}
