package parse

import (
	"sort"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// lines converts byte offsets into line and column numbers of the page as written. The
// text goldmark reads may differ from it (see gate): edits maps its offsets back.
type lines struct {
	file   string
	starts []int  // byte offset at which each line of the page starts
	edits  []edit // the gate's replacements, in order
}

func newLines(file string, src []byte, edits []edit) *lines {
	l := &lines{file: file, starts: []int{0}, edits: edits}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// orig maps an offset of the text goldmark reads to one of the page: an offset inside a
// replacement is the replaced bytes' start.
func (l *lines) orig(off int) int {
	if len(l.edits) == 0 {
		return off
	}
	i := sort.Search(len(l.edits), func(i int) bool { return l.edits[i].clean > off }) - 1
	if i < 0 {
		return off
	}
	e := l.edits[i]
	if off < e.clean+e.cleanLen {
		return e.orig
	}
	return off - (e.clean + e.cleanLen) + e.orig + e.origLen
}

// pos returns the position of a byte offset of the text goldmark reads.
func (l *lines) pos(off int) model.Pos { return l.origPos(l.orig(off)) }

// origPos returns the position of a byte offset of the page as written.
func (l *lines) origPos(off int) model.Pos {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return model.Pos{File: l.file, Line: i + 1, Col: off - l.starts[i] + 1}
}

// line returns the position of the start of a 1-based line.
func (l *lines) line(n int) model.Pos {
	return model.Pos{File: l.file, Line: n, Col: 1}
}
