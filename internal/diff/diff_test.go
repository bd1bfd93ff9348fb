package diff

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// numbered returns "line<from>\n" ... "line<to>\n".
func numbered(from, to int) string {
	var sb strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&sb, "line%d\n", i)
	}
	return sb.String()
}

// replaceLine returns s with the 1-based line n replaced by repl (which must
// include its newline).
func replaceLine(s string, n int, repl string) string {
	lines := strings.SplitAfter(s, "\n")
	lines[n-1] = repl
	return strings.Join(lines, "")
}

func TestUnified(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{
			name: "equal",
			old:  numbered(1, 5),
			new:  numbered(1, 5),
			want: "",
		},
		{
			name: "both empty",
			want: "",
		},
		{
			name: "one line changed in the middle",
			old:  numbered(1, 20),
			new:  replaceLine(numbered(1, 20), 10, "changed\n"),
			want: `--- a
+++ b
@@ -7,7 +7,7 @@
 line7
 line8
 line9
-line10
+changed
 line11
 line12
 line13
`,
		},
		{
			name: "insertion at start",
			old:  numbered(1, 5),
			new:  "new\n" + numbered(1, 5),
			want: `--- a
+++ b
@@ -1,3 +1,4 @@
+new
 line1
 line2
 line3
`,
		},
		{
			name: "deletion at end",
			old:  numbered(1, 10),
			new:  numbered(1, 8),
			want: `--- a
+++ b
@@ -6,5 +6,3 @@
 line6
 line7
 line8
-line9
-line10
`,
		},
		{
			name: "added file",
			old:  "",
			new:  numbered(1, 3),
			want: `--- a
+++ b
@@ -0,0 +1,3 @@
+line1
+line2
+line3
`,
		},
		{
			name: "added one-line file",
			old:  "",
			new:  numbered(1, 1),
			want: `--- a
+++ b
@@ -0,0 +1 @@
+line1
`,
		},
		{
			name: "removed file",
			old:  numbered(1, 3),
			new:  "",
			want: `--- a
+++ b
@@ -1,3 +0,0 @@
-line1
-line2
-line3
`,
		},
		{
			name: "no trailing newline in either",
			old:  "a\nb\nc",
			new:  "a\nb\nd",
			want: `--- a
+++ b
@@ -1,3 +1,3 @@
 a
 b
-c
\ No newline at end of file
+d
\ No newline at end of file
`,
		},
		{
			name: "trailing newline added",
			old:  "a\nb",
			new:  "a\nb\n",
			want: `--- a
+++ b
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+b
`,
		},
		{
			name: "context line without trailing newline",
			old:  "a\nb\nc\nd\ne",
			new:  "a\nB\nc\nd\ne",
			want: `--- a
+++ b
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
\ No newline at end of file
`,
		},
		{
			name: "two distant changes give two hunks",
			old:  numbered(1, 30),
			new:  replaceLine(replaceLine(numbered(1, 30), 5, "five\n"), 25, "twentyfive\n"),
			want: `--- a
+++ b
@@ -2,7 +2,7 @@
 line2
 line3
 line4
-line5
+five
 line6
 line7
 line8
@@ -22,7 +22,7 @@
 line22
 line23
 line24
-line25
+twentyfive
 line26
 line27
 line28
`,
		},
		{
			name: "two near changes merged into one hunk",
			old:  numbered(1, 30),
			new:  replaceLine(replaceLine(numbered(1, 30), 10, "ten\n"), 17, "seventeen\n"),
			want: `--- a
+++ b
@@ -7,14 +7,14 @@
 line7
 line8
 line9
-line10
+ten
 line11
 line12
 line13
 line14
 line15
 line16
-line17
+seventeen
 line18
 line19
 line20
`,
		},
		{
			name: "changes separated by seven lines stay separate",
			old:  numbered(1, 30),
			new:  replaceLine(replaceLine(numbered(1, 30), 10, "ten\n"), 18, "eighteen\n"),
			want: `--- a
+++ b
@@ -7,7 +7,7 @@
 line7
 line8
 line9
-line10
+ten
 line11
 line12
 line13
@@ -15,7 +15,7 @@
 line15
 line16
 line17
-line18
+eighteen
 line19
 line20
 line21
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unified("a", "b", []byte(tt.old), []byte(tt.new))
			if got != tt.want {
				t.Errorf("Unified mismatch\n--- got ---\n%s--- want ---\n%s", got, tt.want)
			}
			if got != "" {
				checkApply(t, tt.old, tt.new, got)
			}
		})
	}
}

// hunkHeader parses "@@ -a[,b] +c[,d] @@" and returns the zero-based start
// offsets (the position before which the hunk applies) and line counts.
func hunkHeader(line string) (aStart, aCount, bStart, bCount int, err error) {
	rest, ok := strings.CutPrefix(line, "@@ -")
	if !ok {
		return 0, 0, 0, 0, fmt.Errorf("bad hunk header %q", line)
	}
	rest, ok = strings.CutSuffix(rest, " @@")
	if !ok {
		return 0, 0, 0, 0, fmt.Errorf("bad hunk header %q", line)
	}
	oldR, newR, ok := strings.Cut(rest, " +")
	if !ok {
		return 0, 0, 0, 0, fmt.Errorf("bad hunk header %q", line)
	}
	parse := func(r string) (start, count int, err error) {
		s, c, hasCount := strings.Cut(r, ",")
		start, err = strconv.Atoi(s)
		if err != nil {
			return 0, 0, err
		}
		count = 1
		if hasCount {
			if count, err = strconv.Atoi(c); err != nil {
				return 0, 0, err
			}
			if count == 1 {
				return 0, 0, errors.New("GNU diff never writes a count of 1")
			}
		}
		if count > 0 {
			start-- // one-based first line -> zero-based offset
		}
		return start, count, nil
	}
	if aStart, aCount, err = parse(oldR); err != nil {
		return
	}
	bStart, bCount, err = parse(newR)
	return
}

// apply applies a unified diff produced by Unified to old, checking headers,
// context and counts along the way.
func apply(old, patch string) (string, error) {
	a := splitLines([]byte(old))
	plines := strings.SplitAfter(patch, "\n")
	if len(plines) < 3 || !strings.HasPrefix(plines[0], "--- ") || !strings.HasPrefix(plines[1], "+++ ") {
		return "", errors.New("missing file headers")
	}
	if plines[len(plines)-1] != "" {
		return "", errors.New("patch does not end in newline")
	}
	plines = plines[2 : len(plines)-1]

	var out []string
	ai := 0 // next unconsumed line of a
	for len(plines) > 0 {
		aStart, aCount, bStart, bCount, err := hunkHeader(strings.TrimSuffix(plines[0], "\n"))
		if err != nil {
			return "", err
		}
		plines = plines[1:]
		if aStart < ai {
			return "", fmt.Errorf("hunk at %d overlaps previous hunk ending at %d", aStart, ai)
		}
		if aStart > len(a) {
			return "", fmt.Errorf("hunk start %d beyond end of file", aStart)
		}
		out = append(out, a[ai:aStart]...)
		ai = aStart
		if len(out) != bStart {
			return "", fmt.Errorf("hunk new start %d, but %d lines produced so far", bStart, len(out))
		}
		seenA, seenB := 0, 0
		// last points at the line most recently read or written, so that a
		// "\ No newline" marker can strip its newline.
		var last *string
		for len(plines) > 0 && !strings.HasPrefix(plines[0], "@@") {
			l := plines[0]
			plines = plines[1:]
			if l == noNewline {
				if last == nil || !strings.HasSuffix(*last, "\n") {
					return "", errors.New("misplaced no-newline marker")
				}
				*last = strings.TrimSuffix(*last, "\n")
				continue
			}
			if l == "" {
				return "", errors.New("empty patch line")
			}
			body := l[1:]
			switch l[0] {
			case ' ', '-':
				if ai >= len(a) {
					return "", errors.New("hunk runs past end of old file")
				}
				// Consume a no-newline marker here so the line can be
				// compared with the old file as it really is.
				if len(plines) > 0 && plines[0] == noNewline {
					body = strings.TrimSuffix(body, "\n")
					plines = plines[1:]
				}
				if body != a[ai] {
					return "", fmt.Errorf("old line %d: patch has %q, file has %q", ai+1, body, a[ai])
				}
				ai++
				seenA++
				if l[0] == ' ' {
					out = append(out, body)
					seenB++
				}
				last = nil
			case '+':
				out = append(out, body)
				last = &out[len(out)-1]
				seenB++
			default:
				return "", fmt.Errorf("bad patch line %q", l)
			}
		}
		if seenA != aCount || seenB != bCount {
			return "", fmt.Errorf("hunk counts -%d +%d, but saw -%d +%d", aCount, bCount, seenA, seenB)
		}
	}
	out = append(out, a[ai:]...)
	return strings.Join(out, ""), nil
}

func checkApply(t *testing.T, old, new, patch string) {
	t.Helper()
	got, err := apply(old, patch)
	if err != nil {
		t.Fatalf("applying diff: %v\nold:\n%q\nnew:\n%q\ndiff:\n%s", err, old, new, patch)
	}
	if got != new {
		t.Fatalf("applying diff gave wrong result\nold: %q\nnew: %q\ngot: %q\ndiff:\n%s", old, new, got, patch)
	}
}

// randomText returns up to maxLines lines drawn from a small alphabet so that
// repeated lines (and thus ambiguous alignments) are common. The final
// newline is sometimes omitted.
func randomText(r *rand.Rand, maxLines int) string {
	n := r.IntN(maxLines + 1)
	var sb strings.Builder
	for range n {
		sb.WriteByte("abcd"[r.IntN(4)])
		sb.WriteByte('\n')
	}
	s := sb.String()
	if s != "" && r.IntN(4) == 0 {
		s = s[:len(s)-1]
	}
	return s
}

// mutate derives a new text from old by random deletions, insertions and
// replacements of lines, optionally toggling the final newline.
func mutate(r *rand.Rand, old string, alphabet func() string) string {
	lines := splitLines([]byte(old))
	var out []string
	for _, l := range lines {
		switch r.IntN(8) {
		case 0: // delete
		case 1: // replace
			out = append(out, alphabet())
		case 2: // insert before
			out = append(out, alphabet(), l)
		default:
			out = append(out, l)
		}
	}
	if r.IntN(6) == 0 {
		out = append(out, alphabet())
	}
	s := strings.Join(out, "")
	if r.IntN(5) == 0 {
		if strings.HasSuffix(s, "\n") {
			s = s[:len(s)-1]
		} else if s != "" {
			s += "\n"
		}
	}
	return s
}

// lcsLen is the quadratic dynamic-programming longest common subsequence,
// used to check that the diff is minimal.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// countChanges counts the '-' and '+' lines of a diff.
func countChanges(patch string) int {
	n := 0
	for i, l := range strings.Split(patch, "\n") {
		if i >= 2 && (strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+")) {
			n++
		}
	}
	return n
}

func TestApplyRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	letter := func() string { return string("abcdx"[r.IntN(5)]) + "\n" }
	for i := range 600 {
		old := randomText(r, 15)
		var new string
		if i%2 == 0 {
			new = randomText(r, 15) // unrelated text
		} else {
			new = mutate(r, old, letter) // small edits
		}
		patch := Unified("old", "new", []byte(old), []byte(new))
		if (patch == "") != (old == new) {
			t.Fatalf("old %q new %q: got diff %q", old, new, patch)
		}
		if patch == "" {
			continue
		}
		checkApply(t, old, new, patch)
		a, b := splitLines([]byte(old)), splitLines([]byte(new))
		if got, want := countChanges(patch), len(a)+len(b)-2*lcsLen(a, b); got != want {
			t.Fatalf("diff not minimal: %d changed lines, want %d\nold %q\nnew %q\n%s", got, want, old, new, patch)
		}
	}
}

// uniqueTexts returns an old text of distinct lines and a new text derived
// from it by deleting, replacing and inserting lines, where every inserted
// line is fresh. The longest common subsequence is then unique, so any
// correct minimal diff tool must report exactly the same changes.
func uniqueTexts(r *rand.Rand) (old, new string) {
	fresh := 0
	newLine := func() string { fresh++; return fmt.Sprintf("new%d\n", fresh) }
	n := r.IntN(40)
	old = numbered(1, n)
	if r.IntN(5) == 0 && old != "" {
		old = old[:len(old)-1]
	}
	return old, mutate(r, old, newLine)
}

func TestAgainstGNUDiff(t *testing.T) {
	diffPath, err := exec.LookPath("diff")
	if err != nil {
		t.Skip("diff not found in PATH")
	}
	if out, err := exec.Command(diffPath, "--version").Output(); err != nil || !bytes.Contains(out, []byte("GNU")) {
		t.Skip("diff is not GNU diff")
	}
	dir := t.TempDir()
	oldPath := filepath.Join(dir, "old")
	newPath := filepath.Join(dir, "new")
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 60 {
		old, new := uniqueTexts(r)
		if err := os.WriteFile(oldPath, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(newPath, []byte(new), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(diffPath, "-u", oldPath, newPath).Output()
		var exitErr *exec.ExitError
		if err != nil && !(errors.As(err, &exitErr) && exitErr.ExitCode() == 1) {
			t.Fatalf("diff -u: %v", err)
		}
		want := stripHeaders(string(out))
		got := stripHeaders(Unified("old", "new", []byte(old), []byte(new)))
		if got != want {
			t.Fatalf("case %d: output differs from diff -u\nold %q\nnew %q\n--- got ---\n%s--- diff -u ---\n%s", i, old, new, got, want)
		}
	}
}

// stripHeaders removes the "---" and "+++" lines from a unified diff.
func stripHeaders(s string) string {
	if s == "" {
		return ""
	}
	_, rest, _ := strings.Cut(s, "\n")
	_, rest, _ = strings.Cut(rest, "\n")
	return rest
}

func TestAgainstPatch(t *testing.T) {
	patchPath, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch not found in PATH")
	}
	dir := t.TempDir()
	oldPath := filepath.Join(dir, "old")
	outPath := filepath.Join(dir, "out")
	diffFile := filepath.Join(dir, "diff")
	r := rand.New(rand.NewPCG(5, 6))
	letter := func() string { return string("abcdx"[r.IntN(5)]) + "\n" }
	for i := range 40 {
		old := randomText(r, 15)
		new := mutate(r, old, letter)
		d := Unified("old", "new", []byte(old), []byte(new))
		if d == "" {
			continue
		}
		if err := os.WriteFile(oldPath, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(diffFile, []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(outPath)
		cmd := exec.Command(patchPath, "-s", "-f", "--no-backup-if-mismatch", "-o", outPath, oldPath, "-i", diffFile)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("case %d: patch failed: %v\n%s\nold %q\nnew %q\n%s", i, err, out, old, new, d)
		}
		got, err := os.ReadFile(outPath)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		if string(got) != new {
			t.Fatalf("case %d: patch produced %q, want %q\ndiff:\n%s", i, got, new, d)
		}
	}
}

// TestLarge checks that big inputs with few changes, and big inputs that are
// entirely different, are handled quickly and correctly.
func TestLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var sb strings.Builder
	for i := range 20000 {
		// Many repeated lines, as in generated Go code.
		switch i % 5 {
		case 0:
			sb.WriteString("}\n")
		case 1:
			sb.WriteString("\n")
		default:
			fmt.Fprintf(&sb, "\tx%d := f(%d)\n", i, r.IntN(1000))
		}
	}
	old := sb.String()
	lines := splitLines([]byte(old))
	for _, n := range []int{100, 5000, 12345, 19990} {
		lines[n] = "\tchanged()\n"
	}
	lines = append(lines[:300], lines[310:]...)
	new := strings.Join(lines, "")

	start := time.Now()
	d := Unified("old", "new", []byte(old), []byte(new))
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("few changes in a large file took %v", el)
	}
	checkApply(t, old, new, d)
	if got := countChanges(d); got != 18 {
		t.Errorf("got %d changed lines, want 18", got)
	}

	// Completely rewritten file with many shared lines ("}" and blanks).
	var sb2 strings.Builder
	for i := range 20000 {
		if i%3 == 0 {
			sb2.WriteString("}\n")
		} else {
			fmt.Fprintf(&sb2, "y%d\n", i)
		}
	}
	other := sb2.String()
	start = time.Now()
	d = Unified("old", "new", []byte(old), []byte(other))
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("rewritten large file took %v", el)
	}
	checkApply(t, old, other, d)
}

func BenchmarkFewChanges(b *testing.B) {
	old := numbered(1, 20000)
	new := replaceLine(replaceLine(old, 7000, "x\n"), 15000, "y\n")
	for b.Loop() {
		Unified("a", "b", []byte(old), []byte(new))
	}
}

// BenchmarkManyChanges diffs two unrelated 10k-line texts over a two-line
// alphabet, where no line can be discarded and the edit distance is large.
func BenchmarkManyChanges(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 10))
	var sa, sb strings.Builder
	for range 10000 {
		sa.WriteString([]string{"a\n", "b\n"}[r.IntN(2)])
		sb.WriteString([]string{"a\n", "b\n"}[r.IntN(2)])
	}
	old, new := []byte(sa.String()), []byte(sb.String())
	for b.Loop() {
		Unified("a", "b", old, new)
	}
}
