package model

import "strings"

// A resource page's table and its examples can spell a property differently in case only:
// printUsageByPrinter's table has printerID, its JSON representation and every example
// printerId. Graph's names are case-sensitive on the wire, and the examples show what the
// service sends, but not always: place-list's examples write "geocoordinates", where
// every table that has the member writes geoCoordinates. wireNamesFromExamples gives such
// a property the examples' spelling when every example member that matches it spells it
// that one way, starting lower-case as Graph's names do, no other property of the type
// already has that name, and the other types' tables write the examples' spelling more
// often than the table's (tenantId, not tenantID; timeSlots, not timeslots). Each rename
// is reported (property-name-case) at the table row, with the first example that shows it.

// spelling is how example members spell one documented property.
type spelling struct {
	names map[string]bool
	first Pos // the first example that spells it otherwise than the table
}

// spelled records that an example member k matched t's property of that name without
// regard to case.
func (pf *propFinder) spelled(t *Type, k string, at Pos) {
	p := pf.declared(t, k)
	if p == nil {
		return
	}
	s := pf.spellings[p]
	if s == nil {
		s = &spelling{names: map[string]bool{}}
		pf.spellings[p] = s
		pf.spellOrder = append(pf.spellOrder, p)
	}
	if !s.names[k] && k != p.Name && s.first == (Pos{}) {
		s.first = at
	}
	s.names[k] = true
}

// declared is the property of t, or of a type t derives from, that name matches: the one
// of that exact name if there is one, else the first that matches without case.
func (pf *propFinder) declared(t *Type, name string) *Property {
	var folded *Property
	seen := map[*Type]bool{}
	for ; t != nil && !seen[t]; t = pf.g.byName[key(t.Base)] {
		seen[t] = true
		for i := range t.Properties {
			switch p := &t.Properties[i]; {
			case p.Name == name:
				return p
			case folded == nil && strings.EqualFold(p.Name, name):
				folded = p
			}
		}
		if t.Base == "" {
			break
		}
	}
	return folded
}

// wireNamesFromExamples renames the properties every example spells otherwise (see above).
func (pf *propFinder) wireNamesFromExamples(ds *Diagnostics) {
	for _, p := range pf.spellOrder {
		s := pf.spellings[p]
		if len(s.names) != 1 || s.names[p.Name] {
			continue
		}
		var k string
		for n := range s.names {
			k = n
		}
		if k[0] < 'a' || k[0] > 'z' || pf.taken(p, k) || pf.tableUses(k) <= pf.tableUses(p.Name)-1 {
			continue
		}
		ds.Addf(p.Pos, Warning, "property-name-case",
			"property %s is written %s by every example that sends it (the first at %s): the wire name is %s", p.Name, k, s.first, k)
		p.Name = k
	}
}

// taken reports whether the type that declares p has another property named name.
func (pf *propFinder) taken(p *Property, name string) bool {
	for _, t := range pf.g.byName {
		for i := range t.Properties {
			if &t.Properties[i] == p {
				for _, o := range t.Properties {
					if o.Name == name {
						return true
					}
				}
				return false
			}
		}
	}
	return false
}

// tableUses is how many properties of all types are named exactly name.
func (pf *propFinder) tableUses(name string) int {
	if pf.uses == nil {
		pf.uses = map[string]int{}
		for _, t := range pf.g.byName {
			for _, p := range t.Properties {
				pf.uses[p.Name]++
			}
		}
	}
	return pf.uses[name]
}
