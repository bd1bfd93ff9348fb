package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

func TestScanJSON(t *testing.T) {
	body := "{\n  \"a\": \"x\",\n  \"b\": {\"c\": \"y\"},\n  \"value\": [ {\"d\": \"z\\\"q\"}, \"w\" ], // a comment\n  \"e\": ...\n}"
	var got []string
	for _, tok := range scanJSON(body) {
		kind := "value"
		if tok.Key {
			kind = "key"
		}
		got = append(got, fmt.Sprintf("%s %s path=%s field=%s @%d:%d", kind, tok.Text, strings.Join(tok.Path, "/"), tok.Field, tok.Line, tok.Col))
	}
	want := []string{
		"key a path= field= @1:2",
		"value x path= field=a @1:7",
		"key b path= field= @2:2",
		"key c path=b field= @2:8",
		"value y path=b field=c @2:13",
		"key value path= field= @3:2",
		"key d path=value/[] field= @3:14",
		`value z\"q path=value/[] field=d @3:19`,
		"value w path=value field=value @3:28",
		"key e path= field= @4:2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("scanJSON:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPathMatches(t *testing.T) {
	seg := func(parts ...model.Part) model.Segment { return model.Segment{Parts: parts} }
	lit := func(s string) model.Segment { return seg(model.Part{Literal: s}) }
	key := func(s string) model.Segment { return seg(model.Part{Param: s}) }
	path := func(s ...model.Segment) model.Path { return model.Path{Segments: s} }
	tmpl := path(lit("users"), key("id"), lit("microsoft.graph.getMemberObjects"))
	for _, c := range []struct {
		ex   model.Path
		want bool
	}{
		{path(lit("users"), lit("someone@contoso.com"), lit("getMemberObjects")), true},
		{path(lit("Users"), key("x"), lit("GETMEMBEROBJECTS")), true},
		{path(lit("me"), lit("getMemberObjects")), false},
		{path(lit("users"), key("x"), lit("getMemberGroups")), false},
		{path(lit("users"), key("x"), lit("getMemberObjects"), lit("extra")), false},
	} {
		if got := pathMatches(tmpl, c.ex); got != c.want {
			t.Errorf("pathMatches(%s, %s) = %v, want %v", tmpl, c.ex, got, c.want)
		}
	}
	cast := path(lit("groups"), key("id"), lit("memberOf"))
	if !pathMatches(cast, path(lit("groups"), key("g"), lit("memberOf"), lit("microsoft.graph.group"))) {
		t.Errorf("a type cast after a documented path should match it")
	}
	if pathMatches(cast, path(lit("groups"), key("g"), lit("memberOf"), lit("extra"))) {
		t.Errorf("a segment after a documented path that is not a type cast should not match")
	}
	bare := path(lit("vppTokens"), lit("getLicensesForApp"))
	if !pathMatches(bare, path(lit("vppTokens"), lit("getLicensesForApp(bundleId='x')"))) {
		t.Errorf("a call should match a template that leaves out its parameter list")
	}
	fn := path(lit("me"), seg(model.Part{Literal: "reminderView(startDateTime="}, model.Part{Param: "s"}, model.Part{Literal: ")"}))
	if !pathMatches(fn, path(lit("me"), lit("reminderView(startDateTime=2017-06-05T10:00:00)"))) {
		t.Errorf("a function call should match by name, whatever its arguments")
	}
}
