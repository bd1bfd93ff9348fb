package parse

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseCorpus parses every page of the real corpus (v1.0 and beta) on one
// goroutine, goldmark included: the parser's share of a whole run.
func BenchmarkParseCorpus(b *testing.B) {
	var srcs [][]byte
	var names []string
	for _, v := range []string{"v1.0", "beta"} {
		for _, d := range []string{"api", "resources"} {
			fs, _ := filepath.Glob(filepath.Join("../../../shared/corpus/graph-docs-2021/api-reference", v, d, "*.md"))
			for _, f := range fs {
				src, _ := os.ReadFile(f)
				srcs = append(srcs, src)
				names = append(names, "api-reference/"+v+"/"+d+"/"+filepath.Base(f))
			}
		}
	}
	if len(srcs) == 0 {
		b.Skip("the real corpus is absent (../shared/corpus)")
	}
	p := New()
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range srcs {
			p.Parse(names[i], src)
		}
	}
}
