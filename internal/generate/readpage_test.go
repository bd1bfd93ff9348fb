package generate

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/parse"
)

// A page far over the limit is refused without being loaded whole: a sparse 4 GiB file
// costs no disk, and reading it all would take gigabytes of memory.
func TestHugePageNotLoaded(t *testing.T) {
	name := filepath.Join(t.TempDir(), "huge.md")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(4 << 30); err != nil {
		f.Close()
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, ds := ParseAll([]Input{{Rel: "api/huge.md", Display: name}}, 1)
	runtime.ReadMemStats(&after)
	found := false
	for _, d := range ds {
		if d.Code == "page-too-large" {
			found = true
		}
	}
	if !found {
		t.Errorf("diagnostics %v, want page-too-large", ds)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 4*parse.MaxPageSize {
		t.Errorf("allocated %d MiB for a refused page", got>>20)
	}
}
