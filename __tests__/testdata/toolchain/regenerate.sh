#!/bin/sh
# Regenerates the version-file fixtures with the real go command (go mod init / go mod edit /
# go work init write these files exactly as users' repositories have them).
# Usage: sh __tests__/testdata/toolchain/regenerate.sh   (needs Go >= 1.21 on PATH)
set -eu
cd "$(dirname "$0")"
rm -rf versionfiles
mkdir -p versionfiles/toolchain versionfiles/goline versionfiles/work/a versionfiles/work/b
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

# go.mod with a `toolchain` line newer than its `go` line, plus a require block.
(cd versionfiles/toolchain && go mod init example.com/toolchain >/dev/null 2>&1 &&
  go mod edit -go=1.25.0 -toolchain=go1.26.8 &&
  go mod edit -require=golang.org/x/text@v0.14.0 -require=golang.org/x/sync@v0.6.0)

# go.mod with only a `go` line (minor form, as older modules have it).
(cd versionfiles/goline && go mod init example.com/goline >/dev/null 2>&1 && go mod edit -go=1.24 -toolchain=none)

# go.work with a toolchain line, over two modules.
(cd versionfiles/work/a && go mod init example.com/a >/dev/null 2>&1)
(cd versionfiles/work/b && go mod init example.com/b >/dev/null 2>&1)
(cd versionfiles/work && go work init ./a ./b && go work edit -go=1.25.4 -toolchain=go1.26rc2)

go version > versionfiles/go-version-output.txt
