package graphdocgen_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/golden"
	"github.com/graphdocgen/graphdocgen/internal/lint"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// lintRun runs what `graphdocgen lint PATH...` runs and returns its findings.
func lintRun(t *testing.T, paths ...string) model.Diagnostics {
	t.Helper()
	inputs, err := generate.Collect(paths)
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := lint.Run(inputs, 2)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func lintOutput(t *testing.T, ds model.Diagnostics, f lint.Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := lint.Write(&b, ds, f); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// seedPage is the stub page of the shared corpus (issue 13's Must-show); it is named .txt,
// which lint reads like any page named on the command line.
const seedPage = "../shared/corpus/seed/000_05186bec27677e7b.txt"

// TestLintSeed holds `graphdocgen lint` on the seed page: its TODO placeholders (front
// matter, permissions table, parameter descriptions) and its "Boolean" values where the
// request-body table says Boolean, each with its position. go test -update rewrites
// testdata/golden/lint-seed/want.txt; the positions below are checked whatever it holds.
func TestLintSeed(t *testing.T) {
	if _, err := os.Stat(seedPage); err != nil {
		t.Skipf("the shared corpus is not beside the repository (%v): nothing to lint", err)
	}
	ds := lintRun(t, seedPage)
	got := lintOutput(t, ds, lint.Text)
	golden.Check(t, "testdata/golden/lint-seed/want.txt", got)
	for _, want := range []string{
		seedPage + ":4:1: warning: todo-placeholder: front matter author",
		seedPage + ":6:1: warning: todo-placeholder: front matter ms.prod",
		seedPage + ":22:37: warning: todo-placeholder:", // permissions table, three rows
		seedPage + ":23:41: warning: todo-placeholder:",
		seedPage + ":24:14: warning: todo-placeholder:",
		seedPage + ":49:31: warning: todo-placeholder:", // parameter descriptions
		seedPage + ":50:34: warning: todo-placeholder:",
		seedPage + `:72:27: warning: placeholder-value: example request value "Boolean" of "notifyManagedDevices"`,
		seedPage + `:73:30: warning: placeholder-value: example request value "Boolean" of "revokeUntrackedLicenses"`,
	} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("lint output lacks %q:\n%s", want, got)
		}
	}
}

// TestLintGolden runs lint on each testdata/golden/lint-<code>/pages folder and compares
// the text and GitHub outputs with want.txt and want.github.txt (go test -update rewrites
// them). Each case must report its code: a check that stops firing fails here.
func TestLintGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/golden/lint-*/pages")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no lint cases under testdata/golden/lint-*/pages")
	}
	for _, pages := range dirs {
		dir := filepath.Dir(pages)
		code := strings.TrimPrefix(filepath.Base(dir), "lint-")
		t.Run(code, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(dir, "README.md")); err != nil {
				t.Errorf("%s has no README.md naming the real page it is modelled on", dir)
			}
			ds := lintRun(t, filepath.ToSlash(pages))
			if !slices.ContainsFunc(ds, func(d model.Diagnostic) bool { return d.Code == code }) {
				t.Errorf("lint on %s reports no %s:\n%s", pages, code, ds)
			}
			golden.Check(t, filepath.Join(dir, "want.txt"), lintOutput(t, ds, lint.Text))
			golden.Check(t, filepath.Join(dir, "want.github.txt"), lintOutput(t, ds, lint.GitHub))
		})
	}
}

// TestLintCorpus lints the whole 2021 corpus (v1.0 and beta) and the current pages, and
// prints the README's table of findings by code. It is corpus-scale: it runs with
// GRAPHDOCGEN_CORPUS=1 (make corpus) and the shared corpus beside the repository.
func TestLintCorpus(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_CORPUS") == "" || testing.Short() {
		t.Skip("corpus-scale: set GRAPHDOCGEN_CORPUS=1 (make corpus)")
	}
	const base = "../shared/corpus/"
	corpora := []string{"graph-docs-2021/api-reference/v1.0", "graph-docs-2021/api-reference/beta",
		"graph-docs-current/api-reference/v1.0", "graph-docs-current/api-reference/beta"}
	counts := map[string][]int{}
	var total [4]int
	for i, c := range corpora {
		if _, err := os.Stat(base + c); err != nil {
			t.Skipf("%s is absent: %v", base+c, err)
		}
		ds := lintRun(t, base+c)
		if i >= 2 {
			// Deterministic: a second run prints the same bytes.
			if again := lintRun(t, base+c); !bytes.Equal(lintOutput(t, ds, lint.Text), lintOutput(t, again, lint.Text)) {
				t.Errorf("%s: two lint runs differ", c)
			}
		}
		for _, d := range ds {
			k := d.Severity.String() + " " + d.Code
			if counts[k] == nil {
				counts[k] = make([]int, len(corpora))
			}
			counts[k][i]++
			total[i]++
		}
	}
	for _, code := range lint.Codes() {
		if counts["warning "+code] == nil {
			t.Errorf("no %s over the whole corpus: the check never fires", code)
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sum := func(k string) int {
		n := 0
		for _, c := range counts[k] {
			n += c
		}
		return n
	}
	slices.SortFunc(keys, func(a, b string) int {
		if a[0] != b[0] {
			return strings.Compare(a, b) // errors first
		}
		if sa, sb := sum(a), sum(b); sa != sb {
			return sb - sa
		}
		return strings.Compare(a, b)
	})
	var b strings.Builder
	b.WriteString("| severity code | 2021 v1.0 | 2021 beta | current v1.0 | current beta |\n|---|---:|---:|---:|---:|\n")
	for _, k := range keys {
		sev, code, _ := strings.Cut(k, " ")
		c := counts[k]
		fmt.Fprintf(&b, "| %s `%s` | %d | %d | %d | %d |\n", sev, code, c[0], c[1], c[2], c[3])
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d |\n", total[0], total[1], total[2], total[3])
	t.Logf("lint findings by code:\n%s", b.String())
}
