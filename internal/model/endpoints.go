package model

import (
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
	// LiteralKey is set when the last segment is a key written as a literal after a
	// collection (authenticationMethodConfigurations/fido2): one known element.
	LiteralKey bool
	// KeyPredicates are the indexes of the segments that address one member of a
	// collection by an alternate key: /applications(appId='{appId}') (see alternateKey).
	KeyPredicates []int
	// AlsoIn are the other pages that document this path's endpoint (the method and
	// path shape), sorted: a page's other paths may have none (Operation.AlsoIn has them
	// all).
	AlsoIn []string
}

// link is one Methods-table row pointing at an API page.
type link struct {
	owner *Type   // the resource whose Methods table has the row
	ret   TypeRef // its Return Type column
	title string  // its link text ("Get branding")
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
	// propertied are the prefix shapes some path follows with a property's name
	// (/branding/{propertyName}): each holds one value of the type its pages vote for.
	propertied map[string]bool
	// written are the path shapes some page updates, replaces or deletes: what they
	// address is a resource, never an action or function.
	written map[string]bool
	// twins are, for a root segment's shape, the prefixes that one page documents with
	// the same rest of the path (/me/events beside /users/{id}/events: /me is /users/{id}).
	twins map[string][]Path
	depth int // guards the walk of a twin
	// ops are every page's operations, whose examples are evidence for any endpoint.
	ops []*Operation
	// binds are, for an operation, the lower-cased names its example requests send as
	// name@odata.bind (read once: the owner rules ask for them per candidate and row).
	binds map[*Operation]map[string]bool
	// keyedProps are the navigation rows a table gives as one value that paths key
	// (servicePrincipal.appRoleAssignedTo/{id}), in the order the walk met them, with the
	// first path that met it: the table forgot "collection" (see settleKeyedProperties).
	keyedProps []keyedProp
	// collections are the lower-cased names of every documented collection-valued
	// navigation, made when first asked for: a segment that is not one with an "s" left
	// off is no singular slip, with no walk (see singularCollection).
	collections map[string]bool
}

// keyedProp is one navigation row that paths key.
type keyedProp struct {
	owner *Type
	name  string
	path  string
	// page is set where no line keys the row but a page lists it: GET path answers a
	// collection of the row's type (chatMessage.hostedContents, educationUser.assignments).
	page string
}

// listedRow records a navigation row that a table gives as one value where a GET of the
// path that ends in it answers a collection of the row's type (the list page of
// chatMessage.hostedContents, of beta's educationUser.assignments): the table forgot
// "collection", and a response that expands the row would fail to decode
// (settleKeyedProperties).
func (m *endpointMap) listedRow(op *Operation, p Path, resp TypeRef) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetEntity || tg.Type.Collection || !resp.Collection || len(p.Query) > 0 {
		return
	}
	pr, ok := m.lastRow(tg, p)
	parent := m.g.resolve(tg.Parent)
	// Graph names a collection in the plural: a singular row (educationSchool's
	// administrativeUnit, which v1.0 has a list page for) keeps its one value.
	if !ok || !pr.Navigation || pr.Type.Collection || !strings.HasSuffix(pr.Name, "s") || parent == nil || m.g.resolve(pr.Type) == nil || m.g.resolve(pr.Type) != m.g.resolve(resp) {
		return
	}
	if !slices.ContainsFunc(m.keyedProps, func(k keyedProp) bool { return k.owner == parent && k.name == pr.Name }) {
		m.keyedProps = append(m.keyedProps, keyedProp{owner: parent, name: pr.Name, path: p.String(), page: op.Page})
	}
}

