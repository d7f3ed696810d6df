// Package work holds small, realistic workloads for the power study.
package work

import (
	"bytes"
	"compress/flate"
	"container/heap"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math/rand"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Rec is a JSON record.
type Rec struct {
	ID    int      `json:"id"`
	Name  string   `json:"name"`
	Tags  []string `json:"tags"`
	Score float64  `json:"score"`
}

var (
	data4k     = mkData(4096)
	data64k    = mkData(65536)
	words      = strings.Fields(strings.Repeat("alpha beta gamma delta epsilon zeta eta theta ", 32))
	ints       = mkInts(512)
	re         = regexp.MustCompile(`(\w+)@(\w+)\.com`)
	text       = strings.Repeat("contact bob@example.com or alice@corp.com today; ", 8)
	recs       = mkRecs(16)
	recJSON, _ = json.Marshal(recs)
	matA, matB = mkMat(24), mkMat(24)
)

func mkData(n int) []byte {
	r := rand.New(rand.NewSource(1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.Intn(8))
	}
	return b
}

func mkInts(n int) []int {
	r := rand.New(rand.NewSource(2))
	s := make([]int, n)
	for i := range s {
		s[i] = r.Intn(1 << 20)
	}
	return s
}

func mkRecs(n int) []Rec {
	out := make([]Rec, n)
	for i := range out {
		out[i] = Rec{ID: i, Name: "rec" + strconv.Itoa(i), Tags: []string{"a", "b"}, Score: float64(i) / 3}
	}
	return out
}

func mkMat(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		for j := range m[i] {
			m[i][j] = float64(i*n+j) / 7
		}
	}
	return m
}

// Each Op* runs one unit of work; benchmarks call it reps times per iteration.

func OpSHA256() [32]byte { return sha256.Sum256(data4k) }

func OpCRC32() uint32 { return crc32.ChecksumIEEE(data64k) }

func OpSortInts() int {
	s := make([]int, len(ints))
	copy(s, ints)
	sort.Ints(s)
	return s[0]
}

func OpJSONEncode() int {
	b, _ := json.Marshal(recs)
	return len(b)
}

func OpJSONDecode() int {
	var out []Rec
	_ = json.Unmarshal(recJSON, &out)
	return len(out)
}

func OpRegexp() int { return len(re.FindAllStringSubmatchIndex(text, -1)) }

func OpSprintf(i int) string { return fmt.Sprintf("item-%d-%s-%.2f", i, "x", float64(i)/3) }

func OpBuilder() int {
	var sb strings.Builder
	for _, w := range words[:64] {
		sb.WriteString(w)
		sb.WriteByte(' ')
	}
	return sb.Len()
}

func OpMapInsert() int {
	m := make(map[int]int, 16)
	for i := 0; i < 256; i++ {
		m[ints[i]] = i
	}
	return len(m)
}

func OpMapLookup(m map[string]int) int {
	n := 0
	for _, w := range words {
		n += m[w]
	}
	return n
}

func OpStrconv() int {
	n := 0
	for i := 0; i < 64; i++ {
		v, _ := strconv.Atoi(strconv.Itoa(ints[i]))
		n += v
	}
	return n
}

func OpBase64() int { return len(base64.StdEncoding.EncodeToString(data4k[:1024])) }

func OpSplitJoin() int { return len(strings.Join(strings.Split(text, " "), ",")) }

func OpFlate(buf *bytes.Buffer, w *flate.Writer) int {
	buf.Reset()
	w.Reset(buf)
	_, _ = w.Write(data4k)
	_ = w.Close()
	return buf.Len()
}

func OpMatMul() float64 {
	n := len(matA)
	s := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			for k := 0; k < n; k++ {
				s += matA[i][k] * matB[k][j]
			}
		}
	}
	return s
}

func OpFib(n int) int {
	if n < 2 {
		return n
	}
	return OpFib(n-1) + OpFib(n-2)
}

func OpBinarySearch(sorted []int) int {
	n := 0
	for i := 0; i < 256; i++ {
		n += sort.SearchInts(sorted, ints[i])
	}
	return n
}

type node struct {
	v    int
	next *node
}

func OpLinkedList() int {
	var head *node
	for i := 0; i < 128; i++ {
		head = &node{v: i, next: head}
	}
	s := 0
	for n := head; n != nil; n = n.next {
		s += n.v
	}
	return s
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func OpHeap(h *intHeap) int {
	*h = (*h)[:0]
	for i := 0; i < 128; i++ {
		heap.Push(h, ints[i])
	}
	s := 0
	for h.Len() > 0 {
		s += heap.Pop(h).(int)
	}
	return s
}

func OpBytesCount() int { return bytes.Count(data64k, []byte("ab")) }
