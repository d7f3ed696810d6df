package store

import (
	"sync"
	"testing"
)

func hammer(f func()) {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
}

func TestHit(t *testing.T) { c := &Cache{}; hammer(c.Hit) }

func TestReset(t *testing.T) { c := &Cache{}; hammer(c.Reset) }
