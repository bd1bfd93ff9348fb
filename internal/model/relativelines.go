package model

import (
	"slices"
	"strings"
)

// relativeLines completes, before the operations are built, the request lines written
// below a parent they leave out (relativeLineFromExample). roots are the first segments of
// every page's lines: a line that starts at one of them is whole. A page it completes is
// a copy in the slice it returns; the caller's pages are left as they were.
func relativeLines(pages []*Page, ds *Diagnostics) []*Page {
	roots := map[string]int{} // how many pages start a line there
	for _, p := range pages {
		for _, first := range lineRoots(p) {
			roots[first]++
		}
	}
	out := pages
	for k, p := range pages {
		for i, rl := range p.Requests {
			full := relativeLineFromExample(p, rl, roots, ds)
			if len(full.Segments) == len(rl.Path.Segments) {
				continue
			}
			if out[k] == p {
				if &out[0] == &pages[0] {
					out = slices.Clone(pages)
				}
				cp := *p
				cp.Requests = slices.Clone(p.Requests)
				out[k] = &cp
			}
			out[k].Requests[i].Path = full
		}
	}
	return out
}

// relativeLineFromExample completes a request line written below a parent it leaves out
// (worksheet-range.md: GET /workbook/worksheets/{id|name}/range) from the page's examples,
// which all call it below the same parent (/me/drive/items/{id}/workbook/...): the line's
// first segment is no page's root, an example ends in the line's segments, every example
// that names the line's first segment names it at the same place after the same segments,
// and that parent is a template (names and placeholders, no literal key).
func relativeLineFromExample(p *Page, rl RequestLine, roots map[string]int, ds *Diagnostics) Path {
	segs := rl.Path.Segments
	if len(segs) < 2 {
		return rl.Path
	}
	first := plainName(segs[0])
	if first == "" || roots[strings.ToLower(first)] > 1 {
		return rl.Path // another page's line starts there too: a root
	}
	var prefix *Path
	fits := false
	for _, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Method != rl.Method || ex.Path == nil {
			continue
		}
		at := slices.IndexFunc(ex.Path.Segments, func(s Segment) bool { return strings.EqualFold(plainName(s), first) })
		if at <= 0 {
			return rl.Path // an example calls it from the root, or elsewhere
		}
		pre := Path{Segments: ex.Path.Segments[:at:at]}
		if prefix != nil && pre.Shape() != prefix.Shape() {
			return rl.Path
		}
		for _, s := range pre.Segments {
			if !s.IsParam() && plainName(s) == "" {
				return rl.Path // a literal key: not a template to take
			}
		}
		prefix = &pre
		tail := Path{Segments: ex.Path.Segments[at:]}
		fits = fits || fitsTemplate(tail, Path{Segments: segs})
	}
	if prefix == nil || !fits {
		return rl.Path
	}
	full := Path{Segments: append(slices.Clone(prefix.Segments), segs...), Query: rl.Path.Query}
	ds.Addf(rl.Pos, Warning, "request-line-from-example",
		"%s %s starts below a parent it leaves out; the page's examples call it below %s: the method sends %s", rl.Method, rl.Path, prefix, full)
	return full
}

// lineRoots lists, once each and lower-cased, the first segments of a page's lines.
func lineRoots(p *Page) []string {
	var out []string
	for _, rl := range p.Requests {
		if len(rl.Path.Segments) == 0 {
			continue
		}
		if first := strings.ToLower(plainName(rl.Path.Segments[0])); first != "" && !slices.Contains(out, first) {
			out = append(out, first)
		}
	}
	return out
}
