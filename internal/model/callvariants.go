package model

import (
	"slices"
	"strings"
)

// callVariantsFromExamples adds the other form of a function call whose arguments the
// page's Function parameters table marks optional, one row and all, when an example calls
// that form: workbookrange-rowsabove.md lists rowsAbove(count={count}) and an example also
// calls .../range/rowsAbove; worksheet-usedrange.md lists usedRange and its example calls
// usedRange(valuesOnly=true). Each form becomes a method of its own (GetMe...RowsAbove and
// GetMe...RowsAboveByCount), so an optional argument is one a caller can leave out.
func callVariantsFromExamples(p *Page, op *Operation, ds *Diagnostics) {
	if op.Method != "GET" {
		return
	}
	rows := map[string]Param{}
	allOptional := true // every row says Optional: the bare call and the full one are both forms
	for _, tp := range p.Params {
		if tp.In != InFunction {
			continue
		}
		allOptional = allOptional && tp.Presence == Optional
		rows[strings.ToLower(tp.Name)] = tp
	}
	if len(rows) == 0 {
		return
	}
	lines := slices.Clone(op.Paths)
	for _, line := range lines {
		n := len(line.Segments)
		if n < 2 || len(line.Query) > 0 {
			continue
		}
		last := line.Segments[n-1]
		head, args, isCall := callOf(last)
		if head == "" {
			continue
		}
		for _, ex := range p.Examples {
			if ex.Kind != ExampleRequest || ex.Method != "GET" || ex.Path == nil || len(ex.Path.Segments) < 2 {
				continue
			}
			exHead, exArgs, exCall := callOf(ex.Path.Segments[len(ex.Path.Segments)-1])
			if !strings.EqualFold(exHead, head) || exCall == isCall && len(exArgs) == len(args) {
				continue
			}
			var seg Segment
			switch {
			case isCall && !exCall && allOptional && allRows(args, rows):
				// rowsAbove(count={count}) called as rowsAbove: every argument optional.
				seg = Segment{Parts: []Part{{Literal: head}}}
			case !isCall && exCall && allOptional && allRows(exArgs, rows):
				seg = callSegment(head, exArgs, rows)
			case isCall && exCall && allRows(args, rows) && someOf(exArgs, args) && !requiredLeftOut(args, exArgs, rows):
				// doesUserHaveAccess(userId=…,tenantId=…,userPrincipalName=…) called with
				// userPrincipalName alone: the arguments it leaves out can be left out, unless
				// a row says Required.
				seg = callSegment(head, exArgs, rows)
			default:
				continue
			}
			v := Path{Segments: append(slices.Clone(line.Segments[:n-1]), seg)}
			if slices.ContainsFunc(op.Paths, func(q Path) bool { return sameCall(q, v) }) {
				continue // a line has this form already, maybe written otherwise (an enum's type-prefixed literal)
			}
			op.Paths = append(op.Paths, v)
			ds.Addf(ex.Pos, Warning, "call-variant-from-example",
				"%s: the Function parameters table marks the arguments optional and this example calls %s; that form is a method too", line, v.Segments[n-1])
		}
	}
}

// callOf reads a segment as a function call: its name, the names of its arguments, and
// whether it has parentheses at all. The name is "" when the segment is no plain name or
// call (a key, a cast, $value).
func callOf(s Segment) (head string, args []string, isCall bool) {
	text := s.String()
	if lit, ok := s.Literal(); ok && !strings.Contains(lit, "(") {
		if lit == "" || strings.ContainsAny(lit, "$.:{}'") {
			return "", nil, false
		}
		return lit, nil, false
	}
	open := strings.IndexByte(text, '(')
	if open <= 0 || !strings.HasSuffix(text, ")") || strings.HasPrefix(text, "{") {
		return "", nil, false
	}
	head = text[:open]
	for _, a := range strings.Split(text[open+1:len(text)-1], ",") {
		name, _, ok := strings.Cut(a, "=")
		if !ok {
			return "", nil, false // a key in parentheses: worksheets('{id}')
		}
		args = append(args, strings.TrimSpace(name))
	}
	return head, args, true
}

// someOf reports whether sub names some but not all of names, and nothing else.
func someOf(sub, names []string) bool {
	if len(sub) == 0 || len(sub) >= len(names) {
		return false
	}
	for _, n := range sub {
		if !slices.ContainsFunc(names, func(m string) bool { return strings.EqualFold(m, n) }) {
			return false
		}
	}
	return true
}

// requiredLeftOut reports whether a name of all that called leaves out is a row marked
// Required.
func requiredLeftOut(all, called []string, rows map[string]Param) bool {
	for _, n := range all {
		if !slices.ContainsFunc(called, func(m string) bool { return strings.EqualFold(m, n) }) && rows[strings.ToLower(n)].Presence == Required {
			return true
		}
	}
	return false
}

// allRows reports whether every name is a row of the Function parameters table.
func allRows(names []string, rows map[string]Param) bool {
	for _, n := range names {
		if _, ok := rows[strings.ToLower(n)]; !ok {
			return false
		}
	}
	return len(names) > 0
}

// callSegment is name(a={a},b='{b}'), each argument a placeholder named as its row, a
// String one an OData string literal.
func callSegment(head string, args []string, rows map[string]Param) Segment {
	var parts []Part
	for i, a := range args {
		sep := ","
		if i == 0 {
			sep = head + "("
		}
		row := rows[strings.ToLower(a)]
		quoted := row.Type.Kind == KindPrimitive && row.Type.Primitive == String && !row.Type.Collection
		parts = append(parts, Part{Literal: sep + row.Name + "="}, Part{Param: row.Name, Function: true, Quoted: quoted})
	}
	parts = append(parts, Part{Literal: ")"})
	return Segment{Parts: parts}
}

// sameCall reports whether two paths reach the same function by the same segments and
// call it with the same argument names.
func sameCall(a, b Path) bool {
	n := len(a.Segments)
	if n != len(b.Segments) || n == 0 || (Path{Segments: a.Segments[:n-1]}).Shape() != (Path{Segments: b.Segments[:n-1]}).Shape() {
		return false
	}
	ha, aa, ca := callOf(a.Segments[n-1])
	hb, ab, cb := callOf(b.Segments[n-1])
	return ha != "" && strings.EqualFold(ha, hb) && ca == cb && slices.EqualFunc(aa, ab, strings.EqualFold)
}
