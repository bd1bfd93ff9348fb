package model

import (
	"slices"
	"strconv"
	"strings"
)

// A collection's navigation written in the singular is a slip some request lines make:
// event-decline.md lists "POST /me/calendargroup/calendars/{id}/events/{id}/decline" beside
// the same line through /me/calendargroups/{id}/, and user-list-contacts.md writes
// "/me/contactFolder/{id}/childFolders/{id}/contacts" where its /users twin writes
// contactFolders. user has no property calendargroup or contactFolder; it has the
// collections calendarGroups and contactFolders. Sent as written, such a line fails on the
// wire, and kept, it competes for a method name with the line the docs meant.

// singularSlip is where a path names a collection navigation in the singular: segment j,
// and the property's name.
type singularSlip struct {
	j    int
	name string
}

// singularCollection finds the first segment of p that names no property of the entity
// the segments before it address, and is, with an "s" added, the name of one of its
// collection navigations. The last segment is left alone: an action or function is named
// there.
func (m *endpointMap) singularCollection(op *Operation, p Path) (singularSlip, bool) {
	if sl, ok := m.singularRoot(op, p); ok {
		return sl, true
	}
	for j := 1; j < len(p.Segments)-1; j++ {
		name := plainName(p.Segments[j])
		if name == "" || strings.HasSuffix(strings.ToLower(name), "s") || !m.collectionNamed(name+"s") {
			continue
		}
		tg := m.resolveTarget(Path{Segments: p.Segments[:j]})
		t := m.g.resolve(tg.Type)
		if tg.Kind != TargetEntity || t == nil || tg.Type.Collection {
			continue
		}
		if _, ok := m.property(t, name); ok {
			continue
		}
		if _, _, ok := m.derivedProperty(t, name); ok {
			continue
		}
		if pr, ok := m.property(t, name+"s"); ok && pr.Type.Collection && pr.Type.Kind == KindNamed {
			return singularSlip{j: j, name: pr.Name}, true
		}
	}
	return singularSlip{}, false
}

// collectionNamed reports whether some documented type has a collection-valued navigation
// of that name, in any case.
func (m *endpointMap) collectionNamed(name string) bool {
	if m.collections == nil {
		m.collections = map[string]bool{}
		for _, t := range m.g.byName {
			for _, pr := range t.Properties {
				if pr.Type.Collection && pr.Type.Kind == KindNamed {
					m.collections[strings.ToLower(pr.Name)] = true
				}
			}
		}
	}
	return m.collections[strings.ToLower(name)]
}

// singularRoot finds a root written in the singular before a key: profilephoto-get.md's
// "GET /team/{id}/photo", where no page reads /team, and the docs key /teams or the
// page's examples call /teams/{id}/photo. Only the keyed form is mended: a root without a
// key (/me, /print) is a singleton.
func (m *endpointMap) singularRoot(op *Operation, p Path) (singularSlip, bool) {
	if len(p.Segments) < 3 || !p.Segments[1].IsParam() {
		return singularSlip{}, false
	}
	name := plainName(p.Segments[0])
	if name == "" || strings.HasSuffix(strings.ToLower(name), "s") {
		return singularSlip{}, false
	}
	if _, ok := m.voted(p.Segments[:1]); ok {
		return singularSlip{}, false
	}
	plural := Path{Segments: []Segment{{Parts: []Part{{Literal: name + "s"}}}}}
	if t, ok := m.voted(plural.Segments); ok && m.keyed[prefixShape(plural.Segments)] && m.g.resolve(t) != nil {
		return singularSlip{j: 0, name: m.rootSpelling(name + "s")}, true
	}
	// The page's own examples call the plural root with the line's rest, a value where
	// the line has a placeholder.
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Path == nil || ex.Method != op.Method || len(ex.Path.Segments) != len(p.Segments) {
			continue
		}
		if lit, ok := ex.Path.Segments[0].Literal(); ok && strings.EqualFold(lit, name+"s") && writesRest(ex.Path.Segments[1:], p.Segments[1:]) {
			return singularSlip{j: 0, name: lit}, true
		}
	}
	return singularSlip{}, false
}

