//go:build !slow10

package work

// reps is how many times each benchmark repeats its core operation per b.N iteration.
// The slow10 build tag raises it to 11: exactly +10% work with the same code path.
const reps = 10
