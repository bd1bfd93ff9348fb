package emit

import (
	"fmt"
	"strings"
	"testing"
)

// The --check output promises GNU "diff -u" form; these cases pin what unifiedDiff gives
// (go-udiff's Myers diff, rendered as gopls renders it).

// numbered returns "line<from>\n" ... "line<to>\n".
func numberedLines(from, to int) string {
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

func TestUnifiedDiff(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{
			name: "equal",
			old:  numberedLines(1, 5),
			new:  numberedLines(1, 5),
			want: "",
		},
		{
			name: "both empty",
			want: "",
		},
		{
			name: "one line changed in the middle",
			old:  numberedLines(1, 20),
			new:  replaceLine(numberedLines(1, 20), 10, "changed\n"),
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
			old:  numberedLines(1, 5),
			new:  "new\n" + numberedLines(1, 5),
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
			old:  numberedLines(1, 10),
			new:  numberedLines(1, 8),
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
			new:  numberedLines(1, 3),
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
			new:  numberedLines(1, 1),
			want: `--- a
+++ b
@@ -0,0 +1 @@
+line1
`,
		},
		{
			name: "removed file",
			old:  numberedLines(1, 3),
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
			old:  numberedLines(1, 30),
			new:  replaceLine(replaceLine(numberedLines(1, 30), 5, "five\n"), 25, "twentyfive\n"),
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
			old:  numberedLines(1, 30),
			new:  replaceLine(replaceLine(numberedLines(1, 30), 10, "ten\n"), 17, "seventeen\n"),
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
			old:  numberedLines(1, 30),
			new:  replaceLine(replaceLine(numberedLines(1, 30), 10, "ten\n"), 18, "eighteen\n"),
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
			got := unifiedDiff("a", "b", []byte(tt.old), []byte(tt.new))
			if got != tt.want {
				t.Errorf("unifiedDiff mismatch\n--- got ---\n%s--- want ---\n%s", got, tt.want)
			}
		})
	}
}
