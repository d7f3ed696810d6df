package cache

import (
	"sync"
	"testing"
)

func TestConcurrentGet(t *testing.T) {
	c := New()
	c.Put("a", "1")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get("a")
		}()
	}
	wg.Wait()
}

func TestPut(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Put("k", "v")
		}()
	}
	wg.Wait()
	if c.Len() != 1 {
		t.Fatal("len")
	}
}
