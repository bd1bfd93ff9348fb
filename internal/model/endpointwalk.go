package model

import (
	"slices"
	"strings"
)

// The walk of the endpoint map: what a path addresses, segment by segment through the type
// graph (see endpoints.go).

// resolveTarget walks a path through the type graph.
func (m *endpointMap) resolveTarget(p Path) *Target {
	tg := &Target{}
	var cur *Type
	coll := false
	var parent *Type
	var via []string
	sure := true        // whether a value/collection reading rests on evidence (see below)
	literalKey := false // whether the last segment read was a key written as a literal
	ref := func(t *Type, c bool) TypeRef {
		if t == nil {
			return TypeRef{}
		}
		return t.ref(c)
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
		tg.LiteralKey = literalKey
		return tg
	}
	segs := p.Segments
	for i, s := range segs {
		literalKey = false
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
				// A singleton no page reads as a whole, named after its type as Graph
				// names them (/print, /directory, /admin): it holds that type.
				if t, c := m.typeNamed(nil, lit); t != nil && !c && t.Name == lit && m.isEntity(t) {
					cur, coll = t, false
					via = append(via, lit+"(singleton)")
					continue
				}
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
			case cur != nil && m.propertyFamily(cur) != nil:
				// A placeholder after one value names one of its properties (a key
				// never follows a key): /thumbnails/{thumb-id}/{size} is a thumbnailSet's
				// small, medium, large or source, each a thumbnail.
				parent, cur = cur, m.propertyFamily(cur)
				via = append(via, "{property}("+parent.Name+")")
			default:
				return done(TargetUnknown)
			}
		case isLit && lit == "$" && coll:
			// OData's key-as-segment escape: after a collection, "$" says the next
			// segment is not a key (/me/memberOf/$/microsoft.graph.group,
			// /workbook/tables/$/add), so it addresses nothing by itself.
			via = append(via, "$")
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
			if t, ok := m.alternateKey(i == 0, cur, coll, s); ok {
				// /applications(appId='{appId}'): one member, by another key
				parent, cur, coll, sure = cur, t, false, true
				via = append(via, s.String()+"(alternate key)")
				tg.KeyPredicates = append(tg.KeyPredicates, i)
				continue
			}
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
							// "collection", unless what follows names one of the
							// value's properties (a user flow's apiConnectorConfiguration/
							// {step} is its postFederationSignup or another
							// identityApiConnector); one that says neither leaves it open.
							switch {
							case !coll && m.keyed[prefixShape(segs[:i+1])] && m.propertyFamily(cur) == nil:
								coll = true
								via[len(via)-1] += "[keyed]"
								sure = true
								if !slices.ContainsFunc(m.keyedProps, func(k keyedProp) bool { return k.owner == parent && k.name == name }) {
									m.keyedProps = append(m.keyedProps, keyedProp{owner: parent, name: name, path: p.String()})
								}
							default:
								sure = coll || !pr.Navigation
							}
							continue
						}
					}
				}
				// A Relationships row whose type no page documents (message.attachments
				// where attachment.md is missing): the segment is a navigation, not an
				// action named like it, but where it leads is not known.
				if cur != nil {
					if pr, ok := m.property(cur, name); ok && pr.Type.Kind == KindNamed && m.g.resolve(pr.Type) == nil {
						via = append(via, name+"("+cur.Name+", undocumented "+pr.Type.Name+")")
						return done(TargetUnknown)
					}
				}
				// A navigation that only types derived from cur have, written without the
				// cast (/deviceConfigurations/{id}/identityCertificate): it addresses the
				// common base of what those types' rows give.
				if cur != nil {
					if t, c, ok := m.derivedProperty(cur, name); ok {
						parent, cur, coll, sure = cur, t, c, c
						via = append(via, name+"(derived "+parent.Name+")")
						continue
					}
				}
				// A segment no table documents below a known type is a navigation only
				// when the docs key it somewhere; below an unknown one (a singleton no
				// page reads: /communications) any vote will do.
				// A name that reads as a function (getOffice365ActivationCounts below
				// /reports, which no page reads) is one, whatever its page answers.
				if cur == nil && !readsAsFunction(name) || m.keyed[prefixShape(segs[:i+1])] || m.propertied[prefixShape(segs[:i+1])] {
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
			if cur == nil && readsAsFunction(name) && i == len(segs)-1 {
				tg.Name = name
				via = append(via, name+"()")
				return done(TargetOperation)
			}
			if cur == nil {
				return done(TargetUnknown)
			}
			if name != "" && !coll {
				// A plain segment no table documents that names a type (calendars on a
				// calendarGroup page that forgot its Relationships) is a navigation to
				// it; actions and functions are named by verbs (move, delta).
				if t, c := m.typeNamed(cur, name); t != nil {
					// A page that a Methods row links reads the segment and the row gives
					// its type (rbacApplication's "List roleDefinitions" answers
					// unifiedRoleDefinition, not the intune roleDefinition the name gives):
					// the row's type is what the segment holds.
					if r, ok := m.voted(segs[:i+1]); ok && m.rowVoted(segs[:i+1]) && m.g.resolve(r) != nil && m.g.resolve(r) != t {
						t, c = m.g.resolve(r), r.Collection
						via = append(via, name+"(row)")
					} else {
						via = append(via, name+"(named)")
					}
					parent, cur, coll, sure = cur, t, c, false
					continue
				}
			}
			if _, isProp := m.property(cur, name); coll && name != "" && !isProp && m.written[prefixShape(segs[:i+1])] {
				// A literal after a collection that some page updates or deletes is a key
				// written as a segment (authenticationMethodConfigurations/fido2): an
				// action or function is never PATCHed or DELETEd. One that names a
				// property of the elements (sort/fields/icon, a key left out) is not.
				coll, sure, literalKey = false, true, true
				via = append(via, name+"(key)")
				continue
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
	return t.ref(true), true
}

// typeNamed finds the microsoft.graph type a segment names: itself (calendar) or, as a
// collection, its singular (calendars). The docs name a type that only lives below another
// after it (workbook's application is a workbookApplication, a worksheet's charts are
// workbookChart): a name that the parent's name, or a leading part of it, qualifies comes
// before the bare one, which may be an unrelated type (the directory's application).
func (m *endpointMap) typeNamed(parent *Type, name string) (*Type, bool) {
	var prefixes []string
	if parent != nil {
		for i := len(parent.Name); i > 0; i-- {
			if i == len(parent.Name) || (parent.Name[i] >= 'A' && parent.Name[i] <= 'Z') {
				prefixes = append(prefixes, parent.Name[:i])
			}
		}
	}
	prefixes = append(prefixes, "")
	for _, pre := range prefixes {
		for _, c := range []struct {
			n    string
			coll bool
		}{{name, false}, {Singular(name), true}} {
			if c.coll && c.n == name {
				continue
			}
			n := c.n
			if pre != "" {
				if n == "" {
					continue
				}
				n = pre + strings.ToUpper(n[:1]) + n[1:]
			}
			// A prefix that rebuilds the parent's own name (shared + DriveItem below a
			// sharedDriveItem) names the parent, not what hangs from it.
			if t := m.g.byName[key("microsoft.graph."+n)]; t != nil && !t.IsEnum && t.Documented && (pre == "" || t != parent) {
				return t, c.coll
			}
		}
	}
	return nil, false
}

// isEntity reports whether a type is an entity: it names a key, or derives from
// microsoft.graph.entity. The complex type identity (an identitySet's user) is not what
// /identity holds.
func (m *endpointMap) isEntity(t *Type) bool {
	for n := 0; t != nil && n < 32; n++ {
		if t.Key != "" || strings.EqualFold(t.QualifiedName(), "microsoft.graph.entity") {
			return true
		}
		if t.Base == "" {
			return false
		}
		t = m.g.byName[key(t.Base)]
	}
	return false
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

// rowVoted reports whether a Methods row voted for a path prefix's type: a page that a
// resource's Methods table links reads it (weight 3 or more).
func (m *endpointMap) rowVoted(segs []Segment) bool {
	v := m.votes[prefixShape(segs)]
	if v == nil {
		return false
	}
	best, ok := v.best()
	if !ok {
		return false
	}
	k := key(best.QualifiedName())
	if best.Collection {
		k += "[]"
	}
	return v.weights[k] >= 3
}

// derivedProperty finds a navigation or complex property named name on the types derived
// from t (t's own tables do not have it): the nearest common base of the types those rows
// give, and whether they say a collection (they must agree).
func (m *endpointMap) derivedProperty(t *Type, name string) (*Type, bool, bool) {
	var types []*Type
	coll := false
	for _, d := range m.g.descendants(t) {
		for _, p := range d.Properties {
			if !strings.EqualFold(p.Name, name) || p.Type.Kind != KindNamed {
				continue
			}
			pt := m.g.resolve(p.Type)
			if pt == nil || pt.IsEnum {
				return nil, false, false
			}
			if len(types) > 0 && p.Type.Collection != coll {
				return nil, false, false
			}
			coll = p.Type.Collection
			types = append(types, pt)
		}
	}
	if len(types) == 0 {
		return nil, false, false
	}
	base := m.g.nearestBase(types)
	if base == nil || !base.Documented {
		return nil, false, false
	}
	return base, coll, true
}

// readsAsFunction reports whether a segment's name is a function's by OData habit: get
// and a capital (getOffice365ActivationCounts, getMemberGroups). No Relationships row of
// the docs names a navigation so.
func readsAsFunction(name string) bool {
	return len(name) > 3 && strings.HasPrefix(name, "get") && name[3] >= 'A' && name[3] <= 'Z'
}
