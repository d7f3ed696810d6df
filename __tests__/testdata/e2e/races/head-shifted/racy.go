// Package racy is the end-to-end races fixture: base has one race (Hit), the head variants add,
// move or fix races.
package racy

import "sync"

type Counter struct {
	mu   sync.Mutex
	n    int
	hits int
}

// Inc is safe on base.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// Reset is new in the PR and moves Hit further down the file.
func (c *Counter) Reset() {
	c.mu.Lock()
	c.n = 0
	c.mu.Unlock()
}

// Hit races on base: a pre-existing race.
func (c *Counter) Hit() {
	c.hits++
}
