package graphdocgen_test

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// corpusRoot is the real pages, beside the project (see ../shared/corpus/README.md).
const corpusRoot = "../shared/corpus/graph-docs-2021/api-reference"

// minTypesResolved is the share of the named types the client refers to that a resource
// or enum page must document.
const minTypesResolved = 0.99

// minCoverage is the share of API pages that must be accounted for: either an emitted
// operation comes from the page, or every endpoint the page documents is emitted from
// another page that the endpoint map preferred (Operation.AlsoIn).
const minCoverage = 0.995

// minOwnCoverage is the share of API pages that must yield an operation of their own (the
// page is the "// source:" of an emitted method). Many pages document an endpoint that
// another page owns: the intune pages of each derived type all POST to one collection, for
// one. Measured 2026-12-05: 82.07% of v1.0's, 76.64% of beta's.
const minOwnCoverage = 0.75

func corpusInputs(t *testing.T, version string) []generate.Input {
	t.Helper()
	dir := filepath.Join(corpusRoot, version)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the real corpus is absent (%v): skipping the corpus tests", err)
	}
	inputs, err := generate.Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}

// corpusSuiteEnv names the environment variable that turns on the corpus-scale suites:
// the tests that build or run whole generated clients with the go command (minutes each).
// make corpus sets it; plain go test skips them.
const corpusSuiteEnv = "GRAPHDOCGEN_CORPUS"

// corpusSuite skips a corpus-scale suite unless GRAPHDOCGEN_CORPUS=1 is set and the real
// corpus is present; what says what the suite does.
func corpusSuite(t *testing.T, what string) {
	t.Helper()
	if os.Getenv(corpusSuiteEnv) != "1" {
		t.Skipf("%s (minutes): set %s=1 (make corpus) to run it", what, corpusSuiteEnv)
	}
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skipf("the real corpus is absent (%v): skipping", err)
	}
}

// coverage is one version's figures.
type coverage struct {
	version                              string
	pages, apiPages, withOps, ops, types int
	alsoOnly                             int // API pages whose every endpoint another page owns
	typesReferenced, typesResolved       int
	warnings, errors                     int
	byCode                               map[string]int
	took                                 time.Duration
	gaps                                 gapFigures // permissions and Authorization (silentloss_test.go)
}

// measurement is one version's generated client and figures.
type measurement struct {
	c      coverage
	res    *generate.Result
	inputs []generate.Input
}

// measured caches measure's results: three tests use the same generated clients.
var measured = map[string]measurement{}

// measure generates one version of the corpus (once per test binary) and counts.
func measure(t *testing.T, version string) (coverage, *generate.Result, []generate.Input) {
	if m, ok := measured[version]; ok {
		return m.c, m.res, m.inputs
	}
	c, res, inputs := measureOnce(t, version)
	measured[version] = measurement{c, res, inputs}
	return c, res, inputs
}

// corpusImportPath is the import path the whole clients are generated for: the module
// path the tests that build them write in their go.mod.
const corpusImportPath = "example.com/graph"

