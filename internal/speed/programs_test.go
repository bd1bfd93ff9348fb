package speed

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/generate"
)

// TestBuildCostProgramsCompile builds the programs that make buildcost times (mainProgram
// and splitProgram) against the client of this repository's docs/ (beta), in both
// layouts, so that a change of the generated API that would break make buildcost, which
// plain go test does not run, fails here.
func TestBuildCostProgramsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two small generated clients")
	}
	in, err := generate.Collect([]string{filepath.Join("..", "..", "docs", "api-reference", "beta")})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		split   bool
		program string
	}{
		{"one-package", false, mainProgram},
		{"split", true, splitProgram},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mod := "example.com/buildcost"
			res, err := generate.Run(in, generate.Config{Version: "beta", Package: "graph", Jobs: 2, Split: tc.split, ImportPath: mod + "/graph"})
			if err != nil {
				t.Fatal(err)
			}
			if err := res.Files.Write(filepath.Join(dir, "graph")); err != nil {
				t.Fatal(err)
			}
			for name, content := range map[string]string{
				"go.mod":      "module " + mod + "\n\ngo 1.26\n",
				"cmd/main.go": strings.ReplaceAll(tc.program, "%s", mod+"/graph"),
			} {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command("go", "build", "-o", os.DevNull, "./cmd")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
		})
	}
}
