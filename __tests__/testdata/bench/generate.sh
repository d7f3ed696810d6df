#!/usr/bin/env bash
# Regenerates the real benchmark fixtures under fixtures/ from the Go modules under modules/.
# Needs Go on PATH (fixtures were made with go1.26.8 linux/amd64) and network access to the Go
# module proxy for benchstat. Run from anywhere: bash __tests__/testdata/bench/generate.sh
#
# Test binaries are built with `go test -c` WITHOUT GODEBUG (so the compiler's own gctrace lines
# stay out), then run with GODEBUG=gctrace=1 and stderr merged into stdout (2>&1), exactly like
# the bench stage does, so GC lines interleave with the benchmark output.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/fixtures"
mods="$here/modules"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Pinned benchstat builds (see src/bench/benchstat-version.ts). The old one predates x/perf
# 8f5f3ab ("consistent column count in csv format") and so prints ragged CSV rows.
NEW_PERF=v0.0.0-20260908200009-22c9c6c9d4da
OLD_PERF=v0.0.0-20250210164336-884df5810d28
GOBIN="$work/new" go install "golang.org/x/perf/cmd/benchstat@$NEW_PERF"
# GONOSUMDB only because the sandbox's checksum-database mirror lacks this old version.
GONOSUMDB=golang.org/x/perf GOBIN="$work/old" go install "golang.org/x/perf/cmd/benchstat@$OLD_PERF"
go version > "$out/go-version.txt"

# run <binary> <pkgdir> <fixture> [extra env...] -- test flags...
run() {
  local bin="$1" dir="$2" name="$3"
  shift 3
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  set +e
  (cd "$dir" && env GODEBUG=gctrace=1 "${envs[@]}" "$bin" "$@" > "$out/$name" 2>&1)
  echo "exit=$?" > "$out/$name.exit"
  set -e
}
flags=(-test.run='^$' -test.count=1 -test.benchmem)

# ---- edge module: one binary per package
edge="$mods/edge"
for p in names dup1 dup2 fail panicky nobench gcheavy; do
  (cd "$edge" && go test -c -o "$work/$p.test" "./$p")
done
run "$work/gcheavy.test" "$edge/gcheavy" gcheavy.out -- "${flags[@]}" -test.bench=. -test.benchtime=30ms
run "$work/gcheavy.test" "$edge/gcheavy" gcheavy-gogc25.out GOGC=25 -- "${flags[@]}" -test.bench=. -test.benchtime=30ms
run "$work/gcheavy.test" "$edge/gcheavy" gcheavy-off.out GOGC=off GOMEMLIMIT=64MiB -- "${flags[@]}" -test.bench=. -test.benchtime=30ms
run "$work/names.test" "$edge/names" names.out -- "${flags[@]}" -test.bench=. -test.benchtime=2000x
run "$work/names.test" "$edge/names" names.list -- -test.list=.
run "$work/dup1.test" "$edge/dup1" dup1.out -- "${flags[@]}" -test.bench=. -test.benchtime=1000x
run "$work/dup2.test" "$edge/dup2" dup2.out -- "${flags[@]}" -test.bench=. -test.benchtime=1000x
run "$work/fail.test" "$edge/fail" fail.out -- "${flags[@]}" -test.bench=. -test.benchtime=1000x
run "$work/panicky.test" "$edge/panicky" panicky.out -- "${flags[@]}" -test.bench=. -test.benchtime=1000x
run "$work/nobench.test" "$edge/nobench" nobench.out -- "${flags[@]}" -test.bench=.
run "$work/nobench.test" "$edge/nobench" nobench.list -- -test.list=.
set +e
(cd "$edge" && go test -c -o "$work/broken.test" ./broken > "$out/broken-build.out" 2>&1)
echo "exit=$?" > "$out/broken-build.out.exit"
set -e

# A GC finishing while the testing package prints: the runtime writes a gctrace line piece by
# piece, so the benchmark's numbers (one write) can land inside it. Rare; retry until captured.
for i in $(seq 1 600); do
  (cd "$edge/gcheavy" && GOGC=25 GODEBUG=gctrace=1 "$work/gcheavy.test" "${flags[@]}" -test.bench=. -test.benchtime=3ms > "$work/cut.out" 2>&1) || true
  if grep -qP 'gc \d+ @[^\t]*\t' "$work/cut.out"; then cp "$work/cut.out" "$out/gc-cut.out"; echo "gc-cut.out captured after $i runs"; break; fi
done

# ---- power module: base, +10% time, +1 alloc/op builds
power="$mods/power"
(cd "$power" && go test -c -o "$work/power-base.test" ./work)
(cd "$power" && go test -c -tags slow10,alloc1 -o "$work/power-head.test" ./work)
run "$work/power-base.test" "$power/work" power.out -- "${flags[@]}" -test.bench=. -test.benchtime=20ms
run "$work/power-base.test" "$power/work" power.list -- -test.list=.

