package lint

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// finding is one diagnostic in --format json.
type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// Write prints the diagnostics, in the order given, in one format.
func Write(w io.Writer, ds model.Diagnostics, f Format) error {
	switch f {
	case JSON:
		out := []finding{}
		for _, d := range ds {
			out = append(out, finding{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Code, d.Message})
		}
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case GitHub:
		var b strings.Builder
		for _, d := range ds {
			b.WriteString(annotation(d))
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	_, err := io.WriteString(w, ds.String())
	return err
}

// annotation writes a GitHub Actions workflow command for a diagnostic:
// ::warning file=docs/api/user-get.md,line=12,col=3,title=link-broken::message
func annotation(d model.Diagnostic) string {
	var props []string
	if d.Pos.File != "" {
		props = append(props, "file="+escapeProperty(d.Pos.File))
	}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
	}
	if d.Pos.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
	}
	props = append(props, "title="+escapeProperty(d.Code))
	return "::" + d.Severity.String() + " " + strings.Join(props, ",") + "::" + escapeData(d.Message)
}

// escapeData and escapeProperty escape as the Actions toolkit does (@actions/core).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// CodeCount is how often a code occurs, by severity.
type CodeCount struct {
	Code     string
	Severity model.Severity
	Count    int
}

// Summarize counts the diagnostics by severity and code: errors first, then the most
// frequent, then by code.
func Summarize(ds model.Diagnostics) []CodeCount {
	type key struct {
		sev  model.Severity
		code string
	}
	n := map[key]int{}
	for _, d := range ds {
		n[key{d.Severity, d.Code}]++
	}
	var out []CodeCount
	for k, c := range n {
		out = append(out, CodeCount{k.code, k.sev, c})
	}
	slices.SortFunc(out, func(a, b CodeCount) int {
		return cmp.Or(cmp.Compare(a.Severity, b.Severity), cmp.Compare(b.Count, a.Count), strings.Compare(a.Code, b.Code))
	})
	return out
}

// WriteSummary prints Summarize's counts as a markdown table.
func WriteSummary(w io.Writer, ds model.Diagnostics) error {
	var b strings.Builder
	b.WriteString("| severity | code | findings |\n|---|---|---:|\n")
	for _, c := range Summarize(ds) {
		fmt.Fprintf(&b, "| %s | `%s` | %d |\n", c.Severity, c.Code, c.Count)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
