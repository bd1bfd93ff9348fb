package parse

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/text"
)

// This file checks that Parse is linear in the size of a page: in time, compared within
// one run (no fixed threshold: the machine's speed does not matter, only how the time
// grows), and in the bytes it allocates, which do not depend on the machine at all.

const mib = 1 << 20

// cost is what one Parse of a page took: the fastest of a few runs, the bytes it
// allocated (the same every run) and the heap that stays in use while its result is held
// (with the garbage collector on).
type cost struct {
	size  int
	took  time.Duration
	alloc uint64
	live  uint64
}

// measure parses src reps times and returns the fastest run and its allocations. The
// garbage collector is off while it runs: a small page's parse would otherwise finish
// before the first collection and a large one's pay for several, which is not the
// parser's growth.
func measure(p *Parser, file string, src []byte, reps int) cost {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return measureGC(p, file, src, reps)
}

// measureGC is measure with the garbage collector as it is: what a run of graphdocgen
// sees.
func measureGC(p *Parser, file string, src []byte, reps int) cost {
	c := cost{size: len(src)}
	for i := range reps {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		pg, ds := p.Parse(file, src)
		took := time.Since(start)
		runtime.ReadMemStats(&m1)
		if i == 0 || took < c.took {
			c.took = took
		}
		c.alloc = m1.TotalAlloc - m0.TotalAlloc
		runtime.GC()
		runtime.ReadMemStats(&m1)
		c.live = m1.HeapAlloc - min(m0.HeapAlloc, m1.HeapAlloc)
		runtime.KeepAlive(pg)
		runtime.KeepAlive(ds)
	}
	return c
}

func (c cost) perMB() (time.Duration, float64) {
	mb := float64(c.size) / mib
	return time.Duration(float64(c.took) / mb), float64(c.alloc) / mib / mb
}

// checkGrowth parses pages of growing size and fails when time or allocations grow
// faster than about linearly from the first to the last: time may grow 2.5 times faster
// than the size (caches, fresh memory), allocations 1.5 times (they are deterministic,
// but a growing slice's last doubling is not proportional). Time is noisy on a shared
// machine, so a time ratio over the bound is measured again, up to three more rounds,
// each page keeping its fastest run: a parse that is really superlinear stays over it
// (quadratic is as much again as the size, 8 times at 8 times the size). It returns the
// costs.
func checkGrowth(t *testing.T, p *Parser, what, file string, pages [][]byte) []cost {
	t.Helper()
	cs := make([]cost, len(pages))
	for i, src := range pages {
		cs[i] = measure(p, file, src, 2)
	}
	first, last := &cs[0], &cs[len(cs)-1]
	grow := float64(last.size) / float64(first.size)
	timeGrowth := func() float64 { return float64(last.took) / float64(max(first.took, time.Microsecond)) }
	for round := 0; round < 3 && timeGrowth() > grow*2.5; round++ {
		for i, src := range pages {
			cs[i].took = min(cs[i].took, measure(p, file, src, 2).took)
		}
	}
	allocGrowth := float64(last.alloc) / float64(max(first.alloc, 1))
	t.Logf("%s: %.1f times the size: %.1f times the time, %.1f times the allocations", what, grow, timeGrowth(), allocGrowth)
	if r := timeGrowth(); r > grow*2.5 {
		t.Errorf("%s: %.1f times the size took %.1f times as long (%v -> %v): more than linear", what, grow, r, first.took, last.took)
	}
	if allocGrowth > grow*1.5 {
		t.Errorf("%s: %.1f times the size allocated %.1f times as much (%.1f MB -> %.1f MB): more than linear",
			what, grow, allocGrowth, float64(first.alloc)/1e6, float64(last.alloc)/1e6)
	}
	return cs
}

// speedSizes are the page sizes of the linearity test: 1, 2, 4 and 8 MiB under
// GRAPHDOCGEN_SPEED=1 (make bench), a quarter of that in plain go test.
func speedSizes() []int {
	if os.Getenv("GRAPHDOCGEN_SPEED") != "" {
		return []int{1 * mib, 2 * mib, 4 * mib, 8 * mib}
	}
	return []int{mib / 4, mib / 2, 1 * mib, 2 * mib}
}

