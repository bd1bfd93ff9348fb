# graphdocgen: common tasks. Run from the repository root.

GO ?= go

.PHONY: all generate check test vet fmt-check update-golden fuzz coverage corpus conformance bench buildcost ci runtime-move-diff

all: generate test

## generate: regenerate generated/ from docs/
generate:
	$(GO) run ./cmd/graphdocgen

## check: exit 1 with a diff when generated/ is stale
check:
	$(GO) run ./cmd/graphdocgen --check

## test: the README's test command
test:
	$(GO) test ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## update-golden: rewrite testdata/golden/*/want and generated/ from the current code
update-golden:
	$(GO) test . -run 'TestGolden|TestGeneratedUpToDate' -update

## coverage: measure the real corpus (../shared/corpus) and print the README's table
coverage:
	GRAPHDOCGEN_CORPUS=1 $(GO) test . -run 'TestCorpusCoverage' -count=1 -v

## corpus: the corpus-scale suites, which plain go test skips or runs on a small part
## (tens of minutes): build and vet the whole v1.0 and beta clients in both layouts, decode
## every example response, and the conformance suite, lint over the corpora, coverage and
## no dropped request line, determinism over the whole v1.0 folder, the API listings of
## both clients (testdata/api), their names, the 2021 corpus's silent-loss check, and the
## kill test of writes at 250 random points; -v prints their figures
CORPUS_TESTS = TestCorpusCompiles|TestCorpusSplitCompiles|TestCorpusExamplesDecode|TestLintCorpus|TestCorpusCoverage|TestCorpusDeterministic|TestAPIListing|TestNoRuntimeSuffixes|TestSilentLoss
CONFORMANCE_TESTS = TestConformance
corpus:
	GRAPHDOCGEN_CORPUS=1 $(GO) test . -count=1 -timeout 80m -v -run '$(CORPUS_TESTS)|$(CONFORMANCE_TESTS)'
	GRAPHDOCGEN_CORPUS=1 $(GO) test ./internal/emit -count=1 -run TestKill -v

## runtime-move-diff: generate the whole v1.0 and beta clients of ../shared/corpus with the
## generator before the runtime became a package of its own (74b2693, or BASE=rev) and with
## this one, and show that they differ only by the move
runtime-move-diff:
	scripts/runtime-move-diff.sh $(BASE)

## conformance: replay every example request of ../shared/corpus through the generated
## client against an httptest server and print the figures (part of make corpus)
conformance:
	GRAPHDOCGEN_CORPUS=1 $(GO) test . -count=1 -timeout 80m -v -run '$(CONFORMANCE_TESTS)'

## bench: the generator's speed against goldmark parsing alone over ../shared/corpus, the
## parser's time and allocations per MB on pages of 1, 2, 4, 8 and 20 MB and on 5,000 nested
## list levels (failing if they grow faster than linearly), then one generated call against
## the same call written by hand (net/http + encoding/json), and TestDecodeReport: listing
## 10,000 users (100 pages) with and without nulls, 10,000 messages (100 pages; nested body,
## from, recipients), one GET and one PATCH, each against hand-written encoding/json code over
## the same documented properties, with the ratios of medians of alternating rounds and the
## peak live heap while paging; then the Decode benchmarks (one vppToken, one page of messages)
bench:
	GRAPHDOCGEN_SPEED=1 $(GO) test -count=1 -run TestSpeedReport -v ./internal/speed
	GRAPHDOCGEN_SPEED=1 $(GO) test -count=1 -timeout 30m -run 'TestParseSpeedReport|TestParseLinear' -v ./internal/parse
	GRAPHDOCGEN_BENCH=1 $(GO) test -count=1 -run 'TestCallOverhead|TestDecodeReport' -v ./generated/benchmark/
	$(GO) test -run '^$$' -bench Decode -benchmem -count 3 ./generated/benchmark/

## buildcost: cold builds of a program calling one vppToken operation through the whole v1.0
## client, through a vppToken-only client, and written by hand (takes minutes)
buildcost:
	GRAPHDOCGEN_BUILDCOST=1 $(GO) test -count=1 -timeout 30m -run TestBuildCost -v ./internal/speed

## fuzz: run the parser fuzzer for a minute
fuzz:
	$(GO) test ./internal/parse -run '^$$' -fuzz FuzzParse -fuzztime 60s

## ci: what .ci/run does
ci: fmt-check vet test check
