package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	pathpkg "path"
	"slices"
	"strings"
)

// The endpoint map: what each path addresses, from the docs' own resource model, and which
// page owns each endpoint (an HTTP method and a path shape).
//
// What a path addresses is found by walking it through the type graph. The first segment
// is an entity set or a singleton (/users, /me); the docs have no list of them, so its
// type is voted by the pages that use it (a page a Methods table links, and which answers
// with a type, counts three times, any other page once). Every later segment is a
// navigation or structural property of the type reached so far (the resource pages'
// Properties and Relationships tables, along the base chain), a key ({id}) choosing one
// member of a collection, a cast (microsoft.graph.user), $ref, $value or $count, or else a
// bound action or function. A segment that no table documents but which the docs key
// elsewhere (/users/{id}/onlineMeetings/{id}) is a navigation property the tables forgot;
// its type is voted as for a root.
//
// Each endpoint then gets one owner, chosen by evidence: the page linked from the
// addressed resource's Methods table, a response type that agrees with the type the path
// addresses, a page named after that type. File order decides only between pages with the
// same evidence and the same signature; when pages with different signatures tie, a
// duplicate-operation warning names both and the evidence.

// TargetKind is what a path addresses.
type TargetKind int

// The kinds of target.
const (
	TargetUnknown    TargetKind = iota // the type graph cannot tell
	TargetEntity                       // one value: an entity, a singleton or a structural property
	TargetCollection                   // a collection
	TargetOperation                    // a bound action or function (Target.Name)
	TargetRef                          // $ref of the value or collection before it
	TargetValue                        // $value: the media content of the value before it
	TargetCount                        // $count of the collection before it
)

// String names the kind as --dump-model prints it.
func (k TargetKind) String() string {
	return [...]string{"unknown", "entity", "collection", "operation", "ref", "value", "count"}[k]
}

// Target is what the endpoint map found a path to address.
type Target struct {
	Kind TargetKind
	// Type is the addressed type (Collection set for a collection). For an operation, a
	// $ref, $value or $count it is what the last segment applies to.
	Type TypeRef
	// Parent is the type of the value the last navigation hangs from (user for
	// /users/{id}/messages), KindNone at a root.
	Parent TypeRef
	Name   string // an operation's name: move, getByIds, reminderView
	// Result is what a GET of this path returns, when the endpoint map settled it from
	// the addressed type (a page's one Response section can cover several paths:
	// /mailboxSettings and /mailboxSettings/workingHours), or what a create or update
	// returns where it differs from the page's response; nil: the operation's response.
	Result *TypeRef
	// Body is the body a create or update of this path sends, where it differs from the
	// page's (one page creates messages, contacts and events); nil: the operation's body.
	Body *TypeRef
	Via  string // how the walk went: users(set) {id} messages(user) ...
	// Sure is set when whether the path addresses one value or a collection rests on
	// evidence: a key last, a table that says "collection", a segment keyed elsewhere.
	// A navigation a Relationships table gives as one value, and that nothing keys, may
	// be a collection whose row forgot to say so.
	Sure bool
}

// link is one Methods-table row pointing at an API page.
type link struct {
	owner *Type   // the resource whose Methods table has the row
	ret   TypeRef // its Return Type column
	pos   Pos
	// primary is set when the row is on the page named after its type (user.md rather
	// than intune-devices-user.md, which documents a workload's slice of user).
	primary bool
}

// endpointMap holds what the walk needs.
type endpointMap struct {
	g     *typeGraph
	links map[string][]link // lower-cased API page file -> rows linking it
	votes map[string]*vote  // lower-cased prefix shape -> votes for its type
	keyed map[string]bool   // prefix shapes some path follows with a key
	// twins are, for a root segment's shape, the prefixes that one page documents with
	// the same rest of the path (/me/events beside /users/{id}/events: /me is /users/{id}).
	twins map[string][]Path
	depth int // guards the walk of a twin
}

// vote tallies the types pages give a path prefix.
type vote struct {
	weights map[string]int // qualified type name + "[]" for a collection -> weight
	refs    map[string]TypeRef
}

func (v *vote) add(t TypeRef, w int) {
	k := key(t.QualifiedName())
	if t.Collection {
		k += "[]"
	}
	v.weights[k] += w
	if _, ok := v.refs[k]; !ok {
		v.refs[k] = t
	}
}

// best is the type with the most weight; equal weights go to the smaller name, so that
// the result does not depend on the order of the pages.
func (v *vote) best() (TypeRef, bool) {
	bestK, bestW := "", 0
	for k, w := range v.weights {
		if w > bestW || w == bestW && k < bestK {
			bestK, bestW = k, w
		}
	}
	if bestW == 0 {
		return TypeRef{}, false
	}
	return v.refs[bestK], true
}

