package graphdocgen_test

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The suite's own reading of the resource pages, from their Markdown text and not from the
// parser's model: it is the check of what the parser made of them. It knows two things: a
// table row that documents a property, and the "Inherits from [base](base.md)" that names
// a base type.

// pageReader reads resource pages of one version of the corpus.
type pageReader struct {
	root  string              // the version's folder; "" reads nothing
	pages map[string][]string // a type's lower-cased name -> the pages that document it
	text  map[string]string   // page -> its text, read once
}

func newPageReader(t *testing.T, version string, api *model.API) *pageReader {
	t.Helper()
	pr := &pageReader{root: filepath.Join(corpusRoot, version), pages: map[string][]string{}, text: map[string]string{}}
	for _, ty := range api.Types {
		if ty.Page != "" {
			k := strings.ToLower(ty.Name)
			pr.pages[k] = append(pr.pages[k], ty.Page)
		}
	}
	return pr
}

// pagesOf is the pages that document a type: those the model names, or else the resource
// page named after it, when it exists (a type no page links but its base's prose).
func (pr *pageReader) pagesOf(typeName string) []string {
	name := strings.ToLower(typeName)
	if ps := pr.pages[name]; len(ps) > 0 {
		return ps
	}
	if p := "resources/" + name + ".md"; pr.read(p) != "" {
		return []string{p}
	}
	return nil
}

func (pr *pageReader) read(page string) string {
	if s, ok := pr.text[page]; ok {
		return s
	}
	var s string
	if pr.root != "" {
		b, err := os.ReadFile(filepath.Join(pr.root, filepath.FromSlash(page)))
		if err == nil {
			s = string(b)
		}
	}
	pr.text[page] = s
	return s
}

// baseLinkRE finds the base type a resource page names in its prose.
var baseLinkRE = regexp.MustCompile(`(?i)(?:inherits from|inherited from|derived from|derives from|base type is|based on)\s*(?:the\s+)?(?:\*\*)?\[[^\]]+\]\(([^)\s#]+\.md)`)

// pageRowDocuments reports whether a page has a table row whose first cell is the
// property (its name alone, perhaps bold or code, in any case).
func pageRowDocuments(text, prop string) bool {
	re := regexp.MustCompile(`(?mi)^[ \t]*\|?[ \t]*(?:\*\*|\*|` + "`" + `)?` + regexp.QuoteMeta(prop) + `(?:\*\*|\*|` + "`" + `)?[ \t]*\|[^\n]*\|`)
	return re.MatchString(text)
}

// pageBase is the page of the base type a page names, relative to the version's folder, or "".
func pageBase(page, text string) string {
	m := baseLinkRE.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return path.Clean(path.Join(path.Dir(page), m[1]))
}

// documents reports whether a type's own page, or the bases its page names (and theirs),
// documents a property in a table row; or, when the example's @odata.type named another
// type (annotated), whether that type's page documents it and the pages relate the two
// (one names the other as its base or as a derived type).
func (pr *pageReader) documents(typeName, prop, annotated string) bool {
	if pr.documentsOwn(typeName, prop) {
		return true
	}
	return annotated != "" && annotated != strings.ToLower(typeName) && pr.documentsOwn(annotated, prop) && pr.related(typeName, annotated)
}

func (pr *pageReader) documentsOwn(typeName, prop string) bool {
	for _, page := range pr.pagesOf(typeName) {
		seen := map[string]bool{}
		for p := page; p != "" && !seen[p] && len(seen) < 12; {
			seen[p] = true
			text := pr.read(p)
			if pageRowDocuments(text, prop) {
				return true
			}
			p = pageBase(p, text)
		}
	}
	return false
}

// derivedLineRE finds the lines of a base type's page that name its derived types.
var derivedLineRE = regexp.MustCompile(`(?i)[^\n]*(?:derived|subtype|base class|base type|abstract)[^\n]*`)

// related reports whether the pages say derived derives from base: derived's page (or a
// base of it) names base as its base, or base's page names derived's page in a line about
// derived types.
func (pr *pageReader) related(base, derived string) bool {
	base, derived = strings.ToLower(base), strings.ToLower(derived)
	for _, page := range pr.pagesOf(derived) {
		seen := map[string]bool{}
		for p := pageBase(page, pr.read(page)); p != "" && !seen[p] && len(seen) < 12; p = pageBase(p, pr.read(p)) {
			seen[p] = true
			if slices.Contains(pr.pagesOf(base), p) {
				return true
			}
		}
	}
	for _, page := range pr.pagesOf(base) {
		for _, line := range derivedLineRE.FindAllString(pr.read(page), -1) {
			for _, m := range mdLinkRE.FindAllStringSubmatch(line, -1) {
				target := path.Clean(path.Join(path.Dir(page), m[2]))
				if slices.Contains(pr.pagesOf(derived), target) {
					return true
				}
			}
		}
	}
	return false
}

// responseSectionRE is a page's Response section: from its heading to the next heading of
// the same or a higher level.
var responseSectionRE = regexp.MustCompile(`(?ms)^##+ Response\s*$(.*?)(?:^##? |\z)`)

// onRequestRE finds a Response section's statement that a body comes back when asked for.
var onRequestRE = regexp.MustCompile(`(?i)return=representation|optional request header is used|prefer[^.\n]*header`)

// responseOnRequest reports whether a page's Response section says the method returns a
// body on request (Prefer: return=representation), with a link to the type it returns.
func responseOnRequest(text string) bool {
	m := responseSectionRE.FindStringSubmatch(text)
	return m != nil && onRequestRE.MatchString(m[1]) && mdLinkRE.MatchString(m[1])
}
