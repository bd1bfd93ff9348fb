package model

import (
	"slices"
	"strings"
	"testing"
)

// TestSettleParenKeys: a placeholder alone in parentheses after a collection the type
// before it holds is a key, sent as a segment; after a function other lines call with a
// named argument, that argument; with no evidence the line stays as written.
func TestSettleParenKeys(t *testing.T) {
	none := TypeRef{}
	paren := func(p Path, name, param string) Path {
		p.Segments = append(slices.Clone(p.Segments), Segment{Parts: []Part{{Literal: name + "("}, {Param: param}, {Literal: ")"}}})
		return p
	}
	call := func(p Path, name, param string) Path {
		p.Segments = append(slices.Clone(p.Segments), Segment{Parts: []Part{{Literal: name + "(" + param + "="}, {Param: param, Quoted: true, Function: true}, {Literal: ")"}}})
		return p
	}
	sheet := path("workbook", "worksheets", "{worksheetId}")
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("workbook", "microsoft.graph.entity", []Property{nav("worksheets", "worksheet", true)}),
		resourcePage("worksheet", "microsoft.graph.entity", []Property{nav("borders", "border", true)}),
		resourcePage("border", "microsoft.graph.entity", nil),
		resourcePage("range", "", nil),
		page("api/workbook-get.md", "GET", gref("workbook", false), none, path("workbook")),
		page("api/border-get.md", "GET", gref("border", false), none, paren(sheet, "borders", "sideIndex")),
		page("api/range-get.md", "GET", gref("range", false), none, call(sheet, "range", "address")),
		page("api/range-format.md", "GET", gref("range", false), none, Path{Segments: append(paren(sheet, "range", "address").Segments, path("format").Segments...)}),
		page("api/other-get.md", "GET", gref("range", false), none, paren(sheet, "cells", "index")),
	}
	api, ds := Build("beta", pages)
	got := map[string]string{}
	for _, op := range api.Operations {
		got[op.Page] = op.Paths[0].String()
	}
	want := map[string]string{
		"api/border-get.md":   "/workbook/worksheets/{worksheetId}/borders/{sideIndex}",
		"api/range-format.md": "/workbook/worksheets/{worksheetId}/range(address='{address}')/format",
		"api/other-get.md":    "/workbook/worksheets/{worksheetId}/cells({index})",
	}
	for pg, w := range want {
		if got[pg] != w {
			t.Errorf("%s: %s, want %s", pg, got[pg], w)
		}
	}
	if n := strings.Count(ds.String(), "request-path-key-in-parentheses"); n != 2 {
		t.Errorf("%d request-path-key-in-parentheses warnings, want 2:\n%s", n, ds)
	}
}