// newEndpointMap reads the Methods tables and the votes of every operation's paths.
func newEndpointMap(g *typeGraph, pages []*Page, ops []*Operation) *endpointMap {
	m := &endpointMap{g: g, links: map[string][]link{}, votes: map[string]*vote{}, keyed: map[string]bool{}, twins: map[string][]Path{}}
	for _, p := range pages {
		if len(p.Methods) == 0 {
			continue
		}
		owner := mainType(g, p)
		if owner == nil {
			continue
		}
		for _, ml := range p.Methods {
			if ml.Page == "" {
				continue
			}
			k := strings.ToLower(ml.Page)
			primary := strings.EqualFold(strings.TrimSuffix(pathpkg.Base(p.File), ".md"), owner.Name)
			m.links[k] = append(m.links[k], link{owner: owner, ret: ml.Return, pos: ml.Pos, primary: primary})
		}
	}
	for _, op := range ops {
		m.addTwins(op)
		ev, w, ok := m.evidenceType(op)
		for _, p := range op.Paths {
			segs := p.Segments
			for i := 1; i < len(segs); i++ {
				if segs[i].IsParam() {
					m.keyed[prefixShape(segs[:i])] = true
				}
			}
			if !ok || len(p.Query) > 0 || len(segs) == 0 {
				continue
			}
			last := segs[len(segs)-1]
			switch {
			case last.IsParam() && len(segs) >= 2 && plainName(segs[len(segs)-2]) != "":
				if op.Method == "GET" || op.Method == "PATCH" || op.Method == "DELETE" {
					t := ev
					t.Collection = true
					m.vote(segs[:len(segs)-1], t, w)
				}
			case plainName(last) != "":
				switch {
				case op.Method == "GET":
					m.vote(segs, ev, w)
				case op.Method == "POST" && len(segs) == 1 && op.LooksCreate():
					t := ev
					t.Collection = true
					m.vote(segs, t, w)
				}
			}
		}
	}
	return m
}

// addTwins records the root segments that an operation's paths use interchangeably.
func (m *endpointMap) addTwins(op *Operation) {
	for _, a := range op.Paths {
		if len(a.Segments) < 2 || !isRootName(a.Segments[0]) || len(a.Query) > 0 {
			continue
		}
		for _, b := range op.Paths {
			n := len(b.Segments) - len(a.Segments) + 1 // b's prefix length standing for a's root
			if n < 2 || len(b.Query) > 0 || !isRootName(b.Segments[0]) ||
				prefixShape(a.Segments[1:]) != prefixShape(b.Segments[n:]) {
				continue
			}
			k := prefixShape(a.Segments[:1])
			twin := Path{Segments: b.Segments[:n]}
			if !slices.ContainsFunc(m.twins[k], func(p Path) bool { return p.Shape() == twin.Shape() }) {
				m.twins[k] = append(m.twins[k], twin)
			}
		}
	}
}

// isRootName reports whether a first segment can name an entity set or singleton.
func isRootName(s Segment) bool {
	lit, ok := s.Literal()
	return ok && !strings.HasPrefix(lit, "$") && !strings.ContainsAny(lit, "()'=")
}

func (m *endpointMap) vote(segs []Segment, t TypeRef, w int) {
	k := prefixShape(segs)
	v := m.votes[k]
	if v == nil {
		v = &vote{weights: map[string]int{}, refs: map[string]TypeRef{}}
		m.votes[k] = v
	}
	v.add(t, w)
}

// evidenceType is the type an operation's page says it works on: the Return Type of a
// Methods row that links it (weight 3), else its Response type (weight 1).
func (m *endpointMap) evidenceType(op *Operation) (TypeRef, int, bool) {
	r := op.Response.Type
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if t := m.g.resolve(l.ret); l.ret.Kind == KindNamed && t != nil {
			ev := m.settled(l.ret)
			// A Methods row that names the type without "collection" where the page's
			// Response section answers a collection of it ([List x](...) | [x](x.md)) left
			// the word out: the Response section says more.
			if r.Collection && !ev.Collection && m.g.resolve(r) == t {
				ev.Collection = true
			}
			return ev, 3, true
		}
	}
	if r.Kind == KindNamed && m.g.resolve(r) != nil {
		return m.settled(r), 1, true
	}
	return TypeRef{}, 0, false
}

// settled is a reference to a documented type under its own name.
func (m *endpointMap) settled(r TypeRef) TypeRef {
	t := m.g.resolve(r)
	if t == nil {
		return r
	}
	return TypeRef{Kind: KindNamed, Name: t.Name, Namespace: t.Namespace, Link: t.Page, Collection: r.Collection, Raw: r.Raw, Pos: r.Pos}
}

// mainType is the resource type a resource page documents: its first non-enum type.
func mainType(g *typeGraph, p *Page) *Type {
	for _, rt := range p.Types {
		if !rt.Enum && rt.Name != "" {
			return g.byName[key(rt.QualifiedName())]
		}
	}
	return nil
}

