// Package initrace races during package initialisation, before any test runs.
package initrace

var x int

func init() {
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	x = 2
	<-done
}
