// Package store is the head version of a tiny cache used by the race stage tests.
//
// These comment lines are an unrelated edit: they move every statement below
// further down the file, so the pre-existing race sits at a different line
// than on base and must still be recognised as the same race.
package store

import "sync"

// Cache counts lookups without locking.
type Cache struct {
	mu     sync.Mutex
	hits   int
	resets int
	misses int
}

// Hit races when called concurrently (pre-existing race).
func (c *Cache) Hit() { c.hits++ }

// Reset is now locked: the base race is fixed.
func (c *Cache) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.resets++
}

// Miss races when called concurrently: a race introduced by head.
func (c *Cache) Miss() { c.misses++ }