// plainName is a segment's name when it is plain text that can name a property: not a
// key, a call, a cast or a $ segment. A drive path's "root:" reads root.
func plainName(s Segment) string {
	lit, ok := s.Literal()
	if !ok || strings.HasPrefix(lit, "$") || strings.ContainsAny(lit, "()'=.") {
		return ""
	}
	return strings.TrimSuffix(lit, ":")
}

// prefixShape is the shape of a path's first segments.
func prefixShape(segs []Segment) string {
	return Path{Segments: segs}.Shape()
}

// LooksCreate reports whether a POST page reads as creating a member of a collection: it
// answers 201, or its title starts with Create or Add.
func (op *Operation) LooksCreate() bool {
	t := strings.ToLower(op.Title)
	return op.Response.Status == 201 || strings.HasPrefix(t, "create") || strings.HasPrefix(t, "add ")
}

// property finds a property of t or of its base types by name, case folded.
func (m *endpointMap) property(t *Type, name string) (Property, bool) {
	for a, n := t, 0; a != nil && n < 32; n++ {
		for _, p := range a.Properties {
			if strings.EqualFold(p.Name, name) {
				return p, true
			}
		}
		if a.Base == "" {
			break
		}
		a = m.g.byName[key(a.Base)]
	}
	return Property{}, false
}

// resolveTarget walks a path through the type graph.
func (m *endpointMap) resolveTarget(p Path) *Target {
	tg := &Target{}
	var cur *Type
	coll := false
	var parent *Type
	var via []string
	sure := true // whether a value/collection reading rests on evidence (see below)
	ref := func(t *Type, c bool) TypeRef {
		if t == nil {
			return TypeRef{}
		}
		return TypeRef{Kind: KindNamed, Name: t.Name, Namespace: t.Namespace, Link: t.Page, Collection: c}
	}
	done := func(kind TargetKind) *Target {
		tg.Kind = kind
		if kind != TargetOperation || cur != nil {
			tg.Type = ref(cur, coll)
		}
		if tg.Type.Kind == KindNone && kind != TargetOperation {
			tg.Kind = TargetUnknown
		}
		tg.Parent = ref(parent, false)
		tg.Via = strings.Join(via, " ")
		tg.Sure = sure
		return tg
	}
	segs := p.Segments
	for i, s := range segs {
		lit, isLit := s.Literal()
		switch {
		case i == 0 && isLit && !strings.HasPrefix(lit, "$") && !strings.ContainsAny(lit, "()'="):
			t, ok := m.voted(segs[:1])
			if !ok && m.depth == 0 {
				// A singleton no page reads as a whole, documented beside a twin
				// (/me beside /users/{id}): it addresses what the twin does.
				m.depth++
				for _, tw := range m.twins[prefixShape(segs[:1])] {
					if r := m.resolveTarget(tw); r.Kind == TargetEntity {
						t, ok = r.Type, true
						break
					}
				}
				m.depth--
			}
			if !ok {
				via = append(via, lit+"(?)") // a singleton no page reads as a whole
				continue
			}
			cur, coll = m.g.resolve(t), t.Collection
			via = append(via, lit+"(set)")
		case len(s.Parts) > 0 && s.Parts[0].PathValued:
			if cur == nil || coll {
				return done(TargetUnknown)
			}
			via = append(via, "{path}") // root:/{item-path}: addresses an item below root
		case s.IsParam():
			switch {
			case coll:
				coll, sure = false, true
				via = append(via, "{key}")
			default:
				return done(TargetUnknown)
			}
		case isLit && strings.EqualFold(lit, "$ref"):
			return done(TargetRef)
		case isLit && strings.EqualFold(lit, "$value"):
			if i == len(segs)-1 {
				return done(TargetValue)
			}
			return done(TargetUnknown)
		case isLit && strings.EqualFold(lit, "$count"):
			if i == len(segs)-1 && coll {
				return done(TargetCount)
			}
			return done(TargetUnknown)
		case isLit && strings.HasPrefix(strings.ToLower(lit), "microsoft.graph.") && !strings.ContainsAny(lit, "()"):
			t := m.g.resolve(TypeRef{Kind: KindNamed, Name: lit[strings.LastIndexByte(lit, '.')+1:], Namespace: lit[:strings.LastIndexByte(lit, '.')]})
			if t == nil {
				// A cast to a type no page documents names an operation's namespace
				// qualifier (microsoft.graph.delta()) or is unusable.
				if i == len(segs)-1 && cur != nil {
					tg.Name = Unqualified(lit)
					return done(TargetOperation)
				}
				return done(TargetUnknown)
			}
			cur = t
			via = append(via, "as("+t.Name+")")
		default:
			name := plainName(s)
			if name != "" && !coll {
				if cur != nil && i == len(segs)-1 {
					// A primitive property last (driveItem's content, an Edm.Stream; a
					// user's aboutMe) is a value of the type before it.
					if pr, ok := m.property(cur, name); ok && pr.Type.Kind == KindPrimitive {
						parent = cur
						via = append(via, name+"("+cur.Name+")")
						tg.Type, tg.Parent, tg.Kind = pr.Type, ref(parent, false), TargetEntity
						tg.Via, tg.Sure = strings.Join(via, " "), true
						return tg
					}
				}
				if cur != nil {
					if pr, ok := m.property(cur, name); ok && pr.Type.Kind == KindNamed {
						if t := m.g.resolve(pr.Type); t != nil {
							parent, cur, coll = cur, t, pr.Type.Collection
							via = append(via, name+"("+parent.Name+")")
							// A table that says one value where the docs key the
							// segment elsewhere (chatMessage.hostedContents) forgot
							// "collection"; one that says neither leaves it open.
							switch {
							case !coll && m.keyed[prefixShape(segs[:i+1])]:
								coll = true
								via[len(via)-1] += "[keyed]"
								sure = true
							default:
								sure = coll || !pr.Navigation
							}
							continue
						}
					}
				}
				// A segment no table documents below a known type is a navigation only
				// when the docs key it somewhere; below an unknown one (a singleton no
				// page reads: /communications) any vote will do.
				if cur == nil || m.keyed[prefixShape(segs[:i+1])] {
					if t, ok := m.voted(segs[:i+1]); ok && m.g.resolve(t) != nil {
						// A segment the docs key somewhere is a collection, whatever the
						// pages that voted for its type answer (a GET by key votes one).
						keyed := m.keyed[prefixShape(segs[:i+1])]
						parent, cur, coll = cur, m.g.resolve(t), t.Collection || keyed
						sure = keyed
						if keyed {
							via = append(via, name+"(keyed)")
						} else {
							via = append(via, name+"(voted)")
						}
						continue
					}
				}
			}
			if cur == nil {
				return done(TargetUnknown)
			}
			if name != "" && !coll {
				// A plain segment no table documents that names a type (calendars on a
				// calendarGroup page that forgot its Relationships) is a navigation to
				// it; actions and functions are named by verbs (move, delta).
				if t, c := m.typeNamed(name); t != nil {
					parent, cur, coll, sure = cur, t, c, false
					via = append(via, name+"(named)")
					continue
				}
			}
			if i != len(segs)-1 {
				// A call in the middle (range(address='A1')/format) or a segment no
				// table documents: the rest cannot be followed.
				return done(TargetUnknown)
			}
			tg.Name = operationName(s)
			if tg.Name == "" {
				return done(TargetUnknown)
			}
			via = append(via, tg.Name+"()")
			return done(TargetOperation)
		}
	}
	if coll {
		return done(TargetCollection)
	}
	return done(TargetEntity)
}

