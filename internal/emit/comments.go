package emit

import (
	"io"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// commentWidth is where doc comment prose is wrapped.
const commentWidth = 90

// cleanText makes docs prose safe and tidy for a // comment: control characters and
// runs of white space become one space. Since every line is emitted with its own //, no
// text can end the comment early.
func cleanText(s string) string {
	if tidyASCII(s) {
		return s // the usual prose: nothing to change, and no copy
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.Is(unicode.Cf, r):
			// Format characters: a byte order mark does not compile, and bidi controls
			// would make the comment read differently from what it holds.
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

// tidyASCII reports whether s is printable ASCII with single spaces between words and
// none at either end: text cleanText returns as it is.
func tidyASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// wrap splits prose into lines of about commentWidth characters.
func wrap(s string) []string { return wrapAt(s, commentWidth) }

// wrapAt splits prose into lines of about width characters.
func wrapAt(s string, width int) []string {
	words := strings.Fields(cleanText(s))
	var lines []string
	var cur strings.Builder
	for _, w := range words {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// doc is a doc comment built paragraph by paragraph.
type doc struct {
	paras [][]string
}

// para adds a wrapped paragraph; empty text adds nothing. A paragraph always ends with
// punctuation, so gofmt never mistakes a one-line paragraph for a heading.
func (d *doc) para(s string) {
	s = cleanText(s)
	if s == "" {
		return
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?:;)") {
		s += "."
	}
	d.paras = append(d.paras, wrap(s))
}

// prose adds a page's prose, its paragraphs joined into one as para does, except that a
// bullet list (paragraphs the parser wrote "- item") is a Go doc list of its own between
// the text before it and the text after it:
//
//	// When using MIME format:
//	//   - Provide the applicable Internet message headers and the MIME content, all
//	//     encoded in base64 format in the request body.
//	//   - Add any attachments and S/MIME properties to the MIME content.
func (d *doc) prose(s string) {
	var text []string
	var items []string
	flush := func() {
		if len(text) > 0 {
			d.para(strings.Join(text, " "))
			text = nil
		}
		if len(items) > 0 {
			var lines []string
			for _, it := range items {
				for i, l := range wrapAt(it, commentWidth-4) {
					if i == 0 {
						lines = append(lines, "  - "+l)
					} else {
						lines = append(lines, "    "+l)
					}
				}
			}
			if len(lines) > 0 {
				d.paras = append(d.paras, lines)
			}
			items = nil
		}
	}
	for _, p := range strings.Split(s, "\n\n") {
		if item, ok := strings.CutPrefix(strings.TrimSpace(p)+" ", "- "); ok {
			if len(items) == 0 && len(text) > 0 {
				flush()
			}
			if item = strings.TrimSpace(cleanText(item)); item != "" {
				items = append(items, item)
			}
			continue
		}
		if len(items) > 0 {
			flush()
		}
		text = append(text, p)
	}
	flush()
}

// verbatim adds lines as they are (cleaned, not wrapped), indented as a Go doc code block
// when indent is set.
func (d *doc) verbatim(indent bool, lines ...string) {
	var out []string
	for _, l := range lines {
		lead := len(l) - len(strings.TrimLeft(l, " "))
		l = strings.Repeat(" ", lead) + cleanText(l)
		if indent {
			l = "\t" + l
		}
		out = append(out, l)
	}
	if len(out) > 0 {
		d.paras = append(d.paras, out)
	}
}

// code renders the comment, one // per line, for jen to print as it is.
func (d *doc) code() jen.Code {
	var b strings.Builder
	for i, p := range d.paras {
		if i > 0 {
			b.WriteString("//\n")
		}
		for _, l := range p {
			if l == "" {
				b.WriteString("//\n")
				continue
			}
			b.WriteString("// " + l + "\n")
		}
	}
	return jen.Comment(strings.TrimSuffix(b.String(), "\n"))
}

// isPlaceholder reports docs text that only stands in for a description.
func isPlaceholder(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "todo:") || l == "not yet documented" || l == "not yet documented."
}

// renderCode renders one jen statement, for tests and the runtime's package comment.
func renderCode(w io.Writer, c jen.Code) error {
	return jen.Add(c).Render(w)
}

// leastPrivileged is the first scope of a permission, or, where a table gives one row per
// resource ("Mail.Read (message)"), the first scope of each resource, in table order.
func leastPrivileged(scopes []string) string {
	var out []string
	seen := map[string]bool{}
	for _, s := range scopes {
		_, res, ok := strings.Cut(s, " (")
		if !ok {
			return scopes[0]
		}
		if !seen[res] {
			seen[res] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}
