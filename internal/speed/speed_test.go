package speed

import (
	"bufio"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/internal/generate"
)

const corpus = "../../../shared/corpus/graph-docs-2021/api-reference"

// TestSpeedReport times, in one run, (a) goldmark parsing alone of every page of the
// 2021 corpus (v1.0 and beta, on as many goroutines as graphdocgen uses) and (b)
// graphdocgen's whole run (read, parse, build the model, emit, format, write) over the
// same pages, and prints both, their ratio and the peak resident memory; then (c) go/format
// alone over the files (b) emitted, the formatting jennifer does as it renders them: (a)
// plus (c) is a floor for (b) while the output is gofmt'd. It asserts nothing about time;
// it runs only when GRAPHDOCGEN_SPEED=1 (make bench).
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

	// Read every page once first, so that neither (a) nor (b) pays for a cold file cache.
	for _, f := range files {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}

	// (a) goldmark only: read and parse, nothing else.
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	parseOnly := func() time.Duration {
		start := time.Now()
		parallel(jobs, files, func(f string) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Error(err)
				return
			}
			md.Parser().Parse(text.NewReader(src))
		})
		return time.Since(start)
	}

	// (b) the whole run, both versions, written to disk.
	ops := 0
	var emitted [][]byte
	var perVersion [2]struct {
		ops  int
		took []time.Duration
	}
	whole := func() time.Duration {
		out := t.TempDir()
		ops, emitted = 0, nil
		start := time.Now()
		for i, v := range []string{"v1.0", "beta"} {
			vstart := time.Now()
			res, err := generate.Run(inputs[i], generate.Config{Version: v, Package: "graph", ImportPath: "example.com/graph", Jobs: jobs})
			if err != nil {
				t.Fatal(err)
			}
			if err := res.Files.Write(filepath.Join(out, v)); err != nil {
				t.Fatal(err)
			}
			ops += len(res.API.Operations)
			for _, f := range res.Files {
				emitted = append(emitted, f.Data)
			}
			perVersion[i].ops = len(res.API.Operations)
			perVersion[i].took = append(perVersion[i].took, time.Since(vstart))
		}
		return time.Since(start)
	}

	// (c) go/format alone over the emitted files, on as many goroutines: the formatting
	// jennifer does when it renders a file, which (b) cannot avoid.
	formatOnly := func() time.Duration {
		start := time.Now()
		parallel(jobs, emitted, func(b []byte) {
			if _, err := format.Source(b); err != nil {
				t.Error(err)
			}
		})
		return time.Since(start)
	}

	// Rounds alternate, so that all three see the same machine load; medians are printed.
	const rounds = 3
	var a, b, c []time.Duration
	for range rounds {
		a = append(a, parseOnly())
		b = append(b, whole())
		c = append(c, formatOnly())
	}
	outBytes := 0
	for _, e := range emitted {
		outBytes += len(e)
	}
	med := func(ds []time.Duration) time.Duration {
		ds = slices.Clone(ds)
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	ma, mb, mc := med(a), med(b), med(c)
	fmt.Printf("pages: %d (v1.0 and beta), operations: %d, jobs: %d, CPUs: %d; medians of %d rounds\n", len(files), ops, jobs, runtime.NumCPU(), rounds)
	fmt.Printf("(a) goldmark parsing only:         %v\n", ma.Round(time.Millisecond))
	fmt.Printf("(b) graphdocgen, the whole run:    %v\n", mb.Round(time.Millisecond))
	fmt.Printf("ratio (b)/(a):                     %.2f\n", mb.Seconds()/ma.Seconds())
	fmt.Printf("(c) go/format of the output alone: %v (%d files, %.1f MB)\n", mc.Round(time.Millisecond), len(emitted), float64(outBytes)/1e6)
	fmt.Printf("floor ((a)+(c))/(a):               %.2f\n", (ma+mc).Seconds()/ma.Seconds())
	fmt.Printf("peak resident memory (VmHWM):      %s\n", peakRSS())
	// Scaling: beta has about twice v1.0's operations; a cost that grew faster than the
	// input would show here.
	for i, v := range []string{"v1.0", "beta"} {
		pv := perVersion[i]
		d := med(pv.took)
		fmt.Printf("%-4s alone: %4d operations in %v, %.0f µs per operation\n", v, pv.ops, d.Round(time.Millisecond), float64(d.Microseconds())/float64(pv.ops))
	}
}

// parallel calls f on every item, on n goroutines.
func parallel[T any](n int, items []T, f func(T)) {
	next := make(chan T)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				f(it)
			}
		}()
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
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