// voted is the type voted for a path prefix. With no vote, a prefix that the docs key
// somewhere (/sites/{siteId}) is a collection of the type its name is the plural of, when
// one page documents such a type.
func (m *endpointMap) voted(segs []Segment) (TypeRef, bool) {
	k := prefixShape(segs)
	if v := m.votes[k]; v != nil {
		best, ok := v.best()
		// Pages about derived types vote for them (iosLobApp for mobileApps/{id}); a
		// base type that other pages vote for is what the path addresses.
		// Of the voted ancestors, the one furthest up the chain wins; keys are sorted so
		// that the map's order cannot matter.
		if a := m.g.resolve(best); ok && a != nil {
			keys := make([]string, 0, len(v.refs))
			for k := range v.refs {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			top := a
			for _, k := range keys {
				r := v.refs[k]
				if t := m.g.resolve(r); t != nil && r.Collection == best.Collection && t != top && m.derives(top, t) {
					best, top = r, t
				}
			}
		}
		return best, ok
	}
	if !m.keyed[k] || len(segs) == 0 {
		return TypeRef{}, false
	}
	name := Singular(plainName(segs[len(segs)-1]))
	if name == "" {
		return TypeRef{}, false
	}
	t := m.g.resolve(TypeRef{Kind: KindNamed, Name: name, Namespace: "microsoft.graph"})
	if t == nil || t.IsEnum {
		return TypeRef{}, false
	}
	return TypeRef{Kind: KindNamed, Name: t.Name, Namespace: t.Namespace, Link: t.Page, Collection: true}, true
}

// typeNamed finds the microsoft.graph type a segment names: itself (calendar) or, as a
// collection, its singular (calendars).
func (m *endpointMap) typeNamed(name string) (*Type, bool) {
	for _, c := range []struct {
		n    string
		coll bool
	}{{name, false}, {Singular(name), true}} {
		if c.coll && c.n == name {
			continue
		}
		if t := m.g.byName[key("microsoft.graph."+c.n)]; t != nil && !t.IsEnum && t.Documented {
			return t, c.coll
		}
	}
	return nil, false
}

// operationName is the name of a bound action or function segment: move, getByIds,
// reminderView(startDateTime=...) reads reminderView; microsoft.graph.delta() reads delta.
func operationName(s Segment) string {
	if len(s.Parts) == 0 || s.Parts[0].IsParam() {
		return ""
	}
	head, _, _ := strings.Cut(s.Parts[0].Literal, "(")
	head = strings.TrimSuffix(head, ":")
	head = Unqualified(head)
	if !isIdent(head) {
		return ""
	}
	return head
}

// adoptExamples adds to an operation the paths its example requests show when no request
// line of the page has their shape, and they address the same type, in the same shape, as
// one that does: site-get.md lists /sites/root and /sites/{hostname}:/{path} but shows
// GET /sites/{site-id} only in its example; driveitem-list-children.md shows
// /me/drive/root/children. A path with a segment the type graph cannot follow (a real ID
// that does not look like one) is not adopted: it would read as an action.
func (m *endpointMap) adoptExamples(op *Operation) {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Path == nil || ex.Method != op.Method || len(ex.Path.Segments) == 0 {
			continue
		}
		shape := ex.Path.Shape()
		if slices.ContainsFunc(op.Paths, func(p Path) bool { return p.Shape() == shape }) {
			continue
		}
		p := ex.Path.clone()
		p.Target = m.resolveTarget(p)
		if p.Target.Kind != TargetEntity && p.Target.Kind != TargetCollection {
			continue
		}
		same := slices.ContainsFunc(op.Paths, func(q Path) bool {
			return q.Target != nil && q.Target.Kind == p.Target.Kind && q.Target.Type.Equal(p.Target.Type)
		})
		if r, _, ok := m.evidenceType(op); ok && !same {
			t := m.g.resolve(r)
			same = t != nil && t == m.g.resolve(p.Target.Type) && r.Collection == (p.Target.Kind == TargetCollection)
		}
		if !same {
			continue
		}
		p.Example = ex.Pos
		op.Paths = append(op.Paths, p)
	}
}

