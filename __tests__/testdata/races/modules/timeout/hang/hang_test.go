package hang

import (
	"testing"
	"time"
)

func TestRaceThenHang(t *testing.T) {
	x := 0
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	x = 2
	<-done
	if x == 3 {
		t.Log("never")
	}
	time.Sleep(time.Minute)
}
