package model

import (
	"regexp"
	"slices"
)

// A row whose type no page documents (externalgroup-post-members.md's `type`, a
// microsoft.graph.externalConnectors.externalGroupMemberType) often says what values it
// takes: "Possible values are: `user` or `group` when the identitySource is ...". The type
// is then an enum of those values, not raw JSON: a raw placeholder sends null for a
// required row, and a caller could not write "user" without hand-made JSON.

// possibleCue is where a description starts listing a row's values.
var possibleCue = regexp.MustCompile("(?i)\\b(?:the )?possible values (?:are|include)\\b:?\\s*")

// listedValue is one value of such a list, and listSep what joins it to the next.
var (
	listedValue = regexp.MustCompile("^(`?)([A-Za-z][A-Za-z0-9_]*)\\b(`?)")
	listSep     = regexp.MustCompile(`^(?:\s*,\s*(?:and |or )?|\s+(?:and|or)\s+)`)
)

// possibleValues are the values a description lists after "Possible values are": the run
// of names (in backticks or not: the parser keeps a cell's text) joined by commas, "or"
// and "and", which ends at the first other text ("user or group when the identitySource
// is azureActiveDirectory" lists user and group). Fewer than two is no list.
func possibleValues(desc string) []string {
	loc := possibleCue.FindStringIndex(desc)
	if loc == nil {
		return nil
	}
	rest := desc[loc[1]:]
	var vals []string
	for {
		m := listedValue.FindStringSubmatch(rest)
		if m == nil || m[1] != m[3] {
			break
		}
		if !slices.Contains(vals, m[2]) {
			vals = append(vals, m[2])
		}
		rest = rest[len(m[0]):]
		sep := listSep.FindString(rest)
		if sep == "" {
			break
		}
		rest = rest[len(sep):]
	}
	if len(vals) < 2 {
		return nil
	}
	return vals
}

// addValues adds to members the values another row lists that they lack.
func addValues(members []EnumMember, vals []string, pos Pos) []EnumMember {
	for _, v := range vals {
		if !slices.ContainsFunc(members, func(m EnumMember) bool { return m.Name == v }) {
			members = append(members, EnumMember{Name: v, Pos: pos})
		}
	}
	return members
}