# benchstat inputs: 6 interleaved rounds per side, in the format our writer produces
: > "$work/base.txt"
: > "$work/head.txt"
for i in 1 2 3 4 5 6; do
  for side in base head; do
    { echo "side: $side"; echo "gc-variant: GOGC=100"
      (cd "$power/work" && "$work/power-$side.test" -test.run='^$' -test.bench='SHA256|Sprintf|LinkedList|Fib' -test.benchtime=10ms -test.benchmem -test.count=1)
    } | grep -v -E '^(PASS|ok )' >> "$work/$side.txt"
  done
done
cp "$work/base.txt" "$out/benchstat-in-base.txt"
cp "$work/head.txt" "$out/benchstat-in-head.txt"
# bs <binary> <fixture> args... : stdout to <fixture>, stderr to <fixture>.stderr
bs() {
  local bin="$1" name="$2"
  shift 2
  (cd "$out" && "$bin" "$@" > "$name" 2> "$name.stderr"; echo "exit=$?" > "$name.exit")
}
bs "$work/new/benchstat" benchstat-new.csv -format csv -col side benchstat-in-base.txt benchstat-in-head.txt
bs "$work/new/benchstat" benchstat-new.txt -col side benchstat-in-base.txt benchstat-in-head.txt
bs "$work/old/benchstat" benchstat-old.csv -format csv -col side benchstat-in-base.txt benchstat-in-head.txt
bs "$work/new/benchstat" benchstat-missing.csv -format csv -col side benchstat-in-base.txt no-such-file.txt
bs "$work/new/benchstat" benchstat-badflag.csv -format xml benchstat-in-base.txt
# Two samples per side: too few for a CI or a test → warnings on stderr.
head -n 20 "$work/base.txt" > "$out/benchstat-in-small-base.txt"
head -n 20 "$work/head.txt" > "$out/benchstat-in-small-head.txt"
bs "$work/new/benchstat" benchstat-small.csv -format csv -col side benchstat-in-small-base.txt benchstat-in-small-head.txt
# Names needing CSV quoting, a custom unit and the same name in two packages (no gctrace here:
# raw split lines would be benchstat syntax errors; the stage writes repaired lines instead).
for side in base head; do
  { echo "side: $side"
    for p in names dup1 dup2; do
      for i in 1 2 3 4; do (cd "$edge/$p" && "$work/$p.test" "${flags[@]}" -test.bench=. -test.benchtime=2000x); done
    done
  } | grep -v -E '^(PASS|ok |chatty)' > "$out/benchstat-in-names-$side.txt"
done
bs "$work/new/benchstat" benchstat-names.csv -format csv -col side benchstat-in-names-base.txt benchstat-in-names-head.txt
# A malformed input line: benchstat reports file:line errors on stderr and still exits 0.
printf 'side: base\nBenchmarkBad-2 notanumber 12 ns/op\nBenchmarkOk-2 10 12 ns/op\n' > "$out/benchstat-in-bad.txt"
bs "$work/new/benchstat" benchstat-bad.csv -format csv benchstat-in-bad.txt
# ---- evolve module (base and head trees) for the stage test with a replaying fake runner
evolve="$mods/evolve"
listfmt='{{.ImportPath}}	{{.Dir}}	{{len .TestGoFiles}}	{{len .XTestGoFiles}}'
for side in base head; do
  (cd "$evolve/$side" && go list -e -f "$listfmt" ./... > "$out/evolve-$side-golist.out" 2>&1) || true
  for p in buf flaky brokenbase nobench; do
    set +e
    (cd "$evolve/$side" && go test -c -o "$work/evolve-$side-$p.test" "./$p" > "$out/evolve-$side-$p-build.out" 2>&1)
    echo "exit=$?" > "$out/evolve-$side-$p-build.out.exit"
    set -e
    [ -x "$work/evolve-$side-$p.test" ] || continue
    run "$work/evolve-$side-$p.test" "$evolve/$side/$p" "evolve-$side-$p.list" -- -test.list=.
    for i in 1 2 3; do
      run "$work/evolve-$side-$p.test" "$evolve/$side/$p" "evolve-$side-$p-$i.out" GOGC=100 -- "${flags[@]}" -test.bench=. -test.benchtime=2000x
    done
  done
done
# pprof diff of the buffer-reuse → allocate-in-loop change (profiles under GOGC=100)
for side in base head; do
  (cd "$evolve/$side/buf" && GOGC=100 "$work/evolve-$side-buf.test" "${flags[@]}" '-test.bench=^BenchmarkEncode$' -test.benchtime=200ms \
    "-test.cpuprofile=$work/$side.cpu.pprof" "-test.memprofile=$work/$side.mem.pprof" > /dev/null)
done
(cd "$evolve/head" && go tool pprof -top -nodecount=15 "-diff_base=$work/base.cpu.pprof" "$work/head.cpu.pprof" > "$out/evolve-pprof-cpu.out" 2>&1)
(cd "$evolve/head" && go tool pprof -top -nodecount=15 -sample_index=alloc_space "-diff_base=$work/base.mem.pprof" "$work/head.mem.pprof" > "$out/evolve-pprof-mem.out" 2>&1)
# Paths in go list output are machine-specific; the test substitutes its own root for this one.
sed -i "s#$evolve#@EVOLVE@#g" "$out"/evolve-*-golist.out
echo "fixtures written to $out"
