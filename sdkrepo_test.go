package graphdocgen_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// sdkRepo is an example SDK repository: its own go.mod, a //go:generate line that selects
// a few operations, the generated package and a test of it.
const sdkRepo = "testdata/sdkrepo"

// TestSDKRepoExample regenerates the example's package in memory from its own
// //go:generate line and requires the committed files to match; then (without -short)
// it vets and tests the example module with the go command.
func TestSDKRepoExample(t *testing.T) {
	pkg := filepath.Join(sdkRepo, "graph")
	src, err := os.ReadFile(filepath.Join(pkg, "zz_generate.go"))
	if err != nil {
		t.Fatal(err)
	}
	var line string
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "//go:generate go tool graphdocgen ") {
			line = strings.TrimPrefix(l, "//go:generate go tool graphdocgen ")
		}
	}
	if line == "" {
		t.Fatal("no //go:generate go tool graphdocgen line in the example's zz_generate.go")
	}
	var sel model.Selection
	var paths []string
	gomod, err := os.ReadFile(filepath.Join(sdkRepo, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mod, _, _ := strings.Cut(strings.TrimPrefix(string(gomod), "module "), "\n")
	cfg := generate.Config{Version: "beta", Jobs: 2, ImportPath: strings.TrimSpace(mod) + "/graph"} // what graphdocgen finds from go.mod
	args := strings.Fields(line)
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "--include":
			i++
			sel.Include = append(sel.Include, args[i])
		case "--exclude":
			i++
			sel.Exclude = append(sel.Exclude, args[i])
		case "--package":
			i++
			cfg.Package = args[i]
		case "--out":
			i++
		case "--split":
			cfg.Split = true
		default:
			paths = append(paths, filepath.Join(pkg, args[i]))
		}
	}
	cfg.Select = sel
	inputs, err := generate.Collect(paths)
	if err != nil {
		t.Fatal(err)
	}
	res, err := generate.Run(inputs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.API.UnmatchedIncludes) > 0 {
		t.Errorf("the example's --include %v selects nothing", res.API.UnmatchedIncludes)
	}
	if len(res.API.Operations) == 0 || len(res.API.Operations) > 10 {
		t.Errorf("the selection keeps %d operations; the example selects a few", len(res.API.Operations))
	}
	changes, err := res.Files.Diff(pkg)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		t.Errorf("%s/%s is stale (%s): run go generate ./... in %s\n%s", pkg, c.Name, c.Kind, sdkRepo, c.Diff)
	}
	if testing.Short() {
		return
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = sdkRepo
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), sdkRepo, err, out)
		}
	}
}