// examplesAnswerObjects reports whether an example response of the page answers with
// objects (a JSON object, or a value array of objects): evidence against a page that
// says it returns strings where its Methods row says resources.
func examplesAnswerObjects(op *Operation) bool {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse {
			continue
		}
		var v struct {
			Value []json.RawMessage `json:"value"`
		}
		body := strings.TrimSpace(ex.Body)
		if json.Unmarshal([]byte(body), &v) != nil {
			continue
		}
		if len(v.Value) > 0 && strings.HasPrefix(strings.TrimSpace(string(v.Value[0])), "{") {
			return true
		}
	}
	return false
}

// titledOperation settles a path the type graph could not follow (its root is a
// singleton no page reads, /reports) as a bound action or function when the page's title
// names its last segment as one: "reportRoot: getOffice365ActiveUserDetail",
// "revokeLicenses action", "compare function". The type it is bound to stays unknown.
func titledOperation(op *Operation, p Path) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetUnknown || len(p.Segments) < 2 || op.Method != "POST" && op.Method != "GET" {
		return
	}
	last := p.Segments[len(p.Segments)-1]
	name := operationName(last)
	if name == "" || strings.HasPrefix(name, "$") {
		return
	}
	t := strings.ToLower(strings.TrimSpace(op.Title))
	n := strings.ToLower(name)
	_, after, colon := strings.Cut(t, ":")
	if colon && strings.TrimSpace(after) == n || t == n+" action" || t == n+" function" {
		tg.Kind, tg.Name = TargetOperation, name
		tg.Via += " " + name + "() by title"
		tg.Via = strings.TrimSpace(tg.Via)
	}
}

// titledNavigation settles a GET of a plain segment that no Properties or Relationships
// table documents, and that the walk took for a function: as a member of the collection
// before it when the page answers one of its members (/sites/root), else as a navigation
// when the page's title reads "List joinedTeams" or "Get manager": functions are called,
// not listed. The page's response (or its Methods row) gives the type.
func (m *endpointMap) titledNavigation(op *Operation, p Path) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetOperation || op.Method != "GET" || len(p.Segments) == 0 {
		return
	}
	last := p.Segments[len(p.Segments)-1]
	name := plainName(last)
	if name == "" || name != tg.Name {
		return
	}
	r, _, ok := m.evidenceType(op)
	if !ok {
		return
	}
	title := strings.ToLower(op.Title)
	if elem := m.g.resolve(tg.Type); tg.Type.Collection && !r.Collection && elem != nil && elem == m.g.resolve(r) && !strings.Contains(title, strings.ToLower(name)) {
		// GET /sites/root answers one site: a name that stands for a member of the
		// collection, as a key would.
		tg.Kind, tg.Name, tg.Sure = TargetEntity, "", true
		tg.Type.Collection = false
		tg.Via = strings.TrimSuffix(tg.Via, name+"()") + name + "(member)"
		return
	}
	t := strings.ToLower(strings.TrimSpace(op.Title))
	n := strings.ToLower(name)
	if t != "list "+n && t != "get "+n {
		return
	}
	nt := m.g.resolve(r)
	if nt == nil {
		return
	}
	tg.Parent = tg.Type
	tg.Type = TypeRef{Kind: KindNamed, Name: nt.Name, Namespace: nt.Namespace, Link: nt.Page, Collection: r.Collection}
	tg.Kind, tg.Name, tg.Sure = TargetEntity, "", false
	if r.Collection {
		tg.Kind = TargetCollection
	}
	tg.Via = strings.TrimSuffix(tg.Via, name+"()") + name + "(titled)"
}

