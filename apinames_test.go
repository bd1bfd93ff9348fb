package graphdocgen_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// listingNameRE reads an identifier, its receiver and a constant's value from a listing line.
var listingNameRE = regexp.MustCompile(`^(?:method \(\*?(\w+)\) |func |type |const |var )(\w+)(?:.*= (".*"))?`)

// TestListingNamesDifferInMoreThanCase: no two exported identifiers of a checked-in
// listing (both corpus clients and the docs/ client) differ only in case, which reads as
// a typo in an editor's completion list (DeclineMeCalendargroupCalendarEvent beside
// DeclineMeCalendarGroupCalendarEvent). Constants spelled from enum members the docs
// themselves write in two cases (beta's printMultipageLayout has counterClockwise… and
// counterclockwise…) are the docs' names and are allowed.
func TestListingNamesDifferInMoreThanCase(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "api", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no listings under testdata/api (%v)", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			type entry struct{ name, value string }
			groups := map[string][]entry{} // receiver + folded name -> entries
			var keys []string
			for line := range strings.Lines(string(data)) {
				m := listingNameRE.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				k := m[1] + "." + strings.ToLower(m[2])
				if groups[k] == nil {
					keys = append(keys, k)
				}
				if !slices.ContainsFunc(groups[k], func(e entry) bool { return e.name == m[2] }) {
					groups[k] = append(groups[k], entry{m[2], m[3]})
				}
			}
			for _, k := range keys {
				g := groups[k]
				if len(g) < 2 {
					continue
				}
				docs := !slices.ContainsFunc(g, func(e entry) bool { return e.value == "" })
				for i := range g {
					for j := range i {
						docs = docs && g[i].value != g[j].value
					}
				}
				if !docs {
					t.Errorf("identifiers that differ only in case: %v", g)
				}
			}
		})
	}
}
