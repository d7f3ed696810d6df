// Package cache is a tiny in-memory cache used by the go-race-gc-guard demo.
package cache

import "sync"

// Cache maps keys to values. Hits is read and written without the lock: a data race that
// already exists on the base branch (pre-existing: reported, not failing).
type Cache struct {
	mu   sync.Mutex
	m    map[string]string
	Hits int
}

func New() *Cache { return &Cache{m: map[string]string{}} }

func (c *Cache) Get(k string) (string, bool) {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		c.Hits++
	}
	return v, ok
}

func (c *Cache) Put(k, v string) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

// Len returns the number of entries.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
