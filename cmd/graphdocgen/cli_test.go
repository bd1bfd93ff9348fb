package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// digest is a fingerprint of a folder: every entry's name, kind, mode and content.
func digest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %s\n", rel, info.Mode())
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%d %x\n", len(b), sha256.Sum256(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// readReport reads --report's JSON.
func readReport(t *testing.T, path string) report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the report was not written: %v", err)
	}
	var r report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("the report: %v", err)
	}
	return r
}

// TestFailedRunWritesNothing: a run that fails leaves the output folder byte for byte as
// it was, and its report (when asked for) says why.
func TestFailedRunWritesNothing(t *testing.T) {
	cases := []struct {
		name string
		// setup breaks the docs (or the report path) and returns extra arguments
		setup func(t *testing.T, api, tmp string) []string
		why   string // in the report's failures, or on stderr
	}{
		{"an unreadable page", func(t *testing.T, api, tmp string) []string {
			if os.Geteuid() == 0 {
				t.Skip("root reads a page whatever its mode")
			}
			p := filepath.Join(api, "gadget-delete.md")
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o644) })
			return nil
		}, "1 page could not be read"},
		{"a symlink loop between two pages", func(t *testing.T, api, tmp string) []string {
			if err := os.Symlink("loop-b.md", filepath.Join(api, "loop-a.md")); err != nil {
				t.Skipf("no symbolic links: %v", err)
			}
			if err := os.Symlink("loop-a.md", filepath.Join(api, "loop-b.md")); err != nil {
				t.Fatal(err)
			}
			return nil
		}, "2 pages could not be read"},
		{"an error about an emitted operation", func(t *testing.T, api, tmp string) []string {
			bad := strings.Replace(page, "GET /widgets/{widget-id}", "GET /widgets/{widget-id}\nGET ** Entity URI for widget not found", 1)
			if err := os.WriteFile(filepath.Join(api, "widget-get.md"), []byte(bad), 0o644); err != nil {
				t.Fatal(err)
			}
			return nil
		}, "1 diagnostic fails the run under --fail-on=error"},
		{"an --include that selects nothing", func(t *testing.T, api, tmp string) []string {
			return []string{"--include", "/widgetz"}
		}, "--include /widgetz selects no operation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tmp := moduleDir(t)
			docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": page, "gadget-delete.md": secondPage})
			out := filepath.Join(tmp, "out")
			if code, _, stderr := runCmd("--out", out, docs); code != exitOK {
				t.Fatalf("first generation: exit %d\n%s", code, stderr)
			}
			before := digest(t, out)
			args := tc.setup(t, filepath.Join(docs, "v1.0", "api"), tmp)
			rep := filepath.Join(tmp, "report.json")
			code, _, stderr := runCmd(append(args, "--report", rep, "--out", out, docs)...)
			if code != exitFail {
				t.Errorf("exit %d, want %d\n%s", code, exitFail, stderr)
			}
			if after := digest(t, out); after != before {
				t.Errorf("a failed run changed %s\n%s", out, stderr)
			}
			if !strings.Contains(stderr, "graphdocgen: nothing written") {
				t.Errorf("stderr does not say that nothing was written:\n%s", stderr)
			}
			r := readReport(t, rep)
			if r.Outcome.ExitCode != exitFail || r.Outcome.Written || !strings.Contains(strings.Join(r.Outcome.Failures, "\n"), tc.why) {
				t.Errorf("report outcome %+v, want exit 1, not written, failures saying %q", r.Outcome, tc.why)
			}
		})
	}
}

