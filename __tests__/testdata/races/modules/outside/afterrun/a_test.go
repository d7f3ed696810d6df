package afterrun

import (
	"os"
	"testing"
)

var x int

func TestMain(m *testing.M) {
	code := m.Run()
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	x = 2
	<-done
	os.Exit(code)
}

func TestFine(t *testing.T) {}
