// Package golden holds what the golden-file tests share: the -update flag and a
// comparison that reports (-want +got) diffs. Only test binaries that import it accept
// -update; the golden files all belong to tests of the repository's root package, so
// `go test -update .` is the one way to rewrite them.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is set by -update: tests rewrite their golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files with the current output")

// lineEndings makes CRLF and LF compare equal, for checkouts that convert line endings.
var lineEndings = cmp.Transformer("lineEndings", func(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
})

// Check compares got with the golden file at path, or rewrites the file under -update.
// A missing golden file is a failure (or is created under -update).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v (run go test -update to create it)", path, err)
		return
	}
	if d := cmp.Diff(string(want), string(got), lineEndings); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, d)
	}
}
