// Package racy is the end-to-end races fixture: base has one race (Hit), the head variants add,
// move or fix races.
package racy

import "sync"

type Counter struct {
	mu   sync.Mutex
	n    int
	hits int
}

// Inc lost its lock in the PR: a new race.
func (c *Counter) Inc() {
	c.n++
}

// Hit races on base: a pre-existing race.
func (c *Counter) Hit() {
	c.hits++
}