// candidate is one operation's claim on an endpoint.
type candidate struct {
	op       *Operation
	path     Path
	score    int
	evidence []string
}

// assignEndpoints resolves every path's target, then keeps one owner per endpoint.
func assignEndpoints(api *API, g *typeGraph, ds *Diagnostics) {
	m := newEndpointMap(g, api.Pages, api.Operations)
	byKey := map[string][]*candidate{}
	var keys []string
	for _, op := range api.Operations {
		for i := range op.Paths {
			op.Paths[i].Target = m.resolveTarget(op.Paths[i])
			titledOperation(op, op.Paths[i])
			m.titledNavigation(op, op.Paths[i])
		}
		m.adoptExamples(op)
	}
	for _, op := range api.Operations {
		for i := range op.Paths {
			k := op.Method + " " + op.Paths[i].Shape()
			if byKey[k] == nil {
				keys = append(keys, k)
			}
			if !slices.ContainsFunc(byKey[k], func(c *candidate) bool { return c.op == op }) {
				byKey[k] = append(byKey[k], &candidate{op: op, path: op.Paths[i]})
			}
		}
	}
	lost := map[*Operation]map[string]bool{} // op -> shapes it lost
	for _, k := range keys {
		cs := byKey[k]
		if len(cs) == 1 {
			m.settleSignature(cs[0].op, cs[0].path, ds)
			continue
		}
		for _, c := range cs {
			m.score(c)
		}
		slices.SortStableFunc(cs, func(a, b *candidate) int {
			return cmp.Or(b.score-a.score, strings.Compare(a.op.Page, b.op.Page), a.op.Pos.Compare(b.op.Pos))
		})
		win := cs[0]
		for _, c := range cs[1:] {
			if lost[c.op] == nil {
				lost[c.op] = map[string]bool{}
			}
			lost[c.op][c.path.Shape()] = true
			if c.op.Page != win.op.Page && !slices.Contains(win.op.AlsoIn, c.op.Page) {
				win.op.AlsoIn = append(win.op.AlsoIn, c.op.Page)
			}
			if ws, cs := m.signature(win), m.signature(c); c.score == win.score && ws != cs && !m.sameFamily(win, c) {
				ds.Addf(c.op.Pos, Warning, "duplicate-operation",
					"%s %s is also documented by %s (line %d) with a different signature (%s, here %s) and the same evidence (%s); %s is kept as it sorts first",
					c.op.Method, c.path, win.op.Page, win.op.Pos.Line, ws, cs, evidenceText(win), win.op.Page)
			}
		}
		slices.Sort(win.op.AlsoIn)
		m.settleSignature(win.op, win.path, ds)
	}
	var kept []*Operation
	for _, op := range api.Operations {
		if l := lost[op]; l != nil {
			var paths []Path
			for _, p := range op.Paths {
				if !l[p.Shape()] {
					paths = append(paths, p)
				}
			}
			op.Paths = paths
		}
		if len(op.Paths) > 0 {
			kept = append(kept, op)
		}
	}
	api.Operations = kept
}

// signature is what distinguishes two pages' versions of an endpoint for the client,
// once each is settled against what the path addresses.
func (m *endpointMap) signature(c *candidate) string {
	body, resp, _ := m.settle(c.op, c.path)
	return "body " + body.String() + ", response " + resp.String()
}

func evidenceText(c *candidate) string {
	if len(c.evidence) == 0 {
		return "none"
	}
	return strings.Join(c.evidence, "; ")
}

