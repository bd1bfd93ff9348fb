package diff

import (
	"bytes"
	"fmt"
	"strings"
)

// context is the number of unchanged lines shown around each change, as with
// "diff -u".
const context = 3

// noNewline is the marker GNU diff prints after a line that is the final line
// of its file and is not terminated by a newline.
const noNewline = "\\ No newline at end of file\n"

// Unified returns a unified diff (like `diff -u`, 3 lines of context) turning old into new, with
// headers "--- oldName" and "+++ newName" and standard "@@ -a,b +c,d @@" hunk headers.
// It returns "" when old and new are equal. Lines are split on '\n'; a final line without a
// trailing newline is marked with "\\ No newline at end of file" as GNU diff does.
//
// As in GNU diff, a range of exactly one line is written without its count
// ("@@ -3 +3 @@") and an empty range is written as the line number preceding
// it with a count of zero ("@@ -0,0 +1,2 @@").
func Unified(oldName, newName string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a := splitLines(old)
	b := splitLines(new)
	changes := compare(a, b)
	if len(changes) == 0 {
		return ""
	}

	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	for len(changes) > 0 {
		// Collect the changes that belong to one hunk: GNU diff merges two
		// changes when at most 2*context unchanged lines separate them.
		n := 1
		for n < len(changes) && changes[n].a-changes[n-1].aEnd() <= 2*context {
			n++
		}
		writeHunk(&sb, a, b, changes[:n])
		changes = changes[n:]
	}
	return sb.String()
}

// change describes one run of deleted and/or inserted lines: del lines
// starting at index a of the old file are replaced by ins lines starting at
// index b of the new file.
type change struct {
	a, del int
	b, ins int
}

func (c change) aEnd() int { return c.a + c.del }
func (c change) bEnd() int { return c.b + c.ins }

// writeHunk writes one hunk covering the given changes, which must be close
// enough to each other to be merged.
func writeHunk(sb *strings.Builder, a, b []string, cs []change) {
	first, last := cs[0], cs[len(cs)-1]
	aStart := max(0, first.a-context)
	bStart := first.b - (first.a - aStart)
	aEnd := min(len(a), last.aEnd()+context)
	bEnd := last.bEnd() + (aEnd - last.aEnd())

	fmt.Fprintf(sb, "@@ -%s +%s @@\n", rangeString(aStart, aEnd), rangeString(bStart, bEnd))
	i := aStart
	for _, c := range cs {
		for ; i < c.a; i++ {
			writeLine(sb, ' ', a[i])
		}
		for _, l := range a[c.a:c.aEnd()] {
			writeLine(sb, '-', l)
		}
		for _, l := range b[c.b:c.bEnd()] {
			writeLine(sb, '+', l)
		}
		i = c.aEnd()
	}
	for ; i < aEnd; i++ {
		writeLine(sb, ' ', a[i])
	}
}

// rangeString formats the half-open, zero-based line range [start, end) the
// way GNU diff does in unified hunk headers.
func rangeString(start, end int) string {
	switch end - start {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	default:
		return fmt.Sprintf("%d,%d", start+1, end-start)
	}
}

func writeLine(sb *strings.Builder, prefix byte, line string) {
	sb.WriteByte(prefix)
	sb.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		sb.WriteByte('\n')
		sb.WriteString(noNewline)
	}
}

// splitLines splits data into lines, each keeping its terminating '\n'. Only
// the final line may lack the terminator. Empty input has no lines.
func splitLines(data []byte) []string {
	s := string(data)
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// compare computes a minimal edit script turning a into b and returns it as a
// list of changes in increasing order.
func compare(a, b []string) []change {
	// Strip the common prefix and suffix.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am := a[pre : len(a)-suf]
	bm := b[pre : len(b)-suf]

	// Intern lines as integers so comparisons are cheap, and count how often
	// each line occurs in each input.
	ids := make(map[string]int, len(am)+len(bm))
	type counts struct{ a, b int }
	var cnt []counts
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(cnt)
				ids[l] = id
				cnt = append(cnt, counts{})
			}
			out[i] = id
		}
		return out
	}
	ai := intern(am)
	bi := intern(bm)
	for _, id := range ai {
		cnt[id].a++
	}
	for _, id := range bi {
		cnt[id].b++
	}

	// Lines that occur in only one input can never be matched; discarding
	// them does not change the longest common subsequence but can shrink the
	// problem dramatically (e.g. when most lines were rewritten).
	changedA := make([]bool, len(am))
	changedB := make([]bool, len(bm))
	var fa, fb []int // filtered ids
	var ma, mb []int // filtered index -> index in am / bm
	for i, id := range ai {
		if cnt[id].b == 0 {
			changedA[i] = true
		} else {
			fa = append(fa, id)
			ma = append(ma, i)
		}
	}
	for i, id := range bi {
		if cnt[id].a == 0 {
			changedB[i] = true
		} else {
			fb = append(fb, id)
			mb = append(mb, i)
		}
	}

	m := newMyers(fa, fb)
	m.compareSeq(0, len(fa), 0, len(fb))
	for i, c := range m.changedA {
		if c {
			changedA[ma[i]] = true
		}
	}
	for i, c := range m.changedB {
		if c {
			changedB[mb[i]] = true
		}
	}

	// Convert the change flags into runs.
	var cs []change
	i, j := 0, 0
	for i < len(am) || j < len(bm) {
		if i < len(am) && j < len(bm) && !changedA[i] && !changedB[j] {
			i++
			j++
			continue
		}
		c := change{a: i + pre, b: j + pre}
		for i < len(am) && changedA[i] {
			i++
			c.del++
		}
		for j < len(bm) && changedB[j] {
			j++
			c.ins++
		}
		cs = append(cs, c)
	}
	return cs
}

