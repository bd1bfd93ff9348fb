package model

import (
	"slices"
	"strings"
)

// A placeholder alone in parentheses after a name ("borders(<sideIndex>)",
// "range(<address>)") is either a key written in OData's parenthesised form, unquoted
// where the key is a string, or a function's argument with its name left off, which
// OData does not allow. Either way the line as written fails on the wire; the evidence
// says which was meant.

// parenKey is the name and placeholder of a segment written name(<placeholder>).
func parenKey(s Segment) (string, Part, bool) {
	if len(s.Parts) != 3 || s.Parts[0].IsParam() || !s.Parts[1].IsParam() || s.Parts[1].Function || s.Parts[2].IsParam() || s.Parts[2].Literal != ")" {
		return "", Part{}, false
	}
	name, ok := strings.CutSuffix(s.Parts[0].Literal, "(")
	if !ok || name == "" || strings.ContainsAny(name, "()=,'") {
		return "", Part{}, false
	}
	return name, s.Parts[1], true
}

// callsByName are, for each function name (lower-cased), the argument parts request lines
// write as name=value: the evidence of how the function is called.
func callsByName(ops []*Operation) map[string][]Part {
	calls := map[string][]Part{}
	for _, op := range ops {
		for _, p := range op.Paths {
			for _, s := range p.Segments {
				if len(s.Parts) == 0 || s.Parts[0].IsParam() {
					continue
				}
				head, _, ok := strings.Cut(s.Parts[0].Literal, "(")
				if !ok {
					continue
				}
				for _, pt := range s.Parts {
					if pt.Function {
						calls[strings.ToLower(head)] = append(calls[strings.ToLower(head)], pt)
					}
				}
			}
		}
	}
	return calls
}

// settleParenKeys rewrites each name(<placeholder>) segment of an operation's paths by
// the evidence: a collection the path addresses by key (a Relationships row of the type
// before it, or the page's example writing name/{key}) reads name/{key}, Graph's
// key-as-segment form; a function another line calls as name(placeholder='...') reads
// that way. A segment with no evidence stays as written.
func (m *endpointMap) settleParenKeys(op *Operation, calls map[string][]Part, ds *Diagnostics) {
	for i, p := range op.Paths {
		for j := 0; j < len(p.Segments); j++ {
			name, key, ok := parenKey(p.Segments[j])
			if !ok {
				continue
			}
			written := name + "(<" + key.Param + ">)"
			switch {
			case m.keyedCollection(op, p, j, name):
				segs := slices.Clone(p.Segments[:j])
				segs = append(segs, Segment{Parts: []Part{{Literal: name}}}, Segment{Parts: []Part{{Param: key.Param, Alternatives: key.Alternatives}}})
				p.Segments = append(segs, p.Segments[j+1:]...)
				ds.Addf(op.Pos, Warning, "request-path-key-in-parentheses",
					"%s writes the key of %s in parentheses, unquoted: it is sent as %s/{%s}, as the page's example or the Relationships table of the type before it reads it",
					written, name, name, key.Param)
			default:
				arg, found := namedArgument(calls[strings.ToLower(name)], key.Param)
				if !found {
					continue
				}
				arg.Alternatives = key.Alternatives
				p.Segments = slices.Clone(p.Segments)
				p.Segments[j] = Segment{Parts: []Part{{Literal: name + "(" + arg.Param + "="}, arg, {Literal: ")"}}}
				ds.Addf(op.Pos, Warning, "request-path-key-in-parentheses",
					"%s leaves out the argument's name: it is sent as %s, as other request lines call %s",
					written, p.Segments[j], name)
			}
		}
		op.Paths[i] = p
	}
}

// keyedCollection reports whether segment j of p, named name, is a collection addressed
// by key: the type before it has a collection property of that name, or an example of the
// operation writes name then a placeholder there.
func (m *endpointMap) keyedCollection(op *Operation, p Path, j int, name string) bool {
	if j > 0 {
		tg := m.resolveTarget(Path{Segments: p.Segments[:j]})
		if t := m.g.resolve(tg.Type); t != nil && !tg.Type.Collection {
			if pr, ok := m.property(t, name); ok && pr.Type.Collection && pr.Type.Kind == KindNamed {
				return true
			}
		}
	}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Path == nil {
			continue
		}
		for k, s := range ex.Path.Segments {
			if lit, ok := s.Literal(); ok && strings.EqualFold(lit, name) && k+1 < len(ex.Path.Segments) && ex.Path.Segments[k+1].IsParam() {
				return true
			}
		}
	}
	return false
}

// namedArgument is the call argument named param among calls, if any line writes it.
func namedArgument(calls []Part, param string) (Part, bool) {
	for _, c := range calls {
		if strings.EqualFold(c.Param, param) || strings.EqualFold(c.Written, param) {
			return Part{Param: c.Param, Quoted: c.Quoted, Function: true}, true
		}
	}
	return Part{}, false
}
