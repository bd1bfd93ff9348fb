package graphdocgen_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
)

// exampleHarness is a test file added to a generated package: it decodes every example
// response into the type its method returns, encodes it again, and counts. An example
// counts as typed only when no documented property of it lands in an AdditionalData (the
// conformance suite's strict walk): AdditionalData keeps every key, so without that any
// struct would pass for any example.
func exampleHarness(pkg string, cases []emit.ResponseExample, si strictInfo, oldEncoder string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"bytes\"\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"reflect\"\n\t\"slices\"\n\t\"strings\"\n\t\"testing\"\n)\n\nvar _ = strings.Contains\n", pkg)
	b.WriteString(oldEncoder)
	b.WriteString(strictWalkSrc)
	b.WriteString(strictTables(si))
	b.WriteString("var exampleCases = []struct {\n\twhere, typ string\n\tcoll bool\n\tbody string\n}{\n")
	var types []string
	for _, c := range cases {
		fmt.Fprintf(&b, "\t{%q, %q, %t, %s},\n", c.Pos.String(), c.GoType, c.Collection, strconv.Quote(c.Body))
		if !slices.Contains(types, c.GoType) {
			types = append(types, c.GoType)
		}
	}
	b.WriteString("}\n\nfunc decodeExample(typ string, coll bool, b []byte) (any, error) {\n\tswitch typ {\n")
	slices.Sort(types)
	for _, t := range types {
		fmt.Fprintf(&b, "\tcase %q:\n\t\tif coll {\n\t\t\tvar v Page[%s]\n\t\t\terr := json.Unmarshal(b, &v)\n\t\t\treturn v.Value, err\n\t\t}\n\t\tvar v %s\n\t\terr := json.Unmarshal(b, &v)\n\t\treturn v, err\n", t, t, t)
	}
	b.WriteString("\t}\n\treturn nil, fmt.Errorf(\"no type %s\", typ)\n}\n")
	b.WriteString(`
// lost lists the keys of want (recursively) that got does not hold.
func lost(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{path}
		}
		var out []string
		for k, v := range w {
			gv, ok := g[k]
			if !ok {
				out = append(out, path+"."+k)
				continue
			}
			out = append(out, lost(path+"."+k, v, gv)...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return []string{path + "[]"}
		}
		var out []string
		for i := range w {
			out = append(out, lost(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return out
	}
	return nil
}

func TestExamples(t *testing.T) {
	valid, decoded, whole, typed, derivedOnly := 0, 0, 0, 0, 0
	encExact, encNulls, encDiffer := 0, 0, 0
	var fails []string
	for _, c := range exampleCases {
		var want any
		if json.Unmarshal([]byte(c.body), &want) != nil {
			continue
		}
		valid++
		v, err := decodeExample(c.typ, c.coll, []byte(c.body))
		if err != nil {
			fails = append(fails, fmt.Sprintf("%s: decode %s: %v", c.where, c.typ, err))
			continue
		}
		decoded++
		var loose, derived []string
		strict("", reflect.ValueOf(v), &loose)
		for _, l := range loose {
			if strings.HasSuffix(l, derivedMark) {
				derived = append(derived, l)
			}
		}
		switch {
		case len(loose) == len(derived):
			typed++
		default:
			fails = append(fails, fmt.Sprintf("%s: %s: documented properties in AdditionalData: %v", c.where, c.typ, loose))
		}
		if len(derived) > 0 {
			derivedOnly++
		}
		b, err := json.Marshal(v)
		if err == nil {
			// The generated encoder writes what encoding/json wrote before.
			old, oldErr := oldJSON(v)
			switch how, diff := sameEncoding(b, old); {
			case oldErr != nil:
				encDiffer++
				fails = append(fails, fmt.Sprintf("%s: %s: the old encoder: %v", c.where, c.typ, oldErr))
			case how == "exact":
				encExact++
			case how == "nulls":
				encNulls++
			default:
				encDiffer++
				fails = append(fails, fmt.Sprintf("%s: %s: encoded unlike before: %.600s", c.where, c.typ, diff))
			}
		}
		var got any
		if err == nil {
			err = json.Unmarshal(b, &got)
		}
		if err != nil {
			fails = append(fails, fmt.Sprintf("%s: encode %s: %v", c.where, c.typ, err))
			continue
		}
		if c.coll {
			// A page's own annotations (@odata.context, @odata.nextLink) are not items.
			items, _ := want.(map[string]any)["value"]
			want = items
		}
		if l := lost("", want, got); len(l) > 0 {
			fails = append(fails, fmt.Sprintf("%s: %s lost %v", c.where, c.typ, l))
			continue
		}
		whole++
	}
	fmt.Printf("EXAMPLES total=%d valid=%d decoded=%d whole=%d typed=%d derivedonly=%d\n", len(exampleCases), valid, decoded, whole, typed, derivedOnly)
	fmt.Printf("ENCODED exact=%d nulls=%d differ=%d\n", encExact, encNulls, encDiffer)
	for i, f := range fails {
		if i == 15 {
			break
		}
		fmt.Println("EXAMPLE-FAIL", f)
	}
}
`)
	return []byte(b.String())
}