// TestParseLinear parses realistic resource and API pages of growing size (see
// bigResourcePage and bigAPIPage) and fails if time or allocations grow faster than
// about linearly.
func TestParseLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	p := New()
	for _, kind := range []struct {
		file  string
		build func(int) []byte
	}{
		{"v1.0/resources/bigthing.md", bigResourcePage},
		{"v1.0/api/bigthing-update.md", bigAPIPage},
	} {
		var pages [][]byte
		for _, size := range speedSizes() {
			pages = append(pages, kind.build(size))
		}
		for _, c := range checkGrowth(t, p, kind.file, kind.file, pages) {
			tm, al := c.perMB()
			t.Logf("%s %.2f MiB: %v per MiB, %.1f MiB allocated per MiB", kind.file, float64(c.size)/mib, tm.Round(time.Microsecond), al)
		}
	}
}

// pathologicalShapes are pages that repeat one construct many times, each one that was
// once quadratic in the parser: paragraphs under one heading or in the intro, fences,
// "<name> values" enums, a JSON representation no table matches, Response prose, a
// long request path or function call, many links after "Inherits from".
func pathologicalShapes() map[string]func(n int) string {
	return map[string]func(n int) string{
		"intro-paragraphs": func(n int) string {
			return "# t resource type\n\n" + repeatTo(n, "A paragraph of prose about the thing, long enough to look like the docs.\n\n")
		},
		"section-paragraphs": func(n int) string {
			return "# t resource type\n\n## Properties\n\n" + repeatTo(n, "A paragraph of prose about the thing, long enough to look like the docs.\n\n")
		},
		"fences": func(n int) string {
			return "# t\n\n## Example\n\n" + repeatTo(n, "```json\n{\"a\": 1}\n```\n\n")
		},
		"examples": func(n int) string {
			return "# t\n\n## HTTP request\n```http\nGET /a\n```\n## Example\n" + repeatTo(n, "<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/a\nContent-Type: application/json\n\n{\"a\": \"Boolean\"}\n```\n\n")
		},
		"same-enum": func(n int) string {
			return "# t resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n\n" + repeatTo(n, "### kind values\n\n| Member | Value |\n|-|-|\n| a | 1 |\n\n")
		},
		"enums": func(n int) string {
			var b strings.Builder
			b.WriteString("# t resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n\n")
			for i := 0; b.Len() < n; i++ {
				fmt.Fprintf(&b, "### kind%d values\n\nFlags.\n\n| Member | Value |\n|-|-|\n| a | 1 |\n| b%d | 2 |\n\n", i, i)
			}
			return b.String()
		},
		"json-only": func(n int) string {
			var b strings.Builder
			b.WriteString("# t resource type\n\n## JSON representation\n\n```json\n{\n")
			for i := 0; b.Len() < n; i++ {
				fmt.Fprintf(&b, "  \"p%d\": \"String\",\n", i)
			}
			b.WriteString("  \"z\": 1\n}\n```\n")
			return b.String()
		},
		"response-prose": func(n int) string {
			return "# t\n\n## HTTP request\n```http\nGET /a\n```\n## Response\n\n" + repeatTo(n, "If successful, this method returns a `200 OK` response code and [things](things.md) too.\n\n")
		},
		"request-lines": func(n int) string {
			var b strings.Builder
			b.WriteString("# t\n\n## HTTP request\n```http\n")
			for i := 0; b.Len() < n; i++ {
				fmt.Fprintf(&b, "GET /users/{id}/things/{thing-id}/x%d\n", i)
			}
			b.WriteString("```\n")
			return b.String()
		},
		"long-path": func(n int) string {
			return "# t\n\n## HTTP request\n```http\nGET /a" + repeatTo(n, "/b/{id}") + "\n```\n"
		},
		"long-call": func(n int) string {
			return "# t\n\n## HTTP request\n```http\nGET /a/f(" + repeatTo(n, "x,") + "y)\n```\n"
		},
		"long-query": func(n int) string {
			return "# t\n\n## HTTP request\n```http\nGET /a?" + repeatTo(n, "$top={top}&") + "\n```\n"
		},
		"inherits": func(n int) string {
			return "# t resource type\n\nNamespace: microsoft.graph\n\n" + repeatTo(n, "Inherits from the [a b](a.md) and more words here ") + "\n"
		},
		"list-items": func(n int) string {
			return "# t\n\n## HTTP request\n" + repeatTo(n, "- item with some text\n")
		},
		"long-paragraph": func(n int) string {
			return "# t\n\n## Response\n\n" + repeatTo(n, "Returns a [thing](thing.md) and `code` **bold** text &amp; more. ") + "\n"
		},
		"table-rows": func(n int) string {
			return "# t resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n" + repeatTo(n, "|a|String|Read-only. Nullable.|\n")
		},
		"deep-lists": func(n int) string { return repeatTo(n, strings.Repeat("- ", 100)+"x\n") },
	}
}