// writesRest reports whether an example's segments write a line's: the same names, and
// anything where the line has a placeholder.
func writesRest(ex, line []Segment) bool {
	for i, s := range line {
		if s.IsParam() {
			continue
		}
		a, ok1 := s.Literal()
		b, ok2 := ex[i].Literal()
		if !ok1 || !ok2 || !strings.EqualFold(a, b) {
			return false
		}
	}
	return true
}

// rootSpelling is how the request lines write a root segment, matched without case.
func (m *endpointMap) rootSpelling(name string) string {
	for _, op := range m.ops {
		for _, q := range op.Paths {
			if len(q.Segments) > 0 {
				if lit, ok := q.Segments[0].Literal(); ok && strings.EqualFold(lit, name) {
					return lit
				}
			}
		}
	}
	return name
}

// settleSingularCollections mends or drops the lines of op that name a collection
// navigation in the singular. One that keys the segment (contactFolder/{id}) meant the
// collection: it is sent with the property's name. One that does not
// (calendargroup/calendars) leaves out the key: it addresses nothing, and is dropped
// when op has another line, else the key is put in as an argument named after the
// segment. Either way with a warning (request-path-singular-collection).
func (m *endpointMap) settleSingularCollections(op *Operation, lines func(*Operation, Path) Pos, ds *Diagnostics) {
	var keep []Path
	for _, p := range op.Paths {
		sl, ok := m.singularCollection(op, p)
		if !ok {
			keep = append(keep, p)
			continue
		}
		written, _ := p.Segments[sl.j].Literal()
		pos := lines(op, p)
		segs := slices.Clone(p.Segments)
		segs[sl.j] = Segment{Parts: []Part{{Literal: sl.name}}}
		switch {
		case sl.j == 0:
			ds.Addf(pos, Warning, "request-path-singular-collection",
				"%s %s starts with %s, which no page documents, before a key, where the docs key %s (its pages, or this page's examples): it is sent as %s",
				op.Method, p, written, sl.name, sl.name)
		case segs[sl.j+1].IsParam():
			ds.Addf(pos, Warning, "request-path-singular-collection",
				"%s %s names %s, which the type before it does not have; its collection %s is keyed here: it is sent as %s",
				op.Method, p, written, sl.name, sl.name)
		case len(op.Paths) > 1:
			ds.Addf(pos, Warning, "request-path-singular-collection",
				"%s %s names %s, which the type before it does not have, and no key follows it to choose one of its collection %s: the line is left out",
				op.Method, p, written, sl.name)
			continue
		default:
			key := Segment{Parts: []Part{{Param: uniqueParam(p, strings.TrimSuffix(sl.name, "s")+"-id")}}}
			segs = slices.Insert(segs, sl.j+1, key)
			ds.Addf(pos, Warning, "request-path-singular-collection",
				"%s %s names %s, which the type before it does not have, and no key follows it: it is sent as %s/{%s}, one of its collection %s",
				op.Method, p, written, sl.name, key.Parts[0].Param, sl.name)
		}
		p.Segments = segs
		keep = append(keep, p)
	}
	op.Paths = keep
}

// uniqueParam is name, or name with a number added when p already has a placeholder of
// that name.
func uniqueParam(p Path, name string) string {
	taken := func(n string) bool {
		return slices.ContainsFunc(p.Params(), func(pt Part) bool { return strings.EqualFold(pt.Param, n) })
	}
	out := name
	for i := 2; taken(out); i++ {
		out = name + strconv.Itoa(i)
	}
	return out
}

// requestLinePos returns where a path of an operation is written: the request line of
// its page with the path's text, else the operation's first line.
func requestLinePos(pages []*Page) func(*Operation, Path) Pos {
	byFile := map[string]*Page{}
	for _, p := range pages {
		byFile[p.File] = p
	}
	return func(op *Operation, path Path) Pos {
		if pg := byFile[op.Page]; pg != nil {
			for _, rl := range pg.Requests {
				if rl.Method == op.Method && rl.Path.String() == path.String() {
					return rl.Pos
				}
			}
		}
		return op.Pos
	}
}
