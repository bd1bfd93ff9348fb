package emit

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestOptionsFor: a path whose query template fixes an option the operation's options
// offer uses a copy without it, shared by paths that fix the same ones; ConsistencyLevel
// goes only with a Count or Search the copy keeps; a path that fixes none uses the
// operation's options.
func TestOptionsFor(t *testing.T) {
	opts := &goOptions{Fields: []goOpt{{Name: "Count", OData: "$count"}, {Name: "Expand", OData: "$expand"}}, ConsistencyEventual: true}
	variants := map[string]*goOptions{}
	fixing := func(names ...string) model.Path {
		var p model.Path
		for _, n := range names {
			p.Query = append(p.Query, model.QueryParam{Name: n, Value: "x"})
		}
		return p
	}
	if o := optionsFor(opts, fixing(), variants); o != opts {
		t.Errorf("no template: a copy")
	}
	e := optionsFor(opts, fixing("$expand"), variants)
	if e == opts || len(e.Fields) != 1 || e.Fields[0].Name != "Count" || !e.ConsistencyEventual {
		t.Errorf("$expand fixed: %+v", e)
	}
	if again := optionsFor(opts, fixing("$expand", "$filter"), variants); again != e {
		t.Errorf("the same fixed options: another copy")
	}
	if c := optionsFor(opts, fixing("$count"), variants); len(c.Fields) != 1 || c.Fields[0].Name != "Expand" || c.ConsistencyEventual {
		t.Errorf("$count fixed: %+v", c)
	}
}