// settleKeyedProperties makes a collection of each navigation row that a table gives as
// one value but paths key: servicePrincipal's Relationships row says appRoleAssignedTo is
// one appRoleAssignment, while its Methods table lists, gets and deletes them by key
// (/servicePrincipals/{id}/appRoleAssignedTo/{id}). The walk already read the paths so;
// the property follows, or a response that carries the collection ($expand) fails to
// decode. Each is reported at the row (property-shape-disagrees).
func (m *endpointMap) settleKeyedProperties(ds *Diagnostics) {
	for _, k := range m.keyedProps {
		t, p := m.g.declared(k.owner, k.name)
		switch {
		case p == nil || p.Type.Collection:
		case k.page != "":
			p.Type.Collection = true
			ds.Addf(p.Pos, Warning, "property-shape-disagrees",
				"%s.%s is one %s in its table, but %s lists them (GET %s answers a collection): it is a collection", t.Name, p.Name, p.Type.Name, k.page, k.path)
		default:
			p.Type.Collection = true
			ds.Addf(p.Pos, Warning, "property-shape-disagrees",
				"%s.%s is one %s in its table, but request lines put a key after it (%s is read through it): it is a collection", t.Name, p.Name, p.Type.Name, k.path)
		}
	}
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
	m := &endpointMap{g: g, links: map[string][]link{}, votes: map[string]*vote{}, keyed: map[string]bool{}, propertied: map[string]bool{}, written: map[string]bool{}, twins: map[string][]Path{}, ops: ops, binds: map[*Operation]map[string]bool{}}
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
			m.links[k] = append(m.links[k], link{owner: owner, ret: ml.Return, title: ml.Title, pos: ml.Pos, primary: primary})
		}
	}
	for _, op := range ops {
		m.addTwins(op)
		ev, w, ok := m.evidenceType(op)
		for _, p := range op.Paths {
			segs := p.Segments
			if (op.Method == "PATCH" || op.Method == "PUT" || op.Method == "DELETE") && len(p.Query) == 0 {
				m.written[prefixShape(segs)] = true
			}
			for i := 1; i < len(segs); i++ {
				// root:/{item-path} names an item by its path below root: it does not
				// key root, which stays one item.
				if segs[i].IsParam() && !segs[i].Parts[0].PathValued && !namesProperty(segs[i]) {
					m.keyed[prefixShape(segs[:i])] = true
				}
				if segs[i].IsParam() && namesProperty(segs[i]) {
					m.propertied[prefixShape(segs[:i])] = true
				}
			}
			if !ok || len(p.Query) > 0 || len(segs) == 0 {
				continue
			}
			last := segs[len(segs)-1]
			switch {
			case last.IsParam() && namesProperty(last) && len(segs) >= 2 && plainName(segs[len(segs)-2]) != "":
				// /branding/{propertyName}: a property of the one value /branding holds.
				if op.Method == "GET" || op.Method == "PATCH" || op.Method == "PUT" {
					t := ev
					t.Collection = false
					m.vote(segs[:len(segs)-1], t, w)
				}
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
				case op.Method == "POST" && op.LooksCreate():
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
			// A root never stands for a path below itself: /print/shares/{id} beside
			// /print/printers/{id}/shares/{id} makes no twin of /print.
			if n < 2 || len(b.Query) > 0 || !isRootName(b.Segments[0]) || prefixShape(b.Segments[:1]) == prefixShape(a.Segments[:1]) ||
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

// namesProperty reports whether a placeholder segment names a property of what the path
// addresses rather than a key ("/organization/{id}/branding/{property name}": the
// branding's bannerLogo, not one branding of many).
func namesProperty(s Segment) bool {
	n := strings.ToLower(s.Parts[0].Param)
	return n == "property" || strings.HasSuffix(n, "propertyname")
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
	if l, ok := m.evidenceLink(op); ok {
		if t := m.g.resolve(l.ret); t != nil {
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

// evidenceLink is the Methods row whose Return Type speaks for an operation's page. Several
// resource pages link one page when it serves a family (threatAssessmentRequest's create,
// which its four derived types' pages link too, each with its own type): the row whose type
// the page's Response section names wins, else the one whose type is a base of every
// other's, else the first; file order never decides between a base and its derived types.
func (m *endpointMap) evidenceLink(op *Operation) (link, bool) {
	var typed []link
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if l.ret.Kind == KindNamed && m.g.resolve(l.ret) != nil {
			typed = append(typed, l)
		}
	}
	if len(typed) == 0 {
		return link{}, false
	}
	if rt := m.g.resolve(op.Response.Type); rt != nil && op.Response.Type.Kind == KindNamed {
		// The row that agrees with the Response section in shape too, where two rows name
		// its type (organization.md's "Get branding" says a collection, the branding
		// page's row and the page itself one object).
		for _, l := range typed {
			if m.g.resolve(l.ret) == rt && l.ret.Collection == op.Response.Type.Collection {
				return l, true
			}
		}
		for _, l := range typed {
			if m.g.resolve(l.ret) == rt {
				return l, true
			}
		}
	}
	for _, l := range typed {
		base := m.g.resolve(l.ret)
		if !slices.ContainsFunc(typed, func(o link) bool {
			t := m.g.resolve(o.ret)
			return t != base && !m.derives(t, base)
		}) {
			return l, true
		}
	}
	return typed[0], true
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
// propertyFamily is the one documented type that every property of t (and of its bases)
// has, its key and primitive properties aside, when there are at least two such
// properties and none is a collection: a placeholder segment below a t names one of
// them (thumbnailSet: small, medium, large, source, each a thumbnail). nil otherwise.
func (m *endpointMap) propertyFamily(t *Type) *Type {
	var fam *Type
	n := 0
	for a, depth := t, 0; a != nil && depth < 32; depth++ {
		for _, p := range a.Properties {
			if p.Type.Kind == KindPrimitive || strings.EqualFold(p.Name, "id") || strings.EqualFold(p.Name, a.Key) {
				continue
			}
			pt := m.g.resolve(p.Type)
			if p.Type.Kind != KindNamed || p.Type.Collection || pt == nil || pt.IsEnum || fam != nil && pt != fam {
				return nil
			}
			fam = pt
			n++
		}
		if a.Base == "" {
			break
		}
		a = m.g.byName[key(a.Base)]
	}
	if n < 2 {
		return nil
	}
	return fam
}

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
