// Package store is the base version of a tiny cache used by the race stage tests.
package store

// Cache counts lookups without locking.
type Cache struct {
	hits   int
	resets int
}

// Hit races when called concurrently (pre-existing race).
func (c *Cache) Hit() { c.hits++ }

// Reset races when called concurrently; head fixes it.
func (c *Cache) Reset() { c.resets++ }

// Broken does not compile: the base commit of this fixture is broken.
func (c *Cache) Broken() int { return c.undefinedField }