func measureOnce(t *testing.T, version string) (coverage, *generate.Result, []generate.Input) {
	inputs := corpusInputs(t, version)
	start := time.Now()
	res, err := generate.Run(inputs, generate.Config{Version: version, Package: "graph", ImportPath: corpusImportPath, Jobs: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	c := coverage{version: version, took: time.Since(start), byCode: map[string]int{}, pages: len(res.Pages),
		ops: len(res.API.Operations), types: len(res.API.Types), errors: res.Diags.Errors()}
	c.warnings = len(res.Diags) - c.errors
	c.typesReferenced, c.typesResolved = res.API.TypeRefs.Referenced, res.API.TypeRefs.Resolved
	covered, also := coveredPages(res), alsoOnlyPages(res)
	for _, p := range res.Pages {
		if p.Kind == model.PageAPI {
			c.apiPages++
			switch {
			case covered[p.File]:
				c.withOps++
			case also[p.File]:
				c.alsoOnly++
			}
		}
	}
	for _, d := range res.Diags {
		c.byCode[fmt.Sprintf("%s %s", d.Severity, d.Code)]++
	}
	c.gaps = gaps(version, res)
	return c, res, inputs
}

// TestCorpusCoverage runs the whole v1.0 and beta folders and checks the coverage target
// and that every request line became an operation path or a diagnostic. It is
// corpus-scale (GRAPHDOCGEN_CORPUS=1: make corpus, or make coverage, which prints the
// figures as the README's table).
func TestCorpusCoverage(t *testing.T) {
	corpusSuite(t, "generates the whole v1.0 and beta clients and measures their coverage")
	var rows []coverage
	for _, version := range []string{"v1.0", "beta"} {
		c, res, inputs := measure(t, version)
		rows = append(rows, c)
		if got := float64(c.withOps) / float64(c.apiPages); got < minOwnCoverage {
			t.Errorf("%s: %.2f%% of API pages yield an operation of their own, want at least %.0f%%", version, 100*got, 100*minOwnCoverage)
		}
		if got := float64(c.withOps+c.alsoOnly) / float64(c.apiPages); got < minCoverage {
			var missing []string
			covered, also := coveredPages(res), alsoOnlyPages(res)
			for _, p := range res.Pages {
				if p.Kind == model.PageAPI && !covered[p.File] && !also[p.File] {
					missing = append(missing, p.File)
				}
			}
			t.Errorf("%s: %.2f%% of API pages yield an operation or document only endpoints other pages own, want at least %.1f%%; neither: %v", version, 100*got, 100*minCoverage, missing)
		}
		checkNoLineDropped(t, res, inputs)
		if got := float64(c.typesResolved) / float64(c.typesReferenced); got < minTypesResolved {
			t.Errorf("%s: %.2f%% of referenced types are documented by a page, want at least %.0f%%", version, 100*got, 100*minTypesResolved)
		}
	}
	var b strings.Builder
	b.WriteString("\n| | v1.0 | beta |\n|---|---:|---:|\n")
	row := func(name string, f func(c coverage) string) {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", name, f(rows[0]), f(rows[1]))
	}
	row("pages", func(c coverage) string { return fmt.Sprint(c.pages) })
	row("API pages", func(c coverage) string { return fmt.Sprint(c.apiPages) })
	row("API pages with operations of their own", func(c coverage) string {
		return fmt.Sprintf("%d (%.2f%%)", c.withOps, 100*float64(c.withOps)/float64(c.apiPages))
	})
	row("API pages whose every endpoint another page owns", func(c coverage) string {
		return fmt.Sprintf("%d (%.2f%%)", c.alsoOnly, 100*float64(c.alsoOnly)/float64(c.apiPages))
	})
	row("operations", func(c coverage) string { return fmt.Sprint(c.ops) })
	row("named types referenced / documented by a page", func(c coverage) string {
		return fmt.Sprintf("%d / %d (%.2f%%)", c.typesReferenced, c.typesResolved, 100*float64(c.typesResolved)/float64(c.typesReferenced))
	})
	row("operations with permissions", func(c coverage) string { return pct(c.gaps.withPerms, c.gaps.ops) })
	row("operations with the Authorization header known", func(c coverage) string { return pct(c.gaps.authKnown, c.gaps.ops) })
	row("errors / warnings", func(c coverage) string { return fmt.Sprintf("%d / %d", c.errors, c.warnings) })
	var codes []string
	for _, c := range rows {
		for code := range c.byCode {
			if !slices.Contains(codes, code) {
				codes = append(codes, code)
			}
		}
	}
	slices.Sort(codes)
	for _, code := range codes {
		row("`"+code+"`", func(c coverage) string { return fmt.Sprint(c.byCode[code]) })
	}
	row("generation time (parse, build, emit, gofmt; no writes)", func(c coverage) string { return c.took.Round(10 * time.Millisecond).String() })
	t.Log(b.String())
}

// checkNoLineDropped reads the pages' HTTP request sections independently of the parser
// (a plain line scan) and requires every non-blank line inside their fences to be either
// a request line that an emitted method comes from or the position of a diagnostic.
func checkNoLineDropped(t *testing.T, res *generate.Result, inputs []generate.Input) {
	t.Helper()
	accounted := map[string]map[int]bool{}
	mark := func(file string, line int) {
		if accounted[file] == nil {
			accounted[file] = map[int]bool{}
		}
		accounted[file][line] = true
	}
	// A request line counts when a method is emitted for it: some operation (its page's
	// or, where the endpoint map gave the endpoint to another page, that page's) has its
	// method and path shape. A parsed line that no method came from is not enough.
	// The model may write a function's arguments into the call, or rename a repeated key
	// placeholder, so the comparison leaves out argument lists and placeholder names.
	emitted, methodLines := map[string]bool{}, map[string]map[int]bool{}
	for _, op := range res.API.Operations {
		for _, p := range op.Paths {
			emitted[emittedKey(op.Method, p)] = true
		}
	}
	for _, p := range res.Pages {
		for _, r := range p.Requests {
			if emitted[emittedKey(r.Method, r.Path)] {
				mark(p.File, r.Pos.Line)
				if methodLines[p.File] == nil {
					methodLines[p.File] = map[int]bool{}
				}
				methodLines[p.File][r.Pos.Line] = true
			}
		}
	}
	skipped := map[string]map[int]bool{}
	for _, d := range res.Diags {
		mark(d.Pos.File, d.Pos.Line)
		if d.Code == "request-block-skipped" {
			if skipped[d.Pos.File] == nil {
				skipped[d.Pos.File] = map[int]bool{}
			}
			skipped[d.Pos.File][d.Pos.Line] = true
		}
	}
	kinds := map[string]model.PageKind{}
	for _, p := range res.Pages {
		kinds[p.File] = p.Kind
	}
	dropped, checked, byMethod := 0, 0, 0
	for _, in := range inputs {
		if kinds[in.Rel] != model.PageAPI {
			continue
		}
		for _, fence := range templateLines(t, in.Display) {
			if skipped[in.Rel][fence[0]] {
				continue // a block of code in another language, reported once
			}
			for _, line := range fence {
				checked++
				if methodLines[in.Rel][line] {
					byMethod++
				}
				if !accounted[in.Rel][line] {
					dropped++
					if dropped <= 20 {
						t.Errorf("%s:%d: a line of the HTTP request section is neither a request nor a diagnostic", in.Display, line)
					}
				}
			}
		}
	}
	if dropped > 20 {
		t.Errorf("... %d lines in all", dropped)
	}
	t.Logf("%s: %d request-section lines: %d give an emitted method, %d carry a diagnostic instead, %d dropped",
		res.API.Version, checked, byMethod, checked-byMethod-dropped, dropped)
	if checked < len(inputs)/4 {
		t.Errorf("the line scan found only %d template lines in %d pages: it is broken", checked, len(inputs))
	}
}

// emittedKey identifies an endpoint for checkNoLineDropped: the method and the path
// without its query, with every placeholder written {} and every argument list dropped.
func emittedKey(method string, p model.Path) string {
	p.Query = nil
	s := keyPlaceholderRE.ReplaceAllString(p.String(), "{}")
	s = withoutKeyEscape(s)
	return method + " " + strings.ToLower(argListRE.ReplaceAllString(s, ""))
}

var (
	keyPlaceholderRE = regexp.MustCompile(`\{[^}]*\}`)
	argListRE        = regexp.MustCompile(`\([^)]*\)`)
)

// templateLines returns, fence by fence, the numbers of the non-blank lines inside fences
// of an "## HTTP request" section (to the next H2), by a line scan of the file.
func templateLines(t *testing.T, file string) [][]int {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]int
	var cur []int
	in, fence := false, false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(l, "```"):
			if fence && len(cur) > 0 {
				out = append(out, cur)
			}
			fence, cur = !fence, nil
		case fence:
			if in && l != "" {
				cur = append(cur, n)
			}
		case strings.HasPrefix(l, "## "):
			in = strings.HasPrefix(strings.ToLower(strings.TrimSpace(l[3:])), "http request")
		}
	}
	if fence && len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// TestCorpusDeterministic generates v1.0 from shuffled inputs with different parallelism
