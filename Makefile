# The two commands: `make run` and `make test`.
SHELL := /bin/bash
ETHTESTS ?= ../shared/ethtests
CLI := dotnet run --project src/Rollup.Cli -c Release --

.PHONY: run test build bench conformance clean

## run: what the node will do once it exists; for now, the conformance suites the code passes.
run: build
	@echo "Rollup: the sequencer node is not built yet (issue 6). Running the Ethereum conformance suites instead."
	$(CLI) conformance $(ETHTESTS)

## test: restore, build and run every test project; last line is "N passed, N failed".
test:
	@bash scripts/test.sh

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
