package tmain

import (
	"os"
	"testing"
)

var x int

func TestMain(m *testing.M) {
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	x = 2
	<-done
	os.Exit(m.Run())
}

func TestFine(t *testing.T) {}