// and requires the same bytes: the whole folder with GRAPHDOCGEN_CORPUS=1 (make corpus),
// every eighth page of it in plain go test (TestDeterministic does the same for docs/).
func TestCorpusDeterministic(t *testing.T) {
	inputs := corpusInputs(t, "v1.0")
	if os.Getenv(corpusSuiteEnv) != "1" {
		var some []generate.Input
		for i, in := range inputs {
			if i%8 == 0 {
				some = append(some, in)
			}
		}
		inputs = some
	}
	var first [][]byte
	for i, jobs := range []int{runtime.GOMAXPROCS(0), 1, 7} {
		in := slices.Clone(inputs)
		if i > 0 {
			r := rand.New(rand.NewPCG(uint64(i), 42))
			r.Shuffle(len(in), func(a, b int) { in[a], in[b] = in[b], in[a] })
		}
		res, err := generate.Run(in, generate.Config{Version: "v1.0", Package: "graph", ImportPath: "example.com/graph", Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		var got [][]byte
		for _, f := range res.Files {
			got = append(got, append([]byte(f.Name+"\n"), f.Data...))
		}
		if i == 0 {
			first = got
			continue
		}
		if len(got) != len(first) {
			t.Fatalf("run %d: %d files, want %d", i, len(got), len(first))
		}
		for j := range got {
			if !bytes.Equal(got[j], first[j]) {
				name, _, _ := bytes.Cut(got[j], []byte("\n"))
				t.Errorf("run %d (jobs %d, shuffled): %s differs", i, jobs, name)
			}
		}
	}
}

// TestCorpusCompiles generates v1.0 and beta and builds and vets each package.
func TestCorpusCompiles(t *testing.T) {
	corpusSuite(t, "builds and vets the whole generated v1.0 and beta clients")
	for _, version := range []string{"v1.0", "beta"} {
		_, res, _ := measure(t, version)
		dir := t.TempDir()
		if err := res.Files.Write(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+corpusImportPath+"\n\ngo 1.26\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		checkDocumented(t, version, res.Files)
		buildAndVet(t, version, dir)
	}
}

// TestCorpusSplitCompiles emits the whole v1.0 and beta clients with --split, builds and
// vets them, checks that workload packages import only the core (never each other), and
// that they hold exactly the single package's methods.
func TestCorpusSplitCompiles(t *testing.T) {
	corpusSuite(t, "builds and vets the whole split v1.0 and beta clients")
	for _, version := range []string{"v1.0", "beta"} {
		_, res, _ := measure(t, version)
		files, _, err := emit.Emit(res.API, emit.Config{Package: "graph", Split: true, ImportPath: "corpuscheck"})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := files.Write(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module corpuscheck\n\ngo 1.26\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		methods := func(fs emit.Files) int {
			n := 0
			for _, f := range fs {
				n += bytes.Count(f.Data, []byte("\nfunc (c *Client) "))
			}
			return n
		}
		if got, want := methods(files), methods(res.Files); got != want || want == 0 {
			t.Errorf("%s: the split client has %d methods, the single package %d", version, got, want)
		}
		lines := map[string]int{}
		for _, f := range files {
			pkg := path.Dir(f.Name)
			lines[pkg] += bytes.Count(f.Data, []byte("\n"))
			if pkg == "." {
				continue
			}
			for _, m := range regexp.MustCompile(`"corpuscheck/([^"]+)"`).FindAllSubmatch(f.Data, -1) {
				if string(m[1]) != emit.RuntimeDir {
					t.Errorf("%s: %s imports the workload package %s", version, f.Name, m[1])
				}
			}
		}
		largest := ""
		for pkg, n := range lines {
			if pkg == "." || pkg == emit.RuntimeDir {
				continue
			}
			if largest == "" || n > lines[largest] || n == lines[largest] && pkg < largest {
				largest = pkg
			}
		}
		t.Logf("%s: %d packages; core %d lines; largest workload %s, %d lines", version, len(lines), lines["."], largest, lines[largest])
		checkDocumented(t, version+" split", files)
		buildAndVet(t, version+" split", dir)
	}
}

// buildAndVet runs go build and go vet on every package of the module in dir.
func buildAndVet(t *testing.T, label, dir string) {
	t.Helper()
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: go %s: %v\n%.3000s", label, strings.Join(args, " "), err, out)
		}
	}
}

// coveredPages is the set of pages some emitted operation comes from (its Page, the
// "// source:" of its methods). A page in an operation's AlsoIn only documents an endpoint
// the endpoint map gave to another page: it does not count (see alsoOnlyPages).
func coveredPages(res *generate.Result) map[string]bool {
	covered := map[string]bool{}
	for _, op := range res.API.Operations {
		covered[op.Page] = true
	}
	return covered
}

// alsoOnlyPages is the set of pages that no operation comes from but that document an
// endpoint another page's operation owns (AlsoIn).
func alsoOnlyPages(res *generate.Result) map[string]bool {
	covered := coveredPages(res)
	also := map[string]bool{}
	for _, op := range res.API.Operations {
		for _, p := range op.AlsoIn {
			if !covered[p] {
				also[p] = true
			}
		}
	}
	return also
}
