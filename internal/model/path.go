package model

import "strings"

// RequestLine is one line of an HTTP request block: "POST /vppTokens/{vppTokenId}/revokeLicenses".
type RequestLine struct {
	Raw    string // the line as written
	Method string // upper case
	Path   Path
	Label  string // prose or heading that introduces the block, if any
	Pos    Pos
}

// Path is a parsed path template.
type Path struct {
	Segments []Segment
	Query    []QueryParam // a query string written into the template
	// Target is what the path addresses, set by Build's endpoint map (endpoints.go); nil
	// before, and for paths the type graph cannot follow it has Kind TargetUnknown.
	Target *Target
	// Example is where an example request showed this path, when no request line of
	// its page has its shape and the endpoint map adopted it (endpointexamples.go).
	Example Pos
}

// Segment is one slash-separated segment, split into literal text and placeholders.
type Segment struct {
	Parts []Part
}

// Part is literal text or a placeholder within a segment.
type Part struct {
	Literal      string   // literal text, when Param is empty
	Param        string   // the parameter's name, unique within the path
	Alternatives []string // {id | userPrincipalName}: every spelling, first is the one Param derives from
	Quoted       bool     // the template wraps the value in single quotes: an OData string literal
	Function     bool     // an argument of a function-call segment
	PathValued   bool     // the value is a path whose slashes separate segments (root:/{item-path}:)
	// Written is a function argument's placeholder as the line writes it, where the call
	// names the argument otherwise (address='{range}': Param address, Written range).
	Written string
}

// QueryParam is one name=value pair written into the template's query string. Param is set
// when the value is a placeholder.
type QueryParam struct {
	Name   string
	Value  string // the fixed value, when Param is empty and Parts is nil
	Param  string
	Quoted bool
	// Parts is a value that mixes literal text and placeholders:
	// $expand=extensions($filter=id eq '{extensionId}'). Param is empty then.
	Parts []Part
}

// IsParam reports whether the part is a placeholder.
func (p Part) IsParam() bool { return p.Param != "" }

// String renders the template in a normal form: /users/{userId}/reminderView(startDateTime={startDateTime}).
func (p Path) String() string {
	var b strings.Builder
	for _, s := range p.Segments {
		b.WriteByte('/')
		b.WriteString(s.String())
	}
	if len(p.Segments) == 0 {
		b.WriteByte('/')
	}
	for i, q := range p.Query {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(q.Name)
		b.WriteByte('=')
		switch {
		case len(q.Parts) > 0:
			b.WriteString(Segment{Parts: q.Parts}.String())
		case q.Param != "" && q.Quoted:
			b.WriteString("'{" + q.Param + "}'")
		case q.Param != "":
			b.WriteString("{" + q.Param + "}")
		default:
			b.WriteString(q.Value)
		}
	}
	return b.String()
}

// String renders the segment.
func (s Segment) String() string {
	var b strings.Builder
	for _, p := range s.Parts {
		switch {
		case !p.IsParam():
			b.WriteString(p.Literal)
		case p.Quoted:
			b.WriteString("'{" + p.Param + "}'")
		default:
			b.WriteString("{" + p.Param + "}")
		}
	}
	return b.String()
}

// Literal returns the segment's text when it holds no placeholder.
func (s Segment) Literal() (string, bool) {
	if len(s.Parts) == 1 && !s.Parts[0].IsParam() {
		return s.Parts[0].Literal, true
	}
	return "", false
}

// IsParam reports whether the whole segment is one placeholder: /users/{userId}.
func (s Segment) IsParam() bool {
	return len(s.Parts) == 1 && s.Parts[0].IsParam() && !s.Parts[0].Function
}

// Params lists the path's placeholders in order (segments, then the query string).
func (p Path) Params() []Part {
	var ps []Part
	for _, s := range p.Segments {
		for _, pt := range s.Parts {
			if pt.IsParam() {
				ps = append(ps, pt)
			}
		}
	}
	for _, q := range p.Query {
		if q.Param != "" {
			ps = append(ps, Part{Param: q.Param, Quoted: q.Quoted})
		}
		for _, pt := range q.Parts {
			if pt.IsParam() {
				ps = append(ps, pt)
			}
		}
	}
	return ps
}

// Shape is the template with every placeholder's name removed, lower-cased: two paths
// with the same shape address the same URL. A query value that mixes text and
// placeholders is part of the shape; other query values are not. A "$" segment is not.
func (p Path) Shape() string {
	var b strings.Builder
	// parts writes text lower-cased and each placeholder as {}.
	parts := func(ps []Part) {
		for _, pt := range ps {
			if pt.IsParam() {
				b.WriteString("{}")
			} else {
				b.WriteString(strings.ToLower(pt.Literal))
			}
		}
	}
	for _, s := range p.Segments {
		if lit, ok := s.Literal(); ok && lit == "$" {
			// OData's key-as-segment escape: /tables/$/add addresses /tables/add.
			continue
		}
		b.WriteByte('/')
		parts(s.Parts)
	}
	for _, q := range p.Query {
		b.WriteString("?" + strings.ToLower(q.Name))
		if len(q.Parts) > 0 {
			// A template value is part of what the URL addresses: its text, placeholders blanked.
			b.WriteByte('=')
			parts(q.Parts)
		}
	}
	return b.String()
}

// Alternatives expands every {a | b} placeholder: one path for each spelling, the first
// spelling first. A path without alternatives expands to itself.
func (p Path) Alternatives() []Path {
	out := []Path{p}
	for si, s := range p.Segments {
		for pi, pt := range s.Parts {
			if len(pt.Alternatives) < 2 {
				continue
			}
			var next []Path
			for _, base := range out {
				for _, alt := range pt.Alternatives {
					c := base.clone()
					c.Segments[si].Parts[pi].Param = alt
					c.Segments[si].Parts[pi].Alternatives = nil
					next = append(next, c)
				}
			}
			out = next
		}
	}
	return out
}

func (p Path) clone() Path {
	c := Path{Segments: make([]Segment, len(p.Segments)), Query: append([]QueryParam(nil), p.Query...), Target: p.Target, Example: p.Example}
	for i, s := range p.Segments {
		c.Segments[i] = Segment{Parts: append([]Part(nil), s.Parts...)}
	}
	return c
}
