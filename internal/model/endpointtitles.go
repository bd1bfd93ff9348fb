package model

import (
	"strings"
)

// Paths the walk could not settle, settled by what the page's title calls them.

// titledOperation settles a path the type graph could not follow (its root is a
// singleton no page reads, /reports) as a bound action or function when the page's title
// names its last segment as one: "reportRoot: getOffice365ActiveUserDetail",
// "revokeLicenses action", "compare function". The type it is bound to stays unknown.
//
// A last segment the walk took for a navigation only because it names a type (a
// worksheet's range, a workbookRange, that no Relationships table lists) is settled the
// same way: "Worksheet: Range" is the title of a function.
func titledOperation(op *Operation, p Path) {
	tg := p.Target
	if tg == nil || len(p.Segments) < 2 || op.Method != "POST" && op.Method != "GET" {
		return
	}
	last := p.Segments[len(p.Segments)-1]
	name := operationName(last)
	if name == "" || strings.HasPrefix(name, "$") {
		return
	}
	named := (tg.Kind == TargetEntity || tg.Kind == TargetCollection) && !tg.Sure && strings.HasSuffix(tg.Via, " "+name+"(named)")
	if tg.Kind != TargetUnknown && !named {
		return
	}
	if titlesOperation(op.Title, name) {
		if named {
			tg.Type, tg.Parent = tg.Parent, TypeRef{}
			tg.Via = strings.TrimSpace(strings.TrimSuffix(tg.Via, name+"(named)"))
		}
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
	// The title may spell the name in words ("List followed sites") and name the type
	// it hangs from ("List group transitive memberOf"); the text of a Methods row that
	// links the page counts as its title ("Get branding" on organization, whose
	// Relationships row names organizationalBranding).
	n := strings.ToLower(name)
	titled := func(title string) bool {
		t := strings.ToLower(strings.Join(strings.Fields(title), ""))
		if parent := m.g.resolve(tg.Type); parent != nil && !tg.Type.Collection {
			t = strings.Replace(t, strings.ToLower(parent.Name), "", 1)
		}
		return t == "list"+n || t == "get"+n
	}
	ok = titled(op.Title)
	if !ok && !titlesOperation(op.Title, name) {
		// A page titled as the function ("user: delta") is one, whatever a row calls it
		// ("Get delta" on user).
		for _, l := range m.links[strings.ToLower(op.Page)] {
			ok = ok || titled(l.title)
		}
	}
	if !ok {
		return
	}
	nt := m.g.resolve(r)
	if nt == nil {
		return
	}
	tg.Parent = tg.Type
	tg.Type = nt.ref(r.Collection)
	tg.Kind, tg.Name, tg.Sure = TargetEntity, "", false
	if r.Collection {
		tg.Kind = TargetCollection
	}
	tg.Via = strings.TrimSuffix(tg.Via, name+"()") + name + "(titled)"
}

// writtenNavigation settles a PATCH, PUT or DELETE of a segment the walk took for a bound
// action or function. Those are called with GET or POST; what is written or deleted is a
// value the path navigates to (beta organization's /branding, whose Relationships row is
// named organizationalBranding; a workbook range(address=...) that a PATCH updates): the
// one entity the page's type (or the resource it sends) names, else an unknown target,
// never an operation.
func (m *endpointMap) writtenNavigation(op *Operation, p Path) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetOperation || op.Method == "GET" || op.Method == "POST" || len(p.Segments) == 0 {
		return
	}
	name := tg.Name
	r, _, ok := m.evidenceType(op)
	if !ok && op.Body.Type.Kind == KindNamed && m.g.resolve(op.Body.Type) != nil {
		r, ok = op.Body.Type, true // the resource a PATCH or PUT sends
	}
	if ok && !r.Collection && plainName(p.Segments[len(p.Segments)-1]) == name {
		if nt := m.g.resolve(r); nt != nil {
			tg.Parent, tg.Type = tg.Type, nt.ref(false)
			tg.Kind, tg.Name, tg.Sure = TargetEntity, "", false
			tg.Via = strings.TrimSuffix(tg.Via, name+"()") + name + "(written)"
			return
		}
	}
	tg.Kind, tg.Name = TargetUnknown, ""
	tg.Via = strings.TrimSuffix(tg.Via, name+"()") + name + "(written)"
}

// titlesOperation reports whether a page's title names it as the operation name: "user:
// delta", "delta function", "revokeLicenses action".
func titlesOperation(title, name string) bool {
	t := strings.ToLower(strings.TrimSpace(title))
	n := strings.ToLower(name)
	_, after, colon := strings.Cut(t, ":")
	return colon && strings.TrimSpace(after) == n || t == n+" action" || t == n+" function"
}

// createsOnNavigation settles a create POST to a segment the walk took for a bound action,
// when a GET of the same path was settled as a collection navigation by its title
// (educationUser's rubrics, which no Relationships row lists: "List rubrics" answers a
// collection of educationRubric; "Create educationRubric" POSTs one to it). The POST is a
// create on that collection when it reads as one (LooksCreate) and the type its page gives
// is the collection's element type or derived from it; actions are not titled "Create".
func (m *endpointMap) createsOnNavigation(ops []*Operation) {
	colls := map[string]*Target{} // shape -> a GET's collection navigation
	for _, op := range ops {
		for _, p := range op.Paths {
			if op.Method == "GET" && p.Target != nil && p.Target.Kind == TargetCollection && len(p.Query) == 0 && strings.HasSuffix(p.Target.Via, "(titled)") {
				if _, ok := colls[p.Shape()]; !ok {
					colls[p.Shape()] = p.Target
				}
			}
		}
	}
	for _, op := range ops {
		if op.Method != "POST" || !op.LooksCreate() {
			continue
		}
		for i := range op.Paths {
			p := &op.Paths[i]
			got := colls[p.Shape()]
			if got == nil || p.Target == nil || p.Target.Kind != TargetOperation || len(p.Query) > 0 || plainName(p.Segments[len(p.Segments)-1]) != p.Target.Name {
				continue
			}
			elem := m.g.resolve(got.Type)
			agrees := false
			for _, r := range []TypeRef{op.Response.Type, op.Body.Type} {
				if t := m.g.resolve(r); t != nil && r.Kind == KindNamed && (t == elem || m.derives(t, elem)) {
					agrees = true
				}
			}
			if !agrees {
				continue
			}
			tg := *got
			p.Target = &tg
		}
	}
}
