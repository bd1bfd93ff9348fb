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

// mainProgram calls one vppToken operation through the package at import path pkg.
const mainProgram = `package main

import (
	"context"
	"fmt"

	graph "%s"
)

func main() {
	c := graph.NewClient(graph.WithToken("x"), graph.WithBaseURL("http://127.0.0.1:9/v1.0"))
	fmt.Println(c.DeleteDeviceAppManagementVppToken(context.Background(), "id"))
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
// operation (delete) through (i) the whole v1.0 client, (ii) a client generated with
// --include /deviceAppManagement/vppTokens, and (iii) the same call by hand, and prints
// wall time, the peak memory of the build (GNU time's maximum resident set size: the
// largest process, the compiler of the biggest package), binary size and the number of
// packages compiled. It runs only when GRAPHDOCGEN_BUILDCOST=1 (make buildcost): it takes
// minutes and asserts nothing about time.
func TestBuildCost(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_BUILDCOST") == "" {
		t.Skip("set GRAPHDOCGEN_BUILDCOST=1 (make buildcost) to measure what the generated code costs to build")
	}
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		t.Skip("needs GNU time at /usr/bin/time")
	}
	v1 := filepath.Join(corpus, "v1.0")
	if _, err := os.Stat(v1); err != nil {
		t.Skipf("the real corpus is absent: %v", err)
	}
	inputs, err := generate.Collect([]string{v1})
	if err != nil {
		t.Fatal(err)
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
	for _, c := range []struct {
		name string
		sel  model.Selection
	}{{"full", model.Selection{}}, {"vpptokens", model.Selection{Include: []string{"/deviceAppManagement/vppTokens"}}}} {
		res, err := generate.Run(inputs, generate.Config{Version: "v1.0", Package: "graph", Jobs: 2, Select: c.sel})
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, c.name)
		if err := res.Files.Write(filepath.Join(dir, "graph")); err != nil {
			t.Fatal(err)
		}
		write(dir, "go.mod", "module example.com/"+c.name+"\n\ngo 1.26\n")
		write(filepath.Join(dir, "cmd"), "main.go", fmt.Sprintf(mainProgram, "example.com/"+c.name+"/graph"))
	}
	write(filepath.Join(root, "hand"), "go.mod", "module example.com/hand\n\ngo 1.26\n")
	write(filepath.Join(root, "hand", "cmd"), "main.go", handProgram)

	fmt.Printf("| program | cold build | peak build RSS | binary | packages compiled |\n|---|---:|---:|---:|---:|\n")
	for _, name := range []string{"hand", "vpptokens", "full"} {
		dir := filepath.Join(root, name)
		cache := filepath.Join(root, "cache-"+name)
		cmd := exec.Command("/usr/bin/time", "-v", "go", "build", "-v", "-o", filepath.Join(dir, "prog"), "./cmd")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOWORK=off", "GOFLAGS=-mod=mod")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		took := time.Since(start)
		if err != nil {
			t.Fatalf("%s: go build: %v\n%.3000s", name, err, out)
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
		info, err := os.Stat(filepath.Join(dir, "prog"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("| %s | %.1f s | %s | %.2f MB | %d |\n", name, took.Seconds(), rss, float64(info.Size())/1e6, pkgs)
	}
}
