package speed

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// mainProgram calls one vppToken operation through the package whose import path
// replaces %s.
const mainProgram = `package main

import (
	"context"
	"fmt"

	graph "%s"
)

func main() {
	c := graph.NewClient(graph.WithToken("x"), graph.WithBaseURL("http://127.0.0.1:9/v1.0"))
	fmt.Println(c.DeleteDeviceAppManagementVppToken(context.Background(), "id", nil))
}
`

// splitProgram is mainProgram for a client generated with --split.
const splitProgram = `package main

import (
	"context"
	"fmt"

	graph "%s"
	"%s/deviceappmanagement"
)

func main() {
	c := deviceappmanagement.New(graph.NewClient(graph.WithToken("x"), graph.WithBaseURL("http://127.0.0.1:9/v1.0")))
	fmt.Println(c.DeleteDeviceAppManagementVppToken(context.Background(), "id", nil))
}
`

// handProgram is the same call written with net/http and encoding/json.
const handProgram = `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// graphError is the Graph error body.
type graphError struct {
	Error struct {
		Code    string ` + "`json:\"code\"`" + `
		Message string ` + "`json:\"message\"`" + `
	} ` + "`json:\"error\"`" + `
}

func main() {
	req, _ := http.NewRequestWithContext(context.Background(), "DELETE", "http://127.0.0.1:9/v1.0/deviceAppManagement/vppTokens/"+url.PathEscape("id"), nil)
	req.Header.Set("Authorization", "Bearer x")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		var e graphError
		fmt.Println(resp.StatusCode, json.NewDecoder(resp.Body).Decode(&e), e.Error.Code)
	}
}
`

var maxRSS = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)

// TestBuildCost builds, each with an empty build cache, a program calling one vppToken
// operation (delete) through (i) the whole v1.0 client in one package, (ii) the whole v1.0
// client generated with --split, (iii) a client generated with --include
// /deviceAppManagement/vppTokens, and (iv) the same call by hand; then the whole beta
// client, in one package and split, with no program (go build ./...). It prints wall time,
// the peak memory of the build (GNU time's maximum resident set size: the largest process,
// the compiler of the biggest package), binary size and the number of packages compiled.
// It runs only when GRAPHDOCGEN_BUILDCOST=1 (make buildcost): it takes minutes and asserts
// nothing about time.
func TestBuildCost(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_BUILDCOST") == "" {
		t.Skip("set GRAPHDOCGEN_BUILDCOST=1 (make buildcost) to measure what the generated code costs to build")
	}
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		t.Skip("needs GNU time at /usr/bin/time")
	}
	if _, err := os.Stat(filepath.Join(corpus, "v1.0")); err != nil {
		t.Skipf("the real corpus is absent: %v", err)
	}
	inputs := map[string][]generate.Input{}
	for _, v := range []string{"v1.0", "beta"} {
		in, err := generate.Collect([]string{filepath.Join(corpus, v)})
		if err != nil {
			t.Fatal(err)
		}
		inputs[v] = in
	}
	root := t.TempDir()
	write := func(dir, name, content string) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type program struct {
		name, version string
		sel           model.Selection
		split         bool
		main          string // "": build the client alone (./...)
	}
	programs := []program{
		{name: "hand"},
		{"vpptokens", "v1.0", model.Selection{Include: []string{"/deviceAppManagement/vppTokens"}}, false, mainProgram},
		{"v1.0-split", "v1.0", model.Selection{}, true, splitProgram},
		{"v1.0-full", "v1.0", model.Selection{}, false, mainProgram},
		{"beta-split", "beta", model.Selection{}, true, ""},
		{"beta-full", "beta", model.Selection{}, false, ""},
	}
	for _, p := range programs {
		dir := filepath.Join(root, p.name)
		mod := "example.com/" + p.name
		write(dir, "go.mod", "module "+mod+"\n\ngo 1.26\n")
		if p.version == "" {
			write(filepath.Join(dir, "cmd"), "main.go", handProgram)
			continue
		}
		res, err := generate.Run(inputs[p.version], generate.Config{Version: p.version, Package: "graph", Jobs: 2, Select: p.sel,
			Split: p.split, ImportPath: mod + "/graph"})
		if err != nil {
			t.Fatal(err)
		}
		if err := res.Files.Write(filepath.Join(dir, "graph")); err != nil {
			t.Fatal(err)
		}
		if p.main != "" {
			write(filepath.Join(dir, "cmd"), "main.go", strings.ReplaceAll(p.main, "%s", mod+"/graph"))
		}
	}

	fmt.Printf("| program | cold build | peak build RSS | binary | packages compiled |\n|---|---:|---:|---:|---:|\n")
	for _, p := range programs {
		dir := filepath.Join(root, p.name)
		cache := filepath.Join(root, "cache-"+p.name)
		args := []string{"-v", "go", "build", "-v", "-o", filepath.Join(dir, "prog"), "./cmd"}
		if p.main == "" && p.version != "" {
			args = []string{"-v", "go", "build", "-v", "./..."}
		}
		cmd := exec.Command("/usr/bin/time", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOWORK=off", "GOFLAGS=-mod=mod")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		took := time.Since(start)
		if err != nil {
			t.Fatalf("%s: go build: %v\n%.3000s", p.name, err, out)
		}
		rss := "?"
		if m := maxRSS.FindStringSubmatch(string(out)); m != nil {
			rss = m[1] + " KiB"
		}
		pkgs := 0
		for _, l := range strings.Split(string(out), "\n") {
			if l != "" && !strings.HasPrefix(l, "\t") && !strings.Contains(l, ":") {
				pkgs++
			}
		}
		binary := "-"
		if info, err := os.Stat(filepath.Join(dir, "prog")); err == nil {
			binary = fmt.Sprintf("%.2f MB", float64(info.Size())/1e6)
		}
		fmt.Printf("| %s | %.1f s | %s | %s | %d |\n", p.name, took.Seconds(), rss, binary, pkgs)
	}
}
