package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a source page: a slash-separated file name relative to the input
// root, and 1-based line and column (in bytes). The zero Pos means "no position".
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, line and column.
func (p Pos) Compare(q Pos) int {
	if c := strings.Compare(p.File, q.File); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Line, q.Line); c != 0 {
		return c
	}
	return cmp.Compare(p.Col, q.Col)
}

// Severity says how bad a diagnostic is. Errors make the command exit 1.
type Severity int

// The severities, from most to least severe.
const (
	Error Severity = iota
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one finding about the input: what could not be used, or what looks wrong.
// Code is stable (lower-case words joined by dashes) so tools and tests can match it.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     string
	Message  string
}

// String formats the diagnostic as "file:line:col: severity: code: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", d.Pos, d.Severity, d.Code, d.Message)
}

// Diagnostics is a list of findings, collected rather than returned one at a time.
type Diagnostics []Diagnostic

// Addf appends a diagnostic.
func (ds *Diagnostics) Addf(pos Pos, sev Severity, code, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the diagnostics by position, then severity, code and message, and drops
// exact duplicates.
func (ds Diagnostics) Sort() Diagnostics {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Severity, b.Severity); c != 0 {
			return c
		}
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.Compact(ds)
}

// Errors counts the diagnostics of severity Error.
func (ds Diagnostics) Errors() int {
	n := 0
	for _, d := range ds {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// String prints one diagnostic a line.
func (ds Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// IsValid reports whether the position names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// Or returns p, or q when p is the zero Pos.
func (p Pos) Or(q Pos) Pos {
	if p.File == "" {
		return q
	}
	return p
}
