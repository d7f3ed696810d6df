package racey

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRaceWriteRead(t *testing.T) {
	x := 0
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	if x == 5 {
		t.Log("never")
	}
	<-done
}

func TestRaceMethod(t *testing.T) {
	c := &Counter{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
}

func TestTwoStatements(t *testing.T) {
	s := &Stats{}
	var wg sync.WaitGroup
	for _, hit := range []bool{true, true, false, false} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Record(hit)
		}()
	}
	wg.Wait()
}

func TestRaceFinished(t *testing.T) {
	x := 0
	go func() { x = 1 }()
	time.Sleep(50 * time.Millisecond)
	if x == 7 {
		t.Log("never")
	}
}

func TestRaceGeneric(t *testing.T) {
	var v int
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); Generic(&v, 1) }()
	go func() { defer wg.Done(); Generic(&v, 2) }()
	wg.Wait()
}

func TestGoWrap(t *testing.T) {
	x := 0
	var wg sync.WaitGroup
	wg.Add(1)
	go incr(&x)
	go func() { defer wg.Done(); x = 3 }()
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
}

func TestRaceSub(t *testing.T) {
	t.Run("inner", func(t *testing.T) {
		m := map[string]int{}
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); m["a"] = 1 }()
		go func() { defer wg.Done(); m["b"] = 2 }()
		wg.Wait()
	})
	t.Run("clean", func(t *testing.T) { t.Log("no race here") })
}

var shared int

func TestParallelA(t *testing.T) {
	t.Parallel()
	for i := 0; i < 50; i++ {
		shared++
		time.Sleep(time.Millisecond)
	}
}

func TestParallelB(t *testing.T) {
	t.Parallel()
	for i := 0; i < 50; i++ {
		shared++
		time.Sleep(time.Millisecond)
	}
}

func TestOK(t *testing.T) {
	t.Log("ordinary output")
	fmt.Println("stdout from a passing test")
}

func TestLongLine(t *testing.T) {
	fmt.Println("long:" + strings.Repeat("x", 5000))
}

func TestFails(t *testing.T) {
	t.Error("an ordinary failure")
}

func BenchmarkInc(b *testing.B) {
	c := &Counter{}
	for i := 0; i < b.N; i++ {
		c.Inc()
	}
}

func BenchmarkLog(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = fmt.Sprint(i)
	}
	b.Log("bench log line")
}
