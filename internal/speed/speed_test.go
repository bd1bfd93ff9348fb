package speed

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/internal/generate"
	_ "github.com/graphdocgen/graphdocgen/internal/golden" // accepts -update
)

const corpus = "../../../shared/corpus/graph-docs-2021/api-reference"

// TestSpeedReport times, in one run, (a) goldmark parsing alone of every page of the
// 2021 corpus (v1.0 and beta, on as many goroutines as graphdocgen uses) and (b)
// graphdocgen's whole run (read, parse, build the model, emit, format, write) over the
// same pages, and prints both, their ratio and the peak resident memory. It asserts
// nothing about time; it runs only when GRAPHDOCGEN_SPEED=1 (make bench).
func TestSpeedReport(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_SPEED") == "" {
		t.Skip("set GRAPHDOCGEN_SPEED=1 (make bench) to measure the generator's speed")
	}
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("the real corpus is absent: %v", err)
	}
	jobs := runtime.GOMAXPROCS(0)
	var inputs [][]generate.Input
	var files []string
	for _, v := range []string{"v1.0", "beta"} {
		in, err := generate.Collect([]string{filepath.Join(corpus, v)})
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, in)
		for _, i := range in {
			files = append(files, i.Display)
		}
	}

	// (a) goldmark only: read and parse, nothing else.
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	start := time.Now()
	next := make(chan string)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Error(err)
					continue
				}
				md.Parser().Parse(text.NewReader(src))
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	parseOnly := time.Since(start)

	// (b) the whole run, both versions, written to disk.
	out := t.TempDir()
	start = time.Now()
	ops := 0
	for i, v := range []string{"v1.0", "beta"} {
		res, err := generate.Run(inputs[i], generate.Config{Version: v, Package: "graph", Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		if err := res.Files.Write(filepath.Join(out, v)); err != nil {
			t.Fatal(err)
		}
		ops += len(res.API.Operations)
	}
	whole := time.Since(start)

	fmt.Printf("pages: %d (v1.0 and beta), operations: %d, jobs: %d, CPUs: %d\n", len(files), ops, jobs, runtime.NumCPU())
	fmt.Printf("(a) goldmark parsing only:        %v\n", parseOnly.Round(time.Millisecond))
	fmt.Printf("(b) graphdocgen, the whole run:   %v\n", whole.Round(time.Millisecond))
	fmt.Printf("ratio (b)/(a):                    %.2f\n", whole.Seconds()/parseOnly.Seconds())
	fmt.Printf("peak resident memory (VmHWM):     %s\n", peakRSS())
}

// peakRSS reads the process's peak resident set size from /proc (Linux).
func peakRSS() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
