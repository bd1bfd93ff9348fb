package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameAsYAML checks that when simpleFrontMatter accepts src, YAML reads the same strings
// from it (a key YAML reads as null, the fast path reads as "").
func sameAsYAML(t *testing.T, name string, src []byte) (accepted bool) {
	t.Helper()
	fm, ok := simpleFrontMatter(src)
	if !ok {
		return false
	}
	var y map[string]any
	if err := yaml.Unmarshal(src, &y); err != nil {
		t.Errorf("%s: the fast path accepts what YAML refuses (%v):\n%s", name, err, src)
		return true
	}
	if len(y) != len(fm) {
		t.Errorf("%s: %d keys, YAML %d:\n%s", name, len(fm), len(y), src)
	}
	for k, v := range y {
		got, has := fm[k]
		switch v := v.(type) {
		case string:
			if !has || got != v {
				t.Errorf("%s: %s = %q, YAML %q", name, k, got, v)
			}
		case nil:
			if !has || got != "" {
				t.Errorf("%s: %s = %q, YAML null", name, k, got)
			}
		default:
			t.Errorf("%s: %s = %q, but YAML reads %T %v", name, k, got, v, v)
		}
	}
	return true
}

func TestSimpleFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		src    string
		accept bool
	}{
		{"title: \"Get vppToken\"\ndescription: Read one token.\nms.prod: intune\nauthor: \"\"\n", true},
		{"title: 'It is'\r\ndoc_type: apiPageType\r\n", true},
		{"# a comment\n\ntitle: x\nempty:\n", true},
		{"title: \"a \\\"quoted\\\" word\"\n", false},
		{"title: 'it''s'\n", false},
		{"title: x\ntitle: y\n", false},
		{"ms.date: 09/20/2019\n", false},
		{"count: 12\n", false},
		{"flag: true\n", false},
		{"flag: No\n", false},
		{"title: a: b\n", false},
		{"title: a # comment\n", false},
		{"items:\n  - a\n  - b\n", false},
		{"title: >\n  folded\n", false},
		{"title: [a, b]\n", false},
		{"title: ~\n", false},
		{"  indented: x\n", false},
		{"title:x\n", false},
	} {
		if got := sameAsYAML(t, tc.src, []byte(tc.src)); got != tc.accept {
			t.Errorf("simpleFrontMatter(%q) accepted = %v, want %v", tc.src, got, tc.accept)
		}
	}
}

// TestSimpleFrontMatterCorpus: on every page of the real corpus, the fast path reads what
// YAML reads, and it takes nearly all of them.
func TestSimpleFrontMatterCorpus(t *testing.T) {
	root := "../../../shared/corpus/graph-docs-2021/api-reference"
	files, _ := filepath.Glob(filepath.Join(root, "*", "*", "*.md"))
	if len(files) == 0 {
		t.Skipf("the real corpus is absent (%s)", root)
	}
	fast := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(src, []byte("---\n")) {
			continue
		}
		end := bytes.Index(src[3:], []byte("\n---"))
		if end < 0 {
			continue
		}
		if sameAsYAML(t, f, src[4:end+4]) {
			fast++
		}
	}
	t.Logf("the fast path reads %d of %d pages' front matter", fast, len(files))
	if fast < len(files)*9/10 {
		t.Errorf("the fast path reads only %d of %d pages' front matter", fast, len(files))
	}
}

// FuzzSimpleFrontMatter: whatever the fast path accepts, YAML reads the same way.
func FuzzSimpleFrontMatter(f *testing.F) {
	for _, s := range []string{"title: \"Get vppToken\"\ndescription: Read one token.\n", "a: 'x'\nb:\n# c\n", "k: v w\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameAsYAML(t, "fuzz", src) })
}

// valuesRE is what valuesHeading reads, as a regexp: the tests hold the hand-written
// function to it.
var valuesRE = regexp.MustCompile(`(?i)^([A-Za-z_][\w]*)\s+values?\s*:?$`)

func valuesHeadingRE(h string) (string, bool) {
	m := valuesRE.FindStringSubmatch(strings.TrimSpace(h))
	if m == nil {
		return "", false
	}
	return m[1], true
}

func TestValuesHeading(t *testing.T) {
	for _, h := range []string{"vppTokenState values", "Property values", "Values", "appState value:", " x  VALUES : ",
		"x values:", "x\u00a0values", "1x values", "_x values", "x-y values", "x valuess", "xvalues", "x values ::",
		"x \tvalue\t:", "a b values", "x values\u00a0", "Enum values", "x ValueS"} {
		gn, gok := valuesHeading(h)
		wn, wok := valuesHeadingRE(h)
		if gn != wn || gok != wok {
			t.Errorf("valuesHeading(%q) = %q, %v; the regexp says %q, %v", h, gn, gok, wn, wok)
		}
	}
}

func FuzzValuesHeading(f *testing.F) {
	f.Add("vppTokenState values")
	f.Add("x \tvalue\t:")
	f.Fuzz(func(t *testing.T, h string) {
		gn, gok := valuesHeading(h)
		wn, wok := valuesHeadingRE(h)
		if gn != wn || gok != wok {
			t.Errorf("valuesHeading(%q) = %q, %v; the regexp says %q, %v", h, gn, gok, wn, wok)
		}
	})
}

func FuzzIsPropName(f *testing.F) {
	propNameRE := regexp.MustCompile(`^[\pL\pN_$][\pL\pN_$.-]*$`)
	for _, s := range []string{"displayName", "@odata.type", "x-y", ".x", "名前", "a\xffb", "$count", "١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isPropName(s), propNameRE.MatchString(s); got != want {
			t.Errorf("isPropName(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "\xff b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
