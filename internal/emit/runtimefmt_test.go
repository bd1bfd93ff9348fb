package emit

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestRuntimeFilesFormatted: genRuntimeFiles emits the runtime without formatting it, so
// each emitted runtime file, for either API version and a version that needs escaping,
// must already be what gofmt makes of it, and parse.
func TestRuntimeFilesFormatted(t *testing.T) {
	t.Parallel()
	for _, version := range []string{"beta", "v1.0", `v"2\`} {
		files, err := genRuntimeFiles(&view{version: version})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 || len(files) != len(RuntimeFiles()) {
			t.Fatalf("%d runtime files, want %d", len(files), len(RuntimeFiles()))
		}
		for _, f := range files {
			if !strings.HasPrefix(string(f.Data), Header+"\n\n") {
				t.Errorf("%s (%s) does not start with the header", f.Name, version)
			}
			formatted, err := format.Source(f.Data)
			if err != nil {
				t.Errorf("%s (%s) does not format: %v", f.Name, version, err)
				continue
			}
			if !bytes.Equal(formatted, f.Data) {
				t.Errorf("%s (%s) is not gofmt'd: gofmt changes it", f.Name, version)
			}
			if _, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Data, parser.ParseComments); err != nil {
				t.Errorf("%s (%s) does not parse: %v", f.Name, version, err)
			}
		}
	}
}
