package graphdocgen_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/golden"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// caseConfig is a golden case's optional case.json.
type caseConfig struct {
	Package string `json:"package"`
	Version string `json:"version"`
	// Split emits workload packages (want/<workload>/) below the core package, whose
	// import path is the one TestGoldenCompiles gives the case.
	Split bool `json:"split"`
}

// generatedPath is the import path of generated/.
const generatedPath = "github.com/graphdocgen/graphdocgen/generated"

// goldenModule is the module TestGoldenCompiles builds every case in, one package each.
const goldenModule = "goldencheck"

// casePackageDir is a case's package directory in that module.
func casePackageDir(dir string) string { return strings.ReplaceAll(filepath.Base(dir), "-", "_") }

// goldenCases lists testdata/golden/<case>/ folders.
func goldenCases(t *testing.T) []string {
	dirs, err := filepath.Glob("testdata/golden/*/input")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases under testdata/golden")
	}
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

// notKept reports an emitted file golden cases do not keep a copy of: the runtime
// (internal/graphrt/...), the same in every case, and graphrt_gen.go, its re-exports,
// the same in every case where no generated name keeps one out (see view.txt's runtime
// line and the reexport-shadowed diagnostic).
func notKept(name string, res *generate.Result) bool {
	if strings.HasPrefix(name, emit.RuntimeDir+"/") {
		return true
	}
	return name == "graphrt_gen.go" && !slices.ContainsFunc(res.Diags, func(d model.Diagnostic) bool { return d.Code == "reexport-shadowed" })
}

// readCaseConfig reads a case's case.json, with the defaults when it has none.
func readCaseConfig(t *testing.T, dir string) caseConfig {
	t.Helper()
	cfg := caseConfig{Package: "graph", Version: "beta"}
	if b, err := os.ReadFile(filepath.Join(dir, "case.json")); err == nil {
		if err := json.Unmarshal(b, &cfg); err != nil {
			t.Fatalf("%s/case.json: %v", dir, err)
		}
	}
	return cfg
}

// generateConfig is the pipeline's configuration for a case.
func generateConfig(t *testing.T, dir string) generate.Config {
	t.Helper()
	cfg := readCaseConfig(t, dir)
	return generate.Config{Version: cfg.Version, Package: cfg.Package, Jobs: 4, Split: cfg.Split,
		ImportPath: goldenModule + "/" + casePackageDir(dir)}
}

// runCase runs the pipeline on a case's input folder.
func runCase(t *testing.T, dir string) *generate.Result {
	t.Helper()
	inputs, err := generate.Collect([]string{filepath.Join(dir, "input")})
	if err != nil {
		t.Fatal(err)
	}
	res, err := generate.Run(inputs, generateConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// wantFiles lists the Go files under a case's want/ folder (and its workload folders),
// relative to it with forward slashes.
func wantFiles(t *testing.T, want string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(want, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, err := filepath.Rel(want, path)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// TestGolden runs every case under testdata/golden and compares the emitted Go files, the
// diagnostics and the model dump with the committed ones. go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, dir := range goldenCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res := runCase(t, dir)
			want := filepath.Join(dir, "want")
			for _, f := range res.Files {
				if notKept(f.Name, res) {
					continue // the same runtime in every case: tested in internal/emit/runtime and generated/
				}
				golden.Check(t, filepath.Join(want, f.Name), f.Data)
			}
			// Every committed file must still be produced.
			for _, name := range wantFiles(t, want) {
				if notKept(name, res) || !slices.ContainsFunc(res.Files, func(f emit.File) bool { return f.Name == name }) {
					if *golden.Update {
						os.Remove(filepath.Join(want, name))
						continue
					}
					t.Errorf("%s/%s is no longer generated", want, name)
				}
			}
			checkDocumented(t, filepath.Base(dir), res.Files)
			golden.Check(t, filepath.Join(dir, "diagnostics.txt"), []byte(res.Diags.String()))
			var dump bytes.Buffer
			if err := model.Dump(&dump, res.API); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(dir, "model.txt"), dump.Bytes())
			golden.Check(t, filepath.Join(dir, "view.txt"), []byte(emit.DumpView(res.API, emitConfig(t, dir))))
		})
	}
}

// emitConfig is the emit configuration generate.Run uses for a case (for view.txt).
func emitConfig(t *testing.T, dir string) emit.Config {
	gc := generateConfig(t, dir)
	return emit.Config{Package: gc.Package, Split: gc.Split, ImportPath: gc.ImportPath}
}