// TestReadFailureDiagnostics: an unreadable page and a link loop are read-failed errors
// with a position, in the file:line:col: severity: code: message form.
func TestReadFailureDiagnostics(t *testing.T) {
	tmp := moduleDir(t)
	docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": page})
	api := filepath.Join(docs, "v1.0", "api")
	if err := os.Symlink("loop-b.md", filepath.Join(api, "loop-a.md")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if err := os.Symlink("loop-a.md", filepath.Join(api, "loop-b.md")); err != nil {
		t.Fatal(err)
	}
	want := []string{"loop-a.md:1:1: error: read-failed: cannot read the page: it is a symbolic link that leads back to itself"}
	if os.Geteuid() != 0 {
		if err := os.WriteFile(filepath.Join(api, "locked.md"), []byte(secondPage), 0); err != nil {
			t.Fatal(err)
		}
		want = append(want, "locked.md:1:1: error: read-failed: cannot read the page: permission denied")
	}
	for _, fo := range []string{"error", "never"} {
		code, _, stderr := runCmd("--fail-on", fo, "--out", filepath.Join(tmp, "out"), docs)
		if code != exitFail {
			t.Errorf("--fail-on=%s: exit %d, want %d: a page that cannot be read fails every policy", fo, code, exitFail)
		}
		for _, w := range want {
			if !strings.Contains(stderr, w) {
				t.Errorf("--fail-on=%s: no %q in:\n%s", fo, w, stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "out")); !os.IsNotExist(err) {
		t.Errorf("the output was written: %v", err)
	}
}

// TestUnwritableReport: a report that cannot be written fails the run before the output
// is touched.
func TestUnwritableReport(t *testing.T) {
	tmp := moduleDir(t)
	docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": page, "gadget-delete.md": secondPage})
	out := filepath.Join(tmp, "out")
	if code, _, stderr := runCmd("--out", out, docs); code != exitOK {
		t.Fatalf("first generation: exit %d\n%s", code, stderr)
	}
	before := digest(t, out)
	// The docs change, so a run that wrote would change the output.
	writePages(t, filepath.Join(tmp, "docs"), map[string]string{"gadget-delete.md": strings.Replace(secondPage, "gadgets", "gizmos", 1)})
	file := filepath.Join(tmp, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, rep := range []string{filepath.Join(tmp, "no", "such", "folder", "r.json"), filepath.Join(file, "r.json"), tmp} {
		code, _, stderr := runCmd("--report", rep, "--out", out, docs)
		if code != exitFail || !strings.Contains(stderr, "cannot write the report") {
			t.Errorf("--report %s: exit %d, want %d and why\n%s", rep, code, exitFail, stderr)
		}
		if after := digest(t, out); after != before {
			t.Fatalf("--report %s: the run changed the output", rep)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(tmp, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary report files left behind: %v", leftovers)
	}
	// A writable report on a run that succeeds says so.
	rep := filepath.Join(tmp, "r.json")
	if code, _, stderr := runCmd("--report", rep, "--out", out, docs); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if r := readReport(t, rep); r.Outcome.ExitCode != exitOK || !r.Outcome.Written || len(r.Outcome.Failures) != 0 || r.Outcome.FailOn != "error" {
		t.Errorf("report outcome %+v, want exit 0, written, no failures, failOn error", r.Outcome)
	}
}

// TestFailOn: an error that only leaves a page out is printed and does not fail the run
// under the default; --fail-on=warning makes it fail; with no PATH (this repository's
// docs/) warning is the default.
func TestFailOn(t *testing.T) {
	tmp := moduleDir(t)
	broken := strings.Replace(page, "GET /widgets/{widget-id}", "GET ** Entity URI for widget not found", 1)
	docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": broken, "gadget-delete.md": secondPage})
	out := filepath.Join(tmp, "out")
	code, _, stderr := runCmd("--out", out, docs)
	if code != exitOK || !strings.Contains(stderr, "widget-get.md:17:1: error: request-path-invalid") {
		t.Errorf("default: exit %d, want 0 with the error printed\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "gadgets_gen.go")); err != nil {
		t.Errorf("default: the output was not written: %v", err)
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"--fail-on=warning"}, exitFail},
		{[]string{"--fail-on", "never"}, exitOK},
		{[]string{"--fail-on", "error", "-q"}, exitOK},
		{[]string{"--fail-on", "warnings"}, exitUsage},
	} {
		if code, _, stderr := runCmd(append(tc.args, "--out", filepath.Join(tmp, "o2"), docs)...); code != tc.want {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.want, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "o2", "widgets_gen.go")); !os.IsNotExist(err) {
		t.Errorf("o2/widgets_gen.go exists, though the broken page has no operation: %v", err)
	}

	// With no PATH, graphdocgen regenerates generated/ from docs/, strictly.
	repo := filepath.Join(tmp, "repo")
	writePages(t, filepath.Join(repo, "docs"), map[string]string{"widget-get.md": broken, "gadget-delete.md": secondPage})
	t.Chdir(repo)
	if code, _, stderr := runCmd(); code != exitFail || !strings.Contains(stderr, "under --fail-on=warning") {
		t.Errorf("no PATH: exit %d, want %d under --fail-on=warning\n%s", code, exitFail, stderr)
	}
	if _, err := os.Stat("generated"); !os.IsNotExist(err) {
		t.Errorf("no PATH: generated/ was written by a failed run: %v", err)
	}
	if code, _, stderr := runCmd("--fail-on=error"); code != exitOK {
		t.Errorf("no PATH, --fail-on=error: exit %d\n%s", code, stderr)
	}
}

// TestInvalidNames: --package and --import-path are checked before any page is read, and
// an invalid one is a usage error that names the rule.
func TestInvalidNames(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "not-read") // does not exist: it must not be reached
	for _, tc := range []struct {
		args []string
		rule string
	}{
		{[]string{"--package", "_"}, "blank identifier"},
		{[]string{"--package", "type"}, "Go keyword"},
		{[]string{"--package", "9x"}, "not a digit"},
		{[]string{"--package", "my-pkg"}, `not '-'`},
		{[]string{"--package", "my pkg"}, `not ' '`},
		{[]string{"--package", "main"}, "cannot be imported"},
		{[]string{"--split", "--import-path", "a b/c"}, "invalid char ' '"},
		{[]string{"--split", "--import-path", "example.com//g"}, "double slash"},
		{[]string{"--split", "--import-path", "example.com/g."}, "trailing dot"},
		{[]string{"--import-path", "example.com/con/g"}, "Windows"},
		{[]string{"--api-version", "v2"}, "v1.0 or beta"},
	} {
		code, _, stderr := runCmd(append(tc.args, "--out", filepath.Join(moduleDir(t), "g"), missing)...)
		if code != exitUsage || !strings.Contains(stderr, tc.rule) || strings.Contains(stderr, "not-read") {
			t.Errorf("%v: exit %d (want %d), stderr %q: want the rule (%s), before the PATH is looked at", tc.args, code, exitUsage, stderr, tc.rule)
		}
	}
	// A folder whose name cannot be a package gives the package graph.
	tmp := moduleDir(t)
	docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": page})
	for _, dir := range []string{"type", "main", "9lives"} {
		out := filepath.Join(tmp, dir)
		if code, _, stderr := runCmd("--out", out, docs); code != exitOK {
			t.Fatalf("--out %s: exit %d\n%s", dir, code, stderr)
		}
		if b, _ := os.ReadFile(filepath.Join(out, "widgets_gen.go")); !strings.Contains(string(b), "\npackage graph\n") {
			t.Errorf("--out %s: want package graph", dir)
		}
	}
}

// TestSymlinkedPath: a PATH that is a symbolic link to a folder is followed.
func TestSymlinkedPath(t *testing.T) {
	tmp := moduleDir(t)
	docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": page})
	link := filepath.Join(tmp, "link")
	if err := os.Symlink(docs, link); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	out := filepath.Join(tmp, "out")
	code, _, stderr := runCmd("--out", out, link)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(out, "widgets_gen.go")); err != nil || !strings.Contains(string(b), "v1.0/api/widget-get.md") {
		t.Errorf("widgets_gen.go: %v\n%s", err, b)
	}
}

// TestIncludeSaysWhy: an --include of a page whose endpoint another page owns selects it
// from its owner with a note; one that selects nothing says why.
func TestIncludeSaysWhy(t *testing.T) {
	tmp := moduleDir(t)
	intune := strings.Replace(page, "GET /widgets/{widget-id}", "GET /widgets/{widgetsId}", 1)
	broken := strings.Replace(page, "GET /widgets/{widget-id}", "GET ** Entity URI for gizmo not found", 1)
	docs := writePages(t, filepath.Join(tmp, "docs"), map[string]string{"widget-get.md": page, "intune-widget-get.md": intune,
		"gizmo-get.md": broken, "gadget-delete.md": secondPage})
	out := filepath.Join(tmp, "out")
	// Which of the two widget pages owns GET /widgets/{id} is the endpoint map's call.
	var owner, merged string
	for _, try := range []string{"widget-get.md", "intune-widget-get.md"} {
		_, _, stderr := runCmd("--out", filepath.Join(tmp, "probe"), "--include", try, docs)
		if strings.Contains(stderr, "was merged into") {
			merged = try
		} else {
			owner = try
		}
	}
	if merged == "" || owner == "" {
		t.Fatalf("want one of the two widget pages merged into the other: merged %q, owner %q", merged, owner)
	}
	code, _, stderr := runCmd("--out", out, "--include", merged, docs)
	want := fmt.Sprintf("--include %s: %s was merged into %s (the owner of GET /widgets/", merged,
		filepath.ToSlash(filepath.Join(docs, "v1.0", "api", merged)), filepath.ToSlash(filepath.Join(docs, "v1.0", "api", owner)))
	if code != exitOK || !strings.Contains(stderr, want) {
		t.Errorf("--include %s: exit %d, want 0 and %q in:\n%s", merged, code, want, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "widgets_gen.go")); err != nil {
		t.Errorf("--include %s did not generate the endpoint: %v", merged, err)
	}
	for _, tc := range []struct{ include, why string }{
		{"nosuch-get.md", "no page is named so"},
		{"gizmo-get.md", "gizmo-get.md has none that could be generated"},
		{"/gizmos", "no path in these docs starts with /gizmos"},
	} {
		code, _, stderr := runCmd("--out", out, "--include", tc.include, docs)
		if code != exitFail || !strings.Contains(stderr, "--include "+tc.include+" selects no operation: ") || !strings.Contains(stderr, tc.why) {
			t.Errorf("--include %s: exit %d, want %d and %q\n%s", tc.include, code, exitFail, tc.why, stderr)
		}
	}
	// The page the user named keeps its diagnostic, which says why it has no operation.
	if _, _, stderr := runCmd("--out", out, "--include", "gizmo-get.md", docs); !strings.Contains(stderr, "gizmo-get.md:17:1: error: request-path-invalid") {
		t.Errorf("--include gizmo-get.md: its diagnostic is not printed:\n%s", stderr)
	}
}
