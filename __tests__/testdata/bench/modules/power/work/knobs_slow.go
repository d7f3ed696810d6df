//go:build slow10

package work

const reps = 11
