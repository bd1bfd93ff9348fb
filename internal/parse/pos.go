package parse

import (
	"sort"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// lines converts byte offsets into line and column numbers.
type lines struct {
	file   string
	starts []int // byte offset at which each line starts
}

func newLines(file string, src []byte) *lines {
	l := &lines{file: file, starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// pos returns the position of a byte offset.
func (l *lines) pos(off int) model.Pos {
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