// score weighs a candidate's evidence for owning its endpoint.
func (m *endpointMap) score(c *candidate) {
	tg := c.path.Target
	add := func(n int, format string, args ...any) {
		c.score += n
		c.evidence = append(c.evidence, fmt.Sprintf(format, args...))
	}
	var addressed, parent *Type
	if tg != nil {
		addressed, parent = m.g.resolve(tg.Type), m.g.resolve(tg.Parent)
	}
	for _, l := range m.links[strings.ToLower(c.op.Page)] {
		switch {
		case addressed != nil && l.owner == addressed, tg != nil && tg.Kind != TargetEntity && tg.Kind != TargetCollection && parent != nil && l.owner == parent:
			if l.primary {
				add(4, "the Methods table of %s links it (%s)", l.owner.Name, l.pos)
			} else {
				add(3, "a Methods table of %s that is not on its own page links it (%s)", l.owner.Name, l.pos)
			}
		case addressed != nil && (m.derives(l.owner, addressed) || m.derives(addressed, l.owner)):
			add(2, "the Methods table of %s, related to %s, links it (%s)", l.owner.Name, addressed.Name, l.pos)
		default:
			continue
		}
		break
	}
	if addressed != nil && tg.Kind != TargetOperation {
		scored := false
		for _, r := range []TypeRef{c.op.Response.Type, c.op.Body.Type} {
			t := m.g.resolve(r)
			if t == nil {
				continue
			}
			switch {
			case t == addressed:
				add(3, "its %s agrees with the addressed %s", r, addressed.Name)
			case m.derives(t, addressed):
				add(1, "its %s derives from the addressed %s", r, addressed.Name)
			default:
				add(-3, "its %s is not the addressed %s", r, addressed.Name)
			}
			scored = true
			break
		}
		if !scored && m.listsProperties(c.op, addressed) {
			add(3, "its body table lists properties of the addressed %s", addressed.Name)
		}
	}
	base := strings.ToLower(pathpkg.Base(c.op.Page))
	for _, t := range []*Type{addressed, parent} {
		if t != nil && strings.HasPrefix(base, strings.ToLower(t.Name)+"-") {
			add(1, "its page is named after %s", t.Name)
			break
		}
	}
	if len(c.path.Query) > 0 {
		add(-1, "its template fixes a query")
	}
	if c.path.Example.IsValid() {
		add(-2, "it shows the path only in an example (line %d)", c.path.Example.Line)
	}
	if tg != nil && (tg.Kind == TargetEntity || tg.Kind == TargetCollection) && titleVerbFits(c.op) {
		add(1, "its title %q names what %s does", c.op.Title, c.op.Method)
	}
}

// titleVerbFits reports whether a page's title starts with the verb of what its method
// does to a resource: Update item for a PATCH, rather than Move item, which is a PATCH
// of the same endpoint that changes the parent.
func titleVerbFits(op *Operation) bool {
	t := strings.ToLower(strings.TrimSpace(op.Title))
	has := func(verbs ...string) bool {
		return slices.ContainsFunc(verbs, func(v string) bool { return strings.HasPrefix(t, v+" ") })
	}
	switch op.Method {
	case "GET":
		return has("get", "list")
	case "POST":
		return has("create", "add")
	case "PATCH":
		return has("update")
	case "PUT":
		return has("update", "replace", "create")
	case "DELETE":
		return has("delete", "remove")
	}
	return false
}

// listsProperties reports whether an operation's request-body table lists properties of
// t (four in five of its names, along the base chain): a PATCH page that answers 204 and
// gives no body type still says by its table which resource it updates.
func (m *endpointMap) listsProperties(op *Operation, t *Type) bool {
	params := op.ParamsIn(InBody)
	if len(params) == 0 {
		return false
	}
	n := 0
	for _, p := range params {
		if _, ok := m.property(t, p.Name); ok {
			n++
		}
	}
	return 5*n >= 4*len(params)
}

// derives reports whether t derives, directly or not, from base.
func (m *endpointMap) derives(t, base *Type) bool {
	for a, n := t, 0; a != nil && a.Base != "" && n < 32; n++ {
		a = m.g.byName[key(a.Base)]
		if a == base {
			return true
		}
	}
	return false
}

// sameFamily reports whether two candidates differ only by types derived from the
// addressed type (mobileApp's twenty derived-type pages): the owner then takes the base.
func (m *endpointMap) sameFamily(a, b *candidate) bool {
	tg := a.path.Target
	if tg == nil {
		return false
	}
	addressed := m.g.resolve(tg.Type)
	if addressed == nil {
		return false
	}
	ok := func(r TypeRef) bool {
		t := m.g.resolve(r)
		return r.Kind == KindNone || t == addressed || t != nil && m.derives(t, addressed)
	}
	return ok(a.op.Response.Type) && ok(b.op.Response.Type) && ok(a.op.Body.Type) && ok(b.op.Body.Type)
}

