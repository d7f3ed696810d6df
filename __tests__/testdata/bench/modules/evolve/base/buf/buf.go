// Package buf encodes records into a byte buffer.
package buf

import "strconv"

// Encoder reuses one scratch buffer across calls.
type Encoder struct{ scratch []byte }

// Encode appends n decimal numbers to a reused buffer and returns its length.
func (e *Encoder) Encode(n int) int {
	e.scratch = e.scratch[:0]
	for i := 0; i < n; i++ {
		e.scratch = strconv.AppendInt(e.scratch, int64(i), 10)
		e.scratch = append(e.scratch, ',')
	}
	return len(e.scratch)
}

// Sum adds 0..n-1 the slow way.
func Sum(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i % 7
	}
	return s
}
