package parse

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// This file is the gate a page passes before goldmark sees it. It refuses what is not a
// page, and rewrites what would make the parse slow or let bytes that are not text into
// the model, keeping every position that of the page as written:
//
//   - a page over MaxPageSize is refused (page-too-large, error);
//   - a page whose start is not text (NUL bytes, and more than one byte in ten NUL,
//     another control character or not UTF-8: images, archives, UTF-16) is a binary file,
//     refused (binary-page, error); a stray NUL or control character in a text page is
//     kept (emit escapes it);
//   - an empty page, or one of only white space, gives empty-page (warning);
//   - a UTF-8 byte-order mark is dropped;
//   - bytes that are not UTF-8 are read as U+FFFD (invalid-utf8, warning, once a page);
//     a request path or a name that holds one is then refused where it is read;
//   - a line that opens more than maxNestMarkers lists and block quotes, or is indented
//     more than maxNestIndent columns, is flattened (nesting-too-deep, warning, once a
//     page): goldmark's cost for a line grows with the containers open around it, so
//     5,000 nested levels took minutes and a gigabyte.

// MaxPageSize is the largest page Parse reads: 32 MiB, about 400 times the largest page
// of the Graph docs (82 KB). A larger page is refused with a page-too-large error rather
// than read: parsing is linear, about 0.1 s a MiB, but goldmark's tree of a page takes
// many times the page's size in memory.
const MaxPageSize = 32 << 20

// The nesting limits: far above what the docs use (two markers on a line, 76 columns of
// indentation), far below what makes goldmark slow.
const (
	maxNestMarkers = 32  // list markers and > at the start of one line
	maxNestIndent  = 256 // columns of white space (tabs to the next multiple of 4) among them
)

// binarySniff is how much of a page's start tells whether it is binary (what git reads).
const binarySniff = 8000

// edit records that clean[clean:clean+cleanLen] stands for src[orig:orig+origLen].
type edit struct {
	clean, cleanLen int
	orig, origLen   int
}

// rewriter builds the cleaned page: src with some byte ranges replaced. It copies src
// only from the first replacement on.
type rewriter struct {
	src   []byte
	out   []byte
	done  int // src[:done] is in out
	edits []edit
}

func (r *rewriter) replace(start, end int, with string) {
	if r.out == nil {
		r.out = make([]byte, 0, len(r.src)+len(r.src)/8)
	}
	r.out = append(r.out, r.src[r.done:start]...)
	r.edits = append(r.edits, edit{clean: len(r.out), cleanLen: len(with), orig: start, origLen: end - start})
	r.out = append(r.out, with...)
	r.done = end
}

func (r *rewriter) finish() []byte {
	if r.out == nil {
		return r.src
	}
	return append(r.out, r.src[r.done:]...)
}

// gate checks and cleans a page. It returns the text goldmark is to see, the line table
// that maps its offsets back to the page's positions, and ok false when the page is not
// to be read at all.
func gate(file string, src []byte, ds *model.Diagnostics) (clean []byte, l *lines, ok bool) {
	if len(src) > MaxPageSize {
		ds.Addf(offsetPos(file, src, MaxPageSize), model.Error, "page-too-large",
			"the page is %s, over the %d MiB a page may have; it is not read (the limit is passed here)", sizeText(len(src)), MaxPageSize>>20)
		return nil, nil, false
	}
	sniff := src[:min(len(src), binarySniff)]
	if first, n := nonText(sniff); bytes.IndexByte(sniff, 0) >= 0 && n*10 > len(sniff) {
		what := "binary file"
		if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
			what = "UTF-16 file (it starts with a byte-order mark)"
		}
		ds.Addf(offsetPos(file, src, first), model.Error, "binary-page",
			"the page is a %s, not markdown: %d of its first %d bytes are NUL, control characters or not UTF-8, the first here; it is not read", what, n, len(sniff))
		return nil, nil, false
	}
	if len(bytes.TrimSpace(src)) == 0 {
		msg := "the page is empty"
		if len(src) > 0 {
			msg = "the page holds only white space"
		}
		ds.Addf(model.Pos{File: file, Line: 1, Col: 1}, model.Warning, "empty-page", "%s; it defines nothing", msg)
		return nil, nil, false
	}

	r := &rewriter{src: src}
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		r.replace(0, 3, "") // a UTF-8 byte-order mark would hide the front matter's ---
	}
	// Bytes that are not UTF-8 are replaced; most pages have none and skip the per-byte
	// loop.
	scan := !utf8.Valid(src)
	var badBytes, deepLines int
	firstBad, firstDeep := -1, -1
	deepMarkers, deepCols := 0, 0
	for start := 0; start < len(src); {
		end := start + bytes.IndexByte(src[start:], '\n') + 1
		if end == start { // no newline: the last line
			end = len(src)
		}
		line := src[start:end]
		if c := nestCut(line); c.cut {
			r.replace(start+c.from, start+c.to, "")
			if deepLines++; deepLines == 1 {
				firstDeep, deepMarkers, deepCols = start+c.from, c.markers, c.cols
			}
		}
		for i := 0; scan && i < len(line); {
			if line[i] < utf8.RuneSelf {
				i++
				continue
			}
			rn, n := utf8.DecodeRune(line[i:])
			if rn == utf8.RuneError && n <= 1 {
				r.replace(start+i, start+i+1, "\uFFFD")
				if badBytes++; badBytes == 1 {
					firstBad = start + i
				}
				n = 1
			}
			i += n
		}
		start = end
	}
	clean = r.finish()
	l = newLines(file, src, r.edits)
	if firstDeep >= 0 {
		ds.Addf(l.origPos(firstDeep), model.Warning, "nesting-too-deep",
			"this line nests %d lists and block quotes in %d columns, past the limits of %d and %d; the nesting beyond them is flattened before the page is read (%d line(s))",
			deepMarkers, deepCols, maxNestMarkers, maxNestIndent, deepLines)
	}
	if firstBad >= 0 {
		ds.Addf(l.origPos(firstBad), model.Warning, "invalid-utf8",
			"the page is not UTF-8: %d byte(s) are not, the first here; each is read as U+FFFD, and a request path or name that holds one is refused", badBytes)
	}
	return clean, l, true
}