// repeatTo repeats s to about n bytes.
func repeatTo(n int, s string) string { return strings.Repeat(s, max(n/len(s), 1)) }

// TestParseShapesLinear checks each pathological shape at 64 KiB and 512 KiB (smaller
// pages fit in the processor's caches, and time would grow faster than the work).
func TestParseShapesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	p := New()
	for name, build := range pathologicalShapes() {
		t.Run(name, func(t *testing.T) {
			checkGrowth(t, p, name, "v1.0/resources/x.md", [][]byte{[]byte(build(64 << 10)), []byte(build(512 << 10))})
		})
	}
}

// TestParseSpeedReport prints parse time and allocations per MiB at 1, 2, 4 and 8 MiB
// and for a 20 MB page, and the cost of 5,000 nested list levels, with goldmark alone
// for comparison; the garbage collector is on, as in a run. It asserts nothing; it runs
// under GRAPHDOCGEN_SPEED=1 (make bench).
func TestParseSpeedReport(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_SPEED") == "" {
		t.Skip("set GRAPHDOCGEN_SPEED=1 (make bench) to print the parser's speed per MiB")
	}
	p := New()
	gm := func(src []byte) time.Duration {
		best := time.Duration(0)
		for i := range 3 {
			start := time.Now()
			p.md.Parser().Parse(text.NewReader(src))
			if d := time.Since(start); i == 0 || d < best {
				best = d
			}
		}
		return best
	}
	fmt.Printf("parse time and allocations per MiB (fastest of 3), goldmark alone beside it; live: the heap the result holds:\n")
	for _, kind := range []struct {
		name, file string
		build      func(int) []byte
	}{
		{"resource", "v1.0/resources/bigthing.md", bigResourcePage},
		{"api", "v1.0/api/bigthing-update.md", bigAPIPage},
	} {
		for _, size := range []int{1 * mib, 2 * mib, 4 * mib, 8 * mib, 20_000_000} {
			src := kind.build(size)
			c := measureGC(p, kind.file, src, 3)
			tm, al := c.perMB()
			g := gm(src)
			fmt.Printf("  %-8s page %5.1f MiB: %6.1f ms per MiB, %5.1f MiB allocated per MiB, total %6.2f s, live %6.1f MiB (goldmark alone %5.1f ms per MiB)\n",
				kind.name, float64(c.size)/mib, tm.Seconds()*1000, al, c.took.Seconds(), float64(c.live)/mib,
				g.Seconds()*1000/(float64(c.size)/mib))
		}
	}
	fmt.Printf("5,000 nested list levels:\n")
	for _, nest := range nestedShapes(5000) {
		c := measureGC(p, "v1.0/resources/nested.md", nest.src, 1)
		fmt.Printf("  %-24s %8.1f KiB: %9.3f s, %8.3f MiB allocated\n", nest.name, float64(len(nest.src))/1024, c.took.Seconds(), float64(c.alloc)/mib)
	}
}

type nested struct {
	name string
	src  []byte
}

// nestedShapes are n levels of lists and block quotes, each written the ways markdown
// allows: markers on one line, or one line a level with growing indentation.
func nestedShapes(n int) []nested {
	var indented, quotes strings.Builder
	for i := range n {
		indented.WriteString(strings.Repeat("  ", i) + "- item\n")
		quotes.WriteString(strings.Repeat(">", i+1) + " quote\n")
	}
	return []nested{
		{"list markers on one line", []byte(strings.Repeat("- ", n) + "x\n")},
		{"ordered list on one line", []byte(strings.Repeat("1. ", n) + "x\n")},
		{"quotes on one line", []byte(strings.Repeat("> ", n) + "x\n")},
		{"indented list lines", []byte(indented.String())},
		{"quote lines", []byte(quotes.String())},
	}
}
