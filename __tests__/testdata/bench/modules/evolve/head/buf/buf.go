// Package buf encodes records into a byte buffer.
package buf

import "strconv"

// Encoder allocates a fresh buffer on every call (the regression under test).
type Encoder struct{ scratch []byte }

// Encode appends n decimal numbers to a new buffer and returns its length.
func (e *Encoder) Encode(n int) int {
	e.scratch = make([]byte, 0, 64)
	for i := 0; i < n; i++ {
		e.scratch = strconv.AppendInt(e.scratch, int64(i), 10)
		e.scratch = append(e.scratch, ',')
	}
	return len(e.scratch)
}

// Sum adds 0..n-1 the slow way, twice (the time regression under test).
func Sum(n int) int {
	s := 0
	for r := 0; r < 2; r++ {
		for i := 0; i < n; i++ {
			s += i % 7
		}
	}
	return s / 2
}
