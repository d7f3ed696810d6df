package cgo

import (
	"testing"
	"time"
)

func TestCgo(t *testing.T) {
	go func() { X = 2 }()
	time.Sleep(10 * time.Millisecond)
	Start()
}
