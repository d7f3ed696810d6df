package racy

import (
	"sync"
	"testing"
)

func hammer(f func()) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f()
		}()
	}
	wg.Wait()
}

func TestInc(t *testing.T) {
	c := &Counter{}
	hammer(c.Inc)
}

func TestHit(t *testing.T) {
	c := &Counter{}
	hammer(c.Hit)
}
