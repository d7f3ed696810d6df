module example.com/toolchain

go 1.25.0

toolchain go1.26.8

require (
	golang.org/x/sync v0.6.0
	golang.org/x/text v0.14.0
)