// TestGoldenCompiles builds and vets every case's expected Go (with the runtime it is
// emitted with), each as a package of one throwaway module. The runtime is the same in
// every case but for the API version: each distinct copy is built and vetted once, in
// internal/graphrt<n> of the module, and the cases' imports of their own runtime are
// pointed at it (a case whose import is missed does not build, its runtime not being there).
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every golden package with the go command; skipped with -short")
	}
	mod := t.TempDir()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module "+goldenModule+"\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runtimes := map[string]string{} // the runtime's files, concatenated -> its folder in mod
	for _, dir := range goldenCases(t) {
		pkgDir := filepath.Join(mod, casePackageDir(dir))
		// The runtime (and, mostly, its re-exports) is not kept in want/: take today's, as
		// the case would get it.
		res := runCase(t, dir)
		var rt bytes.Buffer
		var others []emit.File
		for _, f := range res.Files {
			switch {
			case strings.HasPrefix(f.Name, emit.RuntimeDir+"/"):
				fmt.Fprintf(&rt, "%s %d\n", f.Name, len(f.Data))
				rt.Write(f.Data)
			case notKept(f.Name, res):
				others = append(others, f)
			}
		}
		rtDir, seen := runtimes[rt.String()]
		if !seen && rt.Len() > 0 {
			rtDir = fmt.Sprintf("internal/graphrt%d", len(runtimes))
			runtimes[rt.String()] = rtDir
			for _, f := range res.Files {
				if strings.HasPrefix(f.Name, emit.RuntimeDir+"/") {
					write(filepath.Join(mod, filepath.FromSlash(rtDir), strings.TrimPrefix(f.Name, emit.RuntimeDir+"/")), f.Data)
				}
			}
		}
		own := []byte(strconv.Quote(generateConfig(t, dir).ImportPath + "/" + emit.RuntimeDir))
		shared := []byte(strconv.Quote(goldenModule + "/" + rtDir))
		for _, name := range wantFiles(t, filepath.Join(dir, "want")) {
			b, err := os.ReadFile(filepath.Join(dir, "want", name))
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(pkgDir, filepath.FromSlash(name)), bytes.ReplaceAll(b, own, shared))
		}
		for _, f := range others {
			write(filepath.Join(pkgDir, filepath.FromSlash(f.Name)), bytes.ReplaceAll(f.Data, own, shared))
		}
	}
	if len(runtimes) == 0 || len(runtimes) > 2 {
		t.Errorf("%d distinct runtimes over the cases, want one per API version", len(runtimes))
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s on the golden packages: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestGeneratedUpToDate fails when generated/ is not what docs/ generates; go test -update
// (or go generate ./generated) rewrites it.
func TestGeneratedUpToDate(t *testing.T) {
	inputs, err := generate.Collect([]string{"docs"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := generate.Run(inputs, generate.Config{Version: "beta", Package: "generated", Jobs: 4, ImportPath: generatedPath})
	if err != nil {
		t.Fatal(err)
	}
	if errs := res.Diags.Errors(); errs > 0 {
		t.Errorf("docs/ has %d errors:\n%s", errs, res.Diags)
	}
	if *golden.Update {
		if err := res.Files.Write("generated"); err != nil {
			t.Fatal(err)
		}
		return
	}
	changes, err := res.Files.Diff("generated")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		t.Errorf("generated/%s is stale (%s); run go generate ./generated:\n%s", c.Name, c.Kind, c.Diff)
	}
}

// TestDeterministic shuffles the order the pages are found in and the parallelism, and
// requires byte-identical output.
func TestDeterministic(t *testing.T) {
	inputs, err := generate.Collect([]string{"docs"})
	if err != nil {
		t.Fatal(err)
	}
	var first emit.Files
	for i, jobs := range []int{1, 8, 3} {
		in := slices.Clone(inputs)
		switch i {
		case 1:
			slices.Reverse(in)
		case 2:
			in = append(in[len(in)/2:], in[:len(in)/2]...)
		}
		res, err := generate.Run(in, generate.Config{Version: "beta", Package: "generated", Jobs: jobs, ImportPath: generatedPath})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = res.Files
			continue
		}
		if len(res.Files) != len(first) {
			t.Fatalf("run %d: %d files, want %d", i, len(res.Files), len(first))
		}
		for j := range first {
			if res.Files[j].Name != first[j].Name || !bytes.Equal(res.Files[j].Data, first[j].Data) {
				t.Errorf("run %d: %s differs from the first run's", i, res.Files[j].Name)
			}
		}
	}
}
