# The two commands: `make run` and `make test`.
SHELL := /bin/bash
ETHTESTS ?= ../shared/ethtests
CLI := dotnet run --project src/Rollup.Cli -c Release --

.PHONY: run test test-slow build bench conformance clean

## run: a whole devnet: the sequencer (rollup node --dev) on http://127.0.0.1:8545 and a local L1 (anvil, loopback,
## a free port) with the rollup contracts deployed; both stop on Ctrl+C. NODE_ARGS adds flags (docs/node.md),
## e.g. NODE_ARGS='--l1-port 8546' or '--no-l1'.
NODE_ARGS ?=
run: build
	$(CLI) node --dev $(NODE_ARGS)

## test: restore, build and run every test project; last line is "N passed, N failed".
test:
	@bash scripts/test.sh

## test-slow: the same, plus the tests tagged Category=Slow (none at present: the full gadget set, which needed 2^17
## rows, now proves on the batch circuit's 2^12 in the default run).
test-slow:
	@ROLLUP_SLOW_TESTS=1 bash scripts/test.sh

build:
	dotnet build Rollup.sln -c Release --nologo -v q -clp:ErrorsOnly

## bench: BenchmarkDotNet suites; pass FILTER='*Keccak*' to pick some.
FILTER ?= *
bench:
	dotnet run --project bench/Rollup.Bench -c Release -- --filter '$(FILTER)'

## conformance: run the fixture suites under ETHTESTS.
conformance: build
	$(CLI) conformance $(ETHTESTS)

clean:
	dotnet clean Rollup.sln -v q; rm -rf .test-results
