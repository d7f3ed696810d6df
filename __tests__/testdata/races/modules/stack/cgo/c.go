// Package cgo races between a Go callback running on a C-created thread and a goroutine.
package cgo

/*
#include <pthread.h>
extern void goCallback(void);
static void* thr(void* p) { goCallback(); return 0; }
static void startThread(void) { pthread_t t; pthread_create(&t, 0, thr, 0); pthread_join(t, 0); }
*/
import "C"

var X int

//export goCallback
func goCallback() { X = 1 }

// Start runs goCallback on a C-created thread.
func Start() { C.startThread() }