var examplesLine = regexp.MustCompile(`EXAMPLES total=(\d+) valid=(\d+) decoded=(\d+) whole=(\d+) typed=(\d+) derivedonly=(\d+)`)

// encodedLine is the harness's count of the decoded examples whose encoding is the same
// bytes as the old encoder's (oldJSON), the same but for where the nulls go, or different.
var encodedLine = regexp.MustCompile(`ENCODED exact=(\d+) nulls=(\d+) differ=(\d+)`)

// oldEncoderSource is the old encoder of generated/benchmark/oldencode_test.go, from its
// marker line on, for the example harness.
func oldEncoderSource(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("generated", "benchmark", "oldencode_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	_, src, ok := strings.Cut(string(b), "// OLD ENCODER\n")
	if !ok {
		t.Fatal("oldencode_test.go: no OLD ENCODER line")
	}
	return src
}

// examplesTypedFloor is, per version, the share of valid examples whose documented
// properties must all land in typed fields (measured 2026-12-05: see TestCorpusExamplesDecode).
var examplesTypedFloor = map[string]float64{"v1.0": 0.77, "beta": 0.76} // measured 77.8% (779 of 1001), 76.8% (1675 of 2182)

// TestCorpusExamplesDecode decodes every example response of the real corpus whose JSON is
// valid and whose operation returns a documented type into the generated type, encodes it
// again and checks that every key of the example survives, that the encoding is what
// encoding/json wrote before the models had generated encoders (oldJSON; but for where
// the documented nulls go), and that the documented
// properties land in typed fields rather than AdditionalData (which keeps any key, so a
// wrong type would otherwise pass). It prints the counts; it fails when fewer than 95% of
// the valid examples decode, fewer than 90% keep every key, or fewer than
// examplesTypedFloor decode into typed fields.
func TestCorpusExamplesDecode(t *testing.T) {
	corpusSuite(t, "builds and runs the generated v1.0 and beta clients")
	for _, version := range []string{"v1.0", "beta"} {
		_, res, _ := measure(t, version)
		cases := emit.ResponseExamples(res.API, emit.Config{Package: "graph"})
		dir := t.TempDir()
		if err := res.Files.Write(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+corpusImportPath+"\n\ngo 1.26\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		harness := exampleHarness("graph", cases, strictInfoOf(res.API), oldEncoderSource(t))
		if err := os.WriteFile(filepath.Join(dir, "examples_test.go"), harness, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "test", "-count=1", "-run", "TestExamples", "-v", ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: go test: %v\n%.4000s", version, err, out)
		}
		m := examplesLine.FindStringSubmatch(string(out))
		if m == nil {
			t.Fatalf("%s: no counts in\n%.4000s", version, out)
		}
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		if e := encodedLine.FindStringSubmatch(string(out)); e == nil {
			t.Errorf("%s: no encoding counts", version)
		} else {
			t.Logf("%s: encoded again like encoding/json before: %s the same bytes, %s the same but for where nulls go, %s different", version, e[1], e[2], e[3])
			if e[3] != "0" {
				t.Errorf("%s: %s examples encode unlike before", version, e[3])
			}
		}
		t.Logf("%s: %d example responses of typed operations, %d with valid JSON, %d decode (%.1f%%), %d keep every key (%.1f%%)",
			version, n(1), n(2), n(3), 100*float64(n(3))/float64(n(2)), n(4), 100*float64(n(4))/float64(n(2)))
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "EXAMPLE-FAIL") {
				t.Log(l)
			}
		}
		t.Logf("%s: %d decode with every documented property in a typed field (%.1f%%); %d of them leave in AdditionalData only properties of derived types the example does not name with @odata.type",
			version, n(5), 100*float64(n(5))/float64(n(2)), n(6))
		if float64(n(3)) < 0.95*float64(n(2)) || float64(n(4)) < 0.90*float64(n(2)) {
			t.Errorf("%s: too few examples decode (%d) or keep every key (%d) of %d", version, n(3), n(4), n(2))
		}
		if floor := examplesTypedFloor[version]; float64(n(5)) < floor*float64(n(2)) {
			t.Errorf("%s: %d of %d examples decode into typed fields, want at least %.1f%%", version, n(5), n(2), 100*floor)
		}
	}
}