// myers holds the state of the linear-space Myers diff (as in GNU diff's
// compareseq): the two sequences, the furthest-reaching forward and backward
// vectors indexed by diagonal, and the resulting change flags.
type myers struct {
	a, b               []int
	fd, bd             []int // indexed by diagonal + off
	off                int
	changedA, changedB []bool
}

func newMyers(a, b []int) *myers {
	n := len(a) + len(b) + 3
	return &myers{
		a:        a,
		b:        b,
		fd:       make([]int, n),
		bd:       make([]int, n),
		off:      len(b) + 1,
		changedA: make([]bool, len(a)),
		changedB: make([]bool, len(b)),
	}
}

// compareSeq marks the changed elements of a[xoff:xlim] and b[yoff:ylim].
func (m *myers) compareSeq(xoff, xlim, yoff, ylim int) {
	for {
		for xoff < xlim && yoff < ylim && m.a[xoff] == m.b[yoff] {
			xoff++
			yoff++
		}
		for xoff < xlim && yoff < ylim && m.a[xlim-1] == m.b[ylim-1] {
			xlim--
			ylim--
		}
		if xoff == xlim {
			for y := yoff; y < ylim; y++ {
				m.changedB[y] = true
			}
			return
		}
		if yoff == ylim {
			for x := xoff; x < xlim; x++ {
				m.changedA[x] = true
			}
			return
		}
		xmid, ymid := m.midSnake(xoff, xlim, yoff, ylim)
		// Recurse on the smaller half and loop on the other to bound the
		// stack depth.
		if xmid-xoff+ymid-yoff < xlim-xmid+ylim-ymid {
			m.compareSeq(xoff, xmid, yoff, ymid)
			xoff, yoff = xmid, ymid
		} else {
			m.compareSeq(xmid, xlim, ymid, ylim)
			xlim, ylim = xmid, ymid
		}
	}
}

// midSnake finds a point (x, y) on an optimal edit path for a[xoff:xlim]
// versus b[yoff:ylim] that splits the edit cost roughly in half. Both
// sequences must be non-empty and differ in their first and last elements.
func (m *myers) midSnake(xoff, xlim, yoff, ylim int) (int, int) {
	a, b, fd, bd, off := m.a, m.b, m.fd, m.bd, m.off
	dmin := xoff - ylim // minimum valid diagonal
	dmax := xlim - yoff // maximum valid diagonal
	fmid := xoff - yoff // center diagonal of the forward search
	bmid := xlim - ylim // center diagonal of the backward search
	fmin, fmax := fmid, fmid
	bmin, bmax := bmid, bmid
	odd := (fmid-bmid)&1 != 0

	fd[off+fmid] = xoff
	bd[off+bmid] = xlim
	const inf = int(^uint(0) >> 1)

	for {
		// Extend the forward search by one edit.
		if fmin > dmin {
			fmin--
			fd[off+fmin-1] = -1
		} else {
			fmin++
		}
		if fmax < dmax {
			fmax++
			fd[off+fmax+1] = -1
		} else {
			fmax--
		}
		for d := fmax; d >= fmin; d -= 2 {
			tlo, thi := fd[off+d-1], fd[off+d+1]
			x := thi
			if tlo >= thi {
				x = tlo + 1
			}
			y := x - d
			for x < xlim && y < ylim && a[x] == b[y] {
				x++
				y++
			}
			fd[off+d] = x
			if odd && bmin <= d && d <= bmax && bd[off+d] <= x {
				return x, y
			}
		}

		// Extend the backward search by one edit.
		if bmin > dmin {
			bmin--
			bd[off+bmin-1] = inf
		} else {
			bmin++
		}
		if bmax < dmax {
			bmax++
			bd[off+bmax+1] = inf
		} else {
			bmax--
		}
		for d := bmax; d >= bmin; d -= 2 {
			tlo, thi := bd[off+d-1], bd[off+d+1]
			x := thi - 1
			if tlo < thi {
				x = tlo
			}
			y := x - d
			for xoff < x && yoff < y && a[x-1] == b[y-1] {
				x--
				y--
			}
			bd[off+d] = x
			if !odd && fmin <= d && d <= fmax && x <= fd[off+d] {
				return x, y
			}
		}
	}
}
