// Package racey holds code with deliberate data races for parser fixtures.
package racey

// Counter is incremented without synchronisation.
type Counter struct{ n int }

// Inc races when called from several goroutines.
func (c *Counter) Inc() { c.n++ }

// Stats has two fields updated by two different statements of one function.
type Stats struct{ hits, misses int }

// Record races on hits or on misses: two different racing statements.
func (s *Stats) Record(hit bool) {
	if hit {
		s.hits++
	} else {
		s.misses++
	}
}

// Generic writes through a type parameter.
func Generic[T any](p *T, v T) { *p = v }

func incr(p *int) { *p++ }