// settleSignature makes an owner's body and response agree with what its path addresses,
// with a warning that gives the evidence when the page said otherwise, and records them
// on the path's target: one page can document several endpoints that address different
// types (POST /me/messages and /me/contacts on a page about extended properties).
func (m *endpointMap) settleSignature(op *Operation, p Path, ds *Diagnostics) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetEntity && tg.Kind != TargetCollection {
		m.settleOperationResult(op, p, ds)
		return
	}
	body, resp, notes := m.settle(op, p)
	for _, n := range notes {
		ds.Addf(n.pos, Warning, n.code, "%s", n.msg)
	}
	switch {
	case op.Method == "GET":
		if op.Response.Type.Kind != KindNone {
			tg.Result = &resp
		}
	default:
		if !body.Equal(op.Body.Type) {
			tg.Body = &body
		}
		if !resp.Equal(op.Response.Type) {
			tg.Result = &resp
		}
	}
}

// note is a diagnostic that settle found, reported only for an endpoint's owner.
type note struct {
	pos       Pos
	code, msg string
}

// settle is the body and response an operation's page gives an endpoint, made to agree
// with what the path addresses. A page about one type derived from the addressed one
// (androidLobApp for /deviceAppManagement/mobileApps) gives way to the addressed type:
// derived pages contribute documentation, not signatures. A body the page gives only as
// a table of the addressed type's properties (PATCH /users/{id}) is that type.
func (m *endpointMap) settle(op *Operation, p Path) (body, resp TypeRef, notes []note) {
	body, resp = op.Body.Type, op.Response.Type
	tg := p.Target
	if tg == nil || tg.Kind != TargetEntity && tg.Kind != TargetCollection {
		return body, resp, nil
	}
	addressed := m.g.resolve(tg.Type)
	if addressed == nil || !addressed.Documented {
		return body, resp, nil
	}
	elem := tg.Type
	elem.Collection = false
	elem.Pos = op.Pos
	fix := func(r *TypeRef, what string, coll bool) {
		t := m.g.resolve(*r)
		want := elem
		want.Collection = coll
		switch {
		case t == addressed && r.Collection == coll:
			return
		case t != nil && m.derives(t, addressed):
		case t == addressed && !tg.Sure:
			return
		case t == addressed:
			notes = append(notes, note{r.Pos.Or(op.Pos), "response-shape-mismatch",
				fmt.Sprintf("%s %s addresses %s (%s); the page's %s %s is corrected", op.Method, p, tg.Type, tg.Via, what, *r)})
		case r.Kind == KindNamed || r.Kind == KindUnknown:
			notes = append(notes, note{r.Pos.Or(op.Pos), "response-type-mismatch",
				fmt.Sprintf("%s %s addresses %s (%s); the page's %s %s is replaced by it", op.Method, p, tg.Type, tg.Via, what, *r)})
		default:
			return
		}
		want.Pos = r.Pos.Or(op.Pos)
		want.Raw = r.Raw
		*r = want
	}
	sends := false
	switch op.Method {
	case "GET":
		if resp.Kind != KindNone {
			fix(&resp, "response", tg.Kind == TargetCollection)
		}
		return body, resp, notes
	case "POST":
		sends = tg.Kind == TargetCollection
	case "PATCH", "PUT":
		sends = tg.Kind == TargetEntity
	}
	if !sends {
		return body, resp, notes
	}
	switch {
	case body.Kind != KindNone:
		fix(&body, "body", false)
	case m.listsProperties(op, addressed), !op.Body.None && len(op.ParamsIn(InBody)) == 0:
		// A table of the resource's properties, or prose alone ("supply the values for
		// properties that should be updated"): a create or update sends the resource.
		body = elem
		body.Pos = op.Body.Pos.Or(op.Pos)
	}
	if resp.Kind != KindNone {
		fix(&resp, "response", false)
	}
	return body, resp, notes
}

// settleOperationResult checks a bound action's or function's response against the
// Return Type of the Methods row that links its page.
func (m *endpointMap) settleOperationResult(op *Operation, p Path, ds *Diagnostics) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetOperation {
		return
	}
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if l.ret.Kind != KindNamed {
			continue
		}
		want := m.g.resolve(l.ret)
		got := m.g.resolve(op.Response.Type)
		if want == nil || got == want && op.Response.Type.Collection == l.ret.Collection {
			return
		}
		if got != nil && m.derives(got, want) {
			return
		}
		if op.Response.Type.Kind == KindNamed || op.Response.Type.Kind == KindUnknown || op.Response.Type.Kind == KindPrimitive && examplesAnswerObjects(op) {
			r := m.settled(l.ret)
			r.Pos = op.Response.Type.Pos.Or(op.Pos)
			also := ""
			if op.Response.Type.Kind == KindPrimitive {
				also = " and its example answers with objects"
			}
			ds.Addf(r.Pos, Warning, "response-type-mismatch",
				"%s %s: the Methods table of %s (%s) says it returns %s%s; the page's response %s is replaced by it",
				op.Method, p, l.owner.Name, l.pos, r, also, op.Response.Type)
			op.Response.Type = r
		}
		return
	}
}
