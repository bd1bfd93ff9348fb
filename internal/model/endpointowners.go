package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	pathpkg "path"
	"slices"
	"strings"
)

// Ownership in the endpoint map: one owner per endpoint (an HTTP method and a path shape),
// chosen by the evidence each page has for it (see endpoints.go).

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
	m.unkeyCollectionCalls(api.Pages, api.Operations, ds)
	byKey := map[string][]*candidate{}
	var keys []string
	calls := callsByName(api.Operations)
	lines := requestLinePos(api.Pages)
	for _, op := range api.Operations {
		m.settleParenKeys(op, calls, ds)
		m.settleSingularCollections(op, lines, ds)
	}
	for _, op := range api.Operations {
		for i := range op.Paths {
			op.Paths[i].Target = m.resolveTarget(op.Paths[i])
			titledOperation(op, op.Paths[i])
			m.titledNavigation(op, op.Paths[i])
			m.writtenNavigation(op, op.Paths[i])
		}
		callsThroughUnknownRoot(op)
		m.adoptExamples(op)
		m.exampleOnlyResult(op, ds)
	}
	m.createsOnNavigation(api.Operations)
	m.getTargets(api.Operations)
	m.linkedTargets(api.Operations)
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
	for _, k := range keys {
		if cs := byKey[k]; len(cs) > 1 {
			m.familyTarget(cs)
		}
	}
	m.familyTargetsAcrossMethods(keys, byKey)
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
			if tg := win.path.Target; tg != nil && c.op.Page != win.op.Page && !slices.Contains(tg.AlsoIn, c.op.Page) {
				tg.AlsoIn = append(tg.AlsoIn, c.op.Page)
			}
			if win.op.Method == "GET" && len(win.path.Query) == 0 && len(c.path.Query) == 0 {
				// Another page that documents the same GET speaks of its options too:
				// contactfolder-list-contacts.md says GET /me/contacts supports the OData
				// query parameters, where contact-list.md names only $filter.
				for _, o := range c.op.QueryOptions {
					if !slices.Contains(win.op.QueryOptions, o) {
						win.op.QueryOptions = append(win.op.QueryOptions, o)
					}
				}
			}
			mergeHeaders(win.op, c.op)
			if ws, cs := m.signature(win), m.signature(c); c.score == win.score && ws != cs && !m.sameFamily(win, c) {
				ds.Addf(c.op.Pos, Warning, "duplicate-operation",
					"%s %s is also documented by %s (line %d) with a different signature (%s, here %s) and the same evidence (%s); %s is kept as it sorts first",
					c.op.Method, c.path, win.op.Page, win.op.Pos.Line, ws, cs, evidenceText(win), win.op.Page)
			}
		}
		slices.Sort(win.op.AlsoIn)
		if win.path.Target != nil {
			slices.Sort(win.path.Target.AlsoIn)
		}
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
		for _, p := range op.Paths {
			if p.Example.IsValid() {
				// adoptExamples took it; say so where the example is, once it is kept.
				ds.Addf(p.Example, Warning, "path-from-example",
					"no request line of the page writes %s %s; this example calls it, and it addresses what the page's lines do: the operation also sends it", op.Method, p)
			}
		}
	}
	api.Operations = kept
	exampleOptions(api.Operations)
	m.settleKeyedProperties(ds)
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
			case t == addressed && c.op.Method == "GET" && m.answersCollection(c.op, r) != (tg.Kind == TargetCollection):
				// swapshiftschangerequest-get.md's request line leaves out the key: its one
				// object does not answer the collection the list page answers (its Methods
				// row says "Collection of", where its Response prose says "object").
				add(2, "its %s is the addressed %s, but not in the shape the path addresses", r, addressed.Name)
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
	if at, ok := exampleSendsTable(c.op, c.path); ok {
		add(1, "its example request for the endpoint (line %d) sends only its body table's rows", at.Line)
	}
	if len(c.path.Query) > 0 {
		add(-1, "its template fixes a query")
	}
	if c.path.Example.IsValid() {
		// Another page's request line outweighs what a page that only shows the path in
		// an example can have for it: range-get.md, linked from the range type's Methods
		// table and answering a range, calls /names/{name}/range in its example, which
		// nameditem-range.md documents.
		add(-5, "it shows the path only in an example (line %d)", c.path.Example.Line)
	}
	if c.op.Implicit && !c.path.Example.IsValid() {
		// site-get.md has no HTTP request section; its lines come from a scenario's
		// blocks, while site-getbypath.md, which site's Methods table links for it,
		// documents GET /sites/{hostname}:/{site-path} in its own.
		add(-2, "its page has no HTTP request section: the line is read from a block elsewhere on it")
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
		// A row whose example sends it as a binding (user, sent user@odata.bind on a
		// channel member) names a navigation of what is created, whichever derived type
		// documents it.
		if _, ok := m.property(t, p.Name); ok || m.examplesBind(op, p.Name) {
			n++
		}
	}
	return 5*n >= 4*len(params)
}

// examplesBind reports whether an example request of the operation sends name@odata.bind.
func (m *endpointMap) examplesBind(op *Operation, name string) bool {
	binds, ok := m.binds[op]
	if !ok {
		binds = map[string]bool{}
		for _, ex := range op.Examples {
			if ex.Kind != ExampleRequest || ex.Method != op.Method {
				continue
			}
			var keys map[string]json.RawMessage
			if json.Unmarshal([]byte(strings.TrimSpace(ex.Body)), &keys) != nil {
				continue
			}
			for k := range keys {
				if n, ok := strings.CutSuffix(strings.ToLower(k), "@odata.bind"); ok {
					binds[n] = true
				}
			}
		}
		m.binds[op] = binds
	}
	return binds[strings.ToLower(name)]
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

// answersCollection reports whether a page answers a collection of r's type: its Response
// section says so, or a Methods row that links the page gives the type as a collection.
func (m *endpointMap) answersCollection(op *Operation, r TypeRef) bool {
	if r.Collection {
		return true
	}
	t := m.g.resolve(r)
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if l.ret.Kind == KindNamed && l.ret.Collection && m.g.resolve(l.ret) == t {
			return true
		}
	}
	return false
}

// mergeHeaders gives the owner of an endpoint the request headers another page that
// documents it lists and the owner's does not, as options: user-list-manageddevices.md
// names ConsistencyLevel for GET /users/{id}/managedDevices, which the Intune list page
// owns without naming it. A header another page requires is optional here: the owner's
// page does not ask for it.
func mergeHeaders(win, other *Operation) {
	if win == other {
		return
	}
	for _, h := range other.Params {
		if h.In != InHeader || slices.ContainsFunc(win.Params, func(p Param) bool { return p.In == InHeader && strings.EqualFold(p.Name, h.Name) }) {
			continue
		}
		h.Presence = Optional
		win.Params = append(win.Params, h)
	}
}
