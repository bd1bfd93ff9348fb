package model

import "slices"

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
	owner *Type // the type that declares the property
	names map[string]bool
	first Pos // the first example that spells it otherwise than the table
}

// spelled records that an example member k matched t's property of that name without
// regard to case.
func (pf *propFinder) spelled(t *Type, k string, at Pos) {
	owner, p := pf.g.declared(t, k)
	if p == nil {
		return
	}
	s := pf.spellings[p]
	if s == nil {
		s = &spelling{owner: owner, names: map[string]bool{}}
		pf.spellings[p] = s
		pf.spellOrder = append(pf.spellOrder, p)
	}
	if !s.names[k] && k != p.Name && s.first == (Pos{}) {
		s.first = at
	}
	s.names[k] = true
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
		taken := slices.ContainsFunc(s.owner.Properties, func(o Property) bool { return o.Name == k })
		if k[0] < 'a' || k[0] > 'z' || taken || pf.tableUses(k) <= pf.tableUses(p.Name)-1 {
			continue
		}
		ds.Addf(p.Pos, Warning, "property-name-case",
			"property %s is written %s by every example that sends it (the first at %s): the wire name is %s", p.Name, k, s.first, k)
		p.Name = k
	}
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
