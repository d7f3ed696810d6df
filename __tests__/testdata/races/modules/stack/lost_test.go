package stack

import (
	"testing"
	"time"
)

var sink [64]int

//go:noinline
func churn(i int) { sink[i%64] = i }

// TestLostHistory writes x, then makes far more memory accesses than the
// race history holds (history_size=0). Go 1.19+ (TSan v3) then drops the report
// silently instead of printing "[failed to restore the stack]"; history_size=2 keeps it.
func TestLostHistory(t *testing.T) {
	x := 0
	go func() {
		x = 1
		for i := 0; i < 40_000; i++ {
			churn(i)
		}
	}()
	time.Sleep(300 * time.Millisecond)
	if x == 9 {
		t.Log("never")
	}
}
