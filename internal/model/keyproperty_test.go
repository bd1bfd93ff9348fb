package model

import (
	"slices"
	"testing"
)

// TestAddKeyProperties: an entity's key is a property of it or of a base. A type whose
// annotation gives a keyProperty that it and its bases leave out gets it, typed as the
// common base documents it, when a Relationships row makes it an entity; a complex type
// with a stray keyProperty, or a type whose base has the key, gets nothing.
func TestAddKeyProperties(t *testing.T) {
	keyed := func(name, base, k string, props ...Property) *Page {
		pg := resourcePage(name, base, props)
		pg.Types[0].Key = k
		return pg
	}
	idProp := Property{Name: "id", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
	pages := []*Page{
		keyed("entity", "", "id", idProp),
		resourcePage("user", "microsoft.graph.entity", []Property{nav("rubrics", "rubric", true), prop("settings", "settingsBlock")}),
		resourcePage("group", "microsoft.graph.entity", []Property{nav("child", "childThing", false)}),
		keyed("rubric", "", "id", prop("displayName", "itemBody")),        // an entity whose page forgot id
		keyed("childThing", "microsoft.graph.entity", "id"),               // the base has it
		keyed("settingsBlock", "", "id", prop("displayName", "itemBody")), // complex: no navigation to it
		keyed("keyless", "", "", prop("displayName", "itemBody")),         // no keyProperty
		resourcePage("itemBody", "", nil),
	}
	for _, c := range []struct {
		name   string
		wantID bool
	}{{"rubric", true}, {"childThing", false}, {"settingsBlock", false}, {"keyless", false}} {
		t.Run(c.name, func(t *testing.T) {
			var ds Diagnostics
			g := newTypeGraph(pages, &ds)
			ty := g.byName[key("microsoft.graph."+c.name)]
			i := slices.IndexFunc(ty.Properties, func(p Property) bool { return p.Name == "id" })
			if (i >= 0) != c.wantID {
				t.Fatalf("own id property: %v, want %v (%+v)", i >= 0, c.wantID, ty.Properties)
			}
			if c.wantID && ty.Properties[i].Type.String() != "Edm.String" {
				t.Errorf("id is %s, want Edm.String", ty.Properties[i].Type)
			}
			added := slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Code == "key-property-added" && d.Pos.File == ty.Pos.File })
			if added != c.wantID {
				t.Errorf("key-property-added reported: %v, want %v\n%s", added, c.wantID, ds)
			}
		})
	}
}