// nonText counts the bytes of b that text does not have (NUL, control characters other
// than tab, line feed, form feed and carriage return, and bytes that are not UTF-8) and
// returns the offset of the first.
func nonText(b []byte) (first, n int) {
	first = -1
	for i := 0; i < len(b); {
		c := b[i]
		size := 1
		bad := false
		switch {
		case c < 0x20:
			bad = c != '\t' && c != '\n' && c != '\f' && c != '\r'
		case c == 0x7f:
			bad = true
		case c >= utf8.RuneSelf:
			var r rune
			r, size = utf8.DecodeRune(b[i:])
			// A rune cut at the end of b is not counted against it.
			bad = r == utf8.RuneError && size == 1 && utf8.FullRune(b[i:])
		}
		if bad {
			if n++; first < 0 {
				first = i
			}
		}
		i += size
	}
	return first, n
}

// cut is the part of a line's container prefix that nestCut drops.
type cut struct {
	cut      bool
	from, to int // the byte range dropped
	markers  int // list markers and > in the prefix
	cols     int // the prefix's width in columns
}

// nestCut reads a line's container prefix (white space, list markers and >) and, when it
// has more than maxNestMarkers markers or is wider than maxNestIndent columns, returns
// the part past the limit, up to the line's content. What remains opens at most
// maxNestMarkers containers within maxNestIndent columns; the content follows it.
func nestCut(line []byte) cut {
	col, markers, at := 0, 0, -1
	i := 0
prefix:
	for i < len(line) {
		n := 1
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			if c == '\t' {
				col += 4 - col%4
			} else {
				col++
			}
			if col > maxNestIndent && at < 0 {
				at = i
			}
			i++
			continue
		case c == '>':
		case c == '-' || c == '+' || c == '*':
			if !markerEnd(line, i+1) {
				break prefix
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 10 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j-i > 9 || j >= len(line) || line[j] != '.' && line[j] != ')' || !markerEnd(line, j+1) {
				break prefix
			}
			n = j + 1 - i
		default:
			break prefix
		}
		if markers++; (markers > maxNestMarkers || col+n > maxNestIndent) && at < 0 {
			at = i
		}
		col += n
		i += n
	}
	if at < 0 {
		return cut{}
	}
	if markers <= maxNestMarkers && len(bytes.TrimSpace(line[i:])) == 0 {
		return cut{} // only white space: no nesting, and nothing for goldmark to do
	}
	return cut{cut: true, from: at, to: i, markers: markers, cols: col}
}

// markerEnd reports whether a list marker that ends before line[i] is one: white space or
// the end of the line follows it.
func markerEnd(line []byte, i int) bool {
	return i >= len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'
}

// offsetPos is the position of a byte offset of src, for a page that is not read.
func offsetPos(file string, src []byte, off int) model.Pos {
	off = min(off, len(src))
	line := bytes.Count(src[:off], []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	return model.Pos{File: file, Line: line, Col: col}
}

// sizeText prints a size in MiB.
func sizeText(n int) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// badRune reports whether s holds U+FFFD (a byte that was not UTF-8, or the character
// itself, which no path or name has a use for) or a control character: such text is
// refused where a path or a name is read, so that it never reaches generated code.
func badRune(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}
