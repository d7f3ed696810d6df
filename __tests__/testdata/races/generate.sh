#!/usr/bin/env bash
# Regenerates the race fixtures in fixtures/ from the Go modules in modules/.
# Every fixture is real `go test -race -json` output: <name>.jsonl (stdout),
# <name>.stderr (stderr) and <name>.meta.json (command, GORACE, exit code, module dir).
# Usage: ./generate.sh            (needs Go with cgo + gcc for the race detector)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mods="$here/modules"
out="$here/fixtures"
mkdir -p "$out"

# The GORACE the race stage uses (src/races/go-test-args.ts).
stage_gorace='atexit_sleep_ms=0 halt_on_error=0 history_size=2'
go_version="$(go env GOVERSION)"

json_str() { # JSON-quote one argument
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# capture NAME MODULE_SUBDIR GORACE [ENV=VALUE ...] -- go test args...
capture() {
  local name="$1" dir="$mods/$2" gorace="$3"
  shift 3
  local -a envs=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  local -a args=(test -race -json "$@")
  local rc=0
  (cd "$dir" && env "${envs[@]}" GORACE="$gorace" go "${args[@]}" \
    >"$out/$name.jsonl" 2>"$out/$name.stderr") || rc=$?
  {
    printf '{\n  "goVersion": %s,\n  "moduleDir": %s,\n  "gorace": %s,\n' \
      "$(json_str "$go_version")" "$(json_str "$dir")" "$(json_str "$gorace")"
    printf '  "env": ['
    local sep=''
    for e in "${envs[@]}"; do printf '%s%s' "$sep" "$(json_str "$e")"; sep=', '; done
    printf '],\n  "args": ['
    sep=''
    for a in go "${args[@]}"; do printf '%s%s' "$sep" "$(json_str "$a")"; sep=', '; done
    printf '],\n  "exitCode": %d\n}\n' "$rc"
  } >"$out/$name.meta.json"
  echo "$name: exit $rc, $(wc -l <"$out/$name.jsonl") events"
}

# Races in tests: read/write, method, two statements in one function, finished goroutine,
# generics, gowrap, map race in a subtest, parallel tests, an ordinary failure, a 5000-byte line.
capture basic basic "$stage_gorace" -- -count=1 -timeout=120s .
# -count=3: the same races repeated.
capture basic-count3 basic "$stage_gorace" -- -count=3 -timeout=120s \
  -run '^(TestRaceWriteRead|TestTwoStatements)$' .
# Benchmarks (for the parser benchmark's mixed stream).
capture basic-bench basic "$stage_gorace" -- -count=1 -run '^$' -bench . -benchtime=200x -benchmem .
# Races outside tests: init, TestMain before m.Run, after m.Run (Found 1 data race(s), exit 66).
capture outside outside "$stage_gorace" -- -count=1 -timeout=120s ./...
# A race followed by `panic: test timed out`, and an ordinary panic in another package.
capture timeout timeout "$stage_gorace" -- -count=1 -timeout=4s ./...
# Build failure: Go 1.24+ build-output/build-fail events, and the old text form.
capture buildfail buildfail "$stage_gorace" -- -count=1 ./...
capture buildfail-text buildfail "$stage_gorace" GODEBUG=gotestjsonbuildtext=1 -- -count=1 ./...
# Lost history: with history_size=0 TSan v3 drops the race silently; history_size=2 reports it.
# Also a cgo race (Go callback on a C thread: _cgoexp_ frames, runtime.newextram origin).
capture stack-hs0 stack 'atexit_sleep_ms=0 halt_on_error=0 history_size=0' -- -count=1 ./...
capture stack-hs2 stack "$stage_gorace" -- -count=1 ./...
# Base and head of a small module: existing race moved down the file, fixed race, new race.
capture evolve-base evolve/base "$stage_gorace" -- -count=1 ./...
capture evolve-head evolve/head "$stage_gorace" -- -count=1 ./...
# A base commit whose package does not build: head races there cannot be classified.
capture evolve-base-broken evolve/base-broken "$stage_gorace" -- -count=1 ./...
# Confirmation re-runs the stage makes for that pair (new race on base, fixed race on head).
capture evolve-base-confirm evolve/base "$stage_gorace" -- -count=1 '-run=^(TestMiss)$' \
  example.com/racefix/evolve/store
capture evolve-head-confirm evolve/head "$stage_gorace" -- -count=1 '-run=^(TestReset)$' \
  example.com/racefix/evolve/store
# The package graph the stage lists for `race-base: affected` (src/races/affected.ts LIST_FORMAT).
(cd "$mods/evolve/head" && go list -e -test -f '{{.ImportPath}}	{{.Dir}}	{{join .Deps " "}}' \
  example.com/racefix/evolve/calm example.com/racefix/evolve/store >"$out/evolve-head.golist.txt")
