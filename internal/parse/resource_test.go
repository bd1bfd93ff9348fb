package parse

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// typeFacts renders the types a page defines, one fact a line: type (or enum), prop,
// member; then the page's diagnostics.
func typeFacts(pg *model.Page, ds model.Diagnostics) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, t := range pg.Types {
		s := "type " + t.QualifiedName()
		if t.Enum {
			s = "enum " + t.QualifiedName()
		}
		if t.Base != "" {
			s += " base=" + t.Base
		}
		if len(t.Derived) > 0 {
			s += " derived=" + strings.Join(t.Derived, ",")
		}
		if t.Key != "" {
			s += " key=" + t.Key
		}
		for _, f := range []struct {
			on   bool
			name string
		}{{t.Open, "open"}, {t.Abstract, "abstract"}, {t.Flags, "flags"}} {
			if f.on {
				s += " " + f.name
			}
		}
		add("%s %s", s, at(t.Pos))
		for _, p := range t.Properties {
			s := fmt.Sprintf("prop %s %s", p.Name, p.Type)
			for _, f := range []struct {
				on   bool
				name string
			}{{p.ReadOnly, "ro"}, {p.Required, "req"}, {p.Nullable, "null"}, {p.Navigation, "nav"}, {p.FromJSON, "json"}} {
				if f.on {
					s += " " + f.name
				}
			}
			add("%s %s", s, at(p.Pos))
		}
		for _, m := range t.Members {
			add("member %s=%s %s", m.Name, m.Value, at(m.Pos))
		}
	}
	for _, d := range ds.Sort() {
		add("diag %d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Code)
	}
	return out
}

// checkTypes parses md as file and compares its types and diagnostics with want.
func checkTypes(t *testing.T, file, md string, want []string) {
	t.Helper()
	pg, ds := Parse(file, src(md))
	for _, ty := range pg.Types {
		ps := []model.Pos{ty.Pos}
		for _, p := range ty.Properties {
			ps = append(ps, p.Pos, p.Type.Pos)
		}
		for _, m := range ty.Members {
			ps = append(ps, m.Pos)
		}
		for _, p := range ps {
			if p.File != file || p.Line < 1 || p.Col < 1 {
				t.Errorf("%s: position %v does not name a place in %s", ty.Name, p, file)
			}
		}
	}
	got := typeFacts(pg, ds)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s\ndiagnostics:\n%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), ds)
	}
}

func TestResourceTypes(t *testing.T) {
	tests := []struct {
		name, file, md string
		want           []string
	}{{
		name: "annotation names the type; properties, relationships and a matching JSON representation",
		file: "v1.0/resources/widget.md",
		md: `
# widget resource type

Namespace: microsoft.graph

A widget.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|The identifier. Read-only.|
|size|Int32|How big. Required.|
|tags|String collection|Labels. Nullable.|
|owner|[identitySet](identityset.md)|Who owns it. Not nullable.|
|createdDateTime|DateTimeOffset|When. read-only|

## Relationships
|Relationship|Type|Description|
|:---|:---|:---|
|parts|[part](part.md) collection|The parts. Read-only. Nullable.|

## JSON representation
<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "baseType": "microsoft.graph.entity",
  "openType": true,
  "abstract": "true",
  "@odata.type": "microsoft.graph.gadget"
}-->
~~~json
{
  "@odata.type": "#microsoft.graph.gadget",
  "id": "String (identifier)",
  "size": 1024,
  "tags": ["String"],
  "owner": {"@odata.type": "microsoft.graph.identitySet"},
  "createdDateTime": "String (timestamp)"
}
~~~
`,
		want: []string{
			"type microsoft.graph.gadget base=microsoft.graph.entity key=id open abstract @1:1",
			"prop id Edm.String ro @10:2",
			"prop size Edm.Int32 req @11:2",
			"prop tags Collection(Edm.String) null @12:2",
			"prop owner microsoft.graph.identitySet @13:2",
			"prop createdDateTime Edm.DateTimeOffset ro @14:2",
			"prop parts Collection(microsoft.graph.part) ro null nav @19:2",
		},
	}, {
		name: "name from the title; header variants; group labels and instance attributes skipped",
		file: "beta/resources/gizmo.md",
		md: `
# gizmo complex type

Namespace: microsoft.graph.gadgets

## Properties
|Property name|Type|Description|
|:---|:---|:---|
|**Basics**|||
|name|String (readonly)|The name.|
|code|string, maximum size 20|A code.|
|aliases|Collection of String|Other names.|
|@microsoft.graph.mode|String|An instance attribute.|
`,
		want: []string{
			"type microsoft.graph.gadgets.gizmo @1:1",
			"prop name Edm.String ro @9:2",
			"prop code Edm.String @10:2",
			"prop aliases Collection(Edm.String) @11:2",
		},
	}, {
		name: "Name|Type|Description and Property|Type headers; a second table warns",
		file: "beta/resources/summary.md",
		md: `
# summary resource type

## Properties
|Name|Type|Description|
|:---|:---|:---|
|total|Int64|All.|

### More
|Property|Type|
|:---|:---|
|active|Int64|
`,
		want: []string{
			"type microsoft.graph.summary @1:1",
			"prop total Edm.Int64 @6:2",
			"prop active Edm.Int64 @11:2",
			"diag 9:1 warning properties-several-tables",
		},
	}, {
		name: "a row capitalised where the JSON representation writes the wire name",
		file: "v1.0/resources/datetimetimezone.md",
		md: `
# dateTimeTimeZone resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|DateTime|String|A point in time.|
|TimeZone|String|A zone.|

## JSON representation
<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.dateTimeTimeZone" } -->
` + "```json" + `
{
  "dateTime": "string",
  "timeZone": "string"
}
` + "```" + `
`,
		want: []string{
			"type microsoft.graph.dateTimeTimeZone @1:1",
			"prop dateTime Edm.String @6:2",
			"prop timeZone Edm.String @7:2",
			"diag 6:2 warning property-name-case",
			"diag 7:2 warning property-name-case",
		},
	}, {
		name: "base type from the intro: a link, and a sub-namespace page linking to a microsoft.graph type",
		file: "beta/resources/reports-sprocket.md",
		md: `
# sprocket resource type

Namespace: microsoft.graph.reports

A sprocket. Inherits from [entity](entity.md).

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Key.|
`,
		want: []string{
			"type microsoft.graph.reports.sprocket base=microsoft.graph.entity @1:1",
			"prop id Edm.String @10:2",
		},
	}, {
		name: "base type from prose in the page's namespace; baseType null is no base",
		file: "beta/resources/reports-cog.md",
		md: `
# cog resource type

Namespace: microsoft.graph.reports

Derived from [sprocket](reports-sprocket.md).

## Properties
|Property|Type|Description|
|:---|:---|:---|
|teeth|Int32|Count.|

## JSON representation
<!-- { "blockType": "resource", "baseType": null, "@odata.type": "microsoft.graph.reports.cog" } -->
~~~json
{ "teeth": 12 }
~~~
`,
		want: []string{
			"type microsoft.graph.reports.cog base=microsoft.graph.reports.sprocket @1:1",
			"prop teeth Edm.Int32 @10:2",
		},
	}, {
		name: "derived types a base type's intro lists; a link after other words is not one",
		file: "v1.0/resources/outcome.md",
		md: `
# outcome resource type

Namespace: microsoft.graph

The result. This is a base class; the derived types are [feedbackOutcome](feedbackoutcome.md), [pointsOutcome](pointsoutcome.md), and [outcome](outcome.md). See also [rubric](rubric.md).

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Key.|
`,
		want: []string{
			"type microsoft.graph.outcome derived=microsoft.graph.feedbackOutcome,microsoft.graph.pointsOutcome @1:1",
			"prop id Edm.String @10:2",
		},
	}, {
		name: "prose that is not a base type",
		file: "beta/resources/guess.md",
		md: `
# guess resource type

A guess is derived from a machine learning model, a subclass of guesswork.

## Properties
|Property|Type|Description|
|:---|:---|:---|
|score|Double|How sure.|
`,
		want: []string{
			"type microsoft.graph.guess @1:1",
			"prop score Edm.Double @8:2",
		},
	}, {
		name: "JSON keys missing from the tables become properties (json); rows missing from the JSON warn",
		file: "v1.0/resources/gear.md",
		md: `
# gear resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Key.|
|ratio|Double|Gear ratio.|

## Relationships
|Relationship|Type|Description|
|:---|:---|:---|
|axle|[axle](axle.md)|Not in the JSON, and that is fine.|

## JSON representation
<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.gear" } -->
~~~json
{
  "@odata.type": "#microsoft.graph.gear",
  "id": "String", // the key
  /* some comment */
  "enabled": "Boolean",
  "teeth": "Int32",
  "made": "String (timestamp)",
  "maker": {"@odata.type": "microsoft.graph.identitySet"},
  "labels": ["string"],
  "parts": [{"@odata.type": "microsoft.graph.part"}],
  "count": 3,
  "note": "a sample text",
}
~~~
`,
		want: []string{
			"type microsoft.graph.gear @1:1",
			"prop id Edm.String @6:2",
			"prop ratio Edm.Double @7:2",
			"prop axle microsoft.graph.axle nav @12:2",
			"prop enabled Edm.Boolean json @21:3",
			"prop teeth Edm.Int32 json @22:3",
			"prop made Edm.DateTimeOffset json @23:3",
			"prop maker microsoft.graph.identitySet json @24:3",
			"prop labels Collection(Edm.String) json @25:3",
			"prop parts Collection(microsoft.graph.part) json @26:3",
			"prop count Edm.Int32 json @27:3",
			"prop note Edm.String json @28:3",
			"diag 7:2 warning property-not-in-json",
			// property-only-in-json comes from the model, which knows the base types
		},
	}, {
		name: "a table row whose JSON representation shows another kind of value takes the representation's",
		file: "beta/resources/textcolumn.md",
		md: `
# textColumn resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|allowMultipleLines|string|Whether to allow several lines.|
|maxLength|Int32|How long.|
|initiatedBy|bool|The id of who did it.|
|score|String|A score.|
|name|Int32|Sent as placeholder text, which says nothing.|

## JSON representation
<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.textColumn" } -->
~~~json
{
  "allowMultipleLines": true,
  "maxLength": 1024,
  "initiatedBy": "string",
  "score": 10.5,
  "name": "Name value"
}
~~~
`,
		want: []string{
			"type microsoft.graph.textColumn @1:1",
			"prop allowMultipleLines Edm.Boolean @6:2",
			"prop maxLength Edm.Int32 @7:2",
			"prop initiatedBy Edm.String @8:2",
			"prop score Edm.Double @9:2",
			"prop name Edm.Int32 @10:2",
			"diag 16:3 warning property-type-from-json",
			"diag 18:3 warning property-type-from-json",
			"diag 19:3 warning property-type-from-json",
		},
	}, {
		name: "names are case-sensitive and may be non-ASCII; a case-only typo still matches",
		file: "beta/resources/row.md",
		md: `
# row resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|title|String|One.|
|Title|String|Another.|
|größe|Double|Size.|
|3dModel|Binary|A model.|
|colour|String|Spelled with a capital in the JSON.|
|title|String|Listed again.|

## JSON representation
~~~json
{
  "title": "String",
  "Title": "String",
  "größe": 0.5,
  "3dModel": "Binary",
  "Colour": "String"
}
~~~
`,
		want: []string{
			"type microsoft.graph.row @1:1",
			"prop title Edm.String @6:2",
			"prop Title Edm.String @7:2",
			"prop größe Edm.Double @8:2",
			"prop 3dModel Edm.Binary @9:2",
			"prop colour Edm.String @10:2",
			"diag 11:2 warning property-duplicate",
		},
	}, {
		name: "JSON representation only: one warning, every key a property",
		file: "beta/resources/facet.md",
		md: `
# facet resource type

## JSON representation
~~~json
{
  "width": "Int32",
  "label": "string"
}
~~~
`,
		want: []string{
			"type microsoft.graph.facet @1:1",
			"prop width Edm.Int32 json @6:3",
			"prop label Edm.String json @7:3",
			"diag 5:1 warning property-only-in-json",
		},
	}, {
		name: "invalid JSON representation",
		file: "beta/resources/broken.md",
		md: `
# broken resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|a|String|A.|

## JSON representation
<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.broken" } -->
~~~json
{
  "a": "String"
  "b": ...
}
~~~
`,
		want: []string{
			"type microsoft.graph.broken @1:1",
			"prop a Edm.String @6:2",
			"diag 11:1 warning json-representation-invalid",
		},
	}, {
		name: "a table straight after the intro, an indented title and an indented annotation",
		file: "beta/resources/stateupdate.md",
		md: `
 #  stateUpdate resource type
A state change.

|Property |Type |Description |
|:--|:--|:--|
|state | string | The state. |
 ## JSON representation
 <!-- {
  "blockType": "resource",
  "@odata.type": "microsoft.graph.stateUpdate"
}-->
 ~~~json
{
  "state": "string"
}
 ~~~
`,
		want: []string{
			"type microsoft.graph.stateUpdate @1:2",
			"prop state Edm.String @6:2",
		},
	}, {
		name: "inline enum under Properties; Possible values in a description make no type",
		file: "beta/resources/meeting.md",
		md: `
# meeting resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|mode|[meetingMode](meeting.md#meetingmode-values)|The mode.|
|tone|String|Possible values are: ´low´, ´high´.|

### meetingMode values

| Member | Value | Description |
|:---|:---|:---|
| solo | 0 | One person. |
| group | 1 | Several. |
`,
		want: []string{
			"type microsoft.graph.meeting @1:1",
			"prop mode microsoft.graph.meetingMode @6:2",
			"prop tone Edm.String @7:2",
			"enum microsoft.graph.meetingMode @9:1",
			"member solo=0 @13:3",
			"member group=1 @14:3",
		},
	}, {
		name: "enum page",
		file: "beta/resources/intune-widgets-widgetstate.md",
		md: `
# widgetState enum type

Namespace: microsoft.graph

Possible states of a widget.

## Members
|Member|Value|Description|
|:---|:---|:---|
|unknown|0|Not known.|
|on|1|On.|
|off|2|Off.|
`,
		want: []string{
			"enum microsoft.graph.widgetState @1:1",
			"member unknown=0 @10:2",
			"member on=1 @11:2",
			"member off=2 @12:2",
		},
	}, {
		name: "enum page that says flag",
		file: "beta/resources/widgetfeatures.md",
		md: `
# widgetFeatures enum type

Flag enum of what a widget can do.

## Members
|Member|Value|Description|
|:---|:---|:---|
|none|0|Nothing.|
|spin|1|Spins.|
|glow|2|Glows.|
`,
		want: []string{
			"enum microsoft.graph.widgetFeatures flags @1:1",
			"member none=0 @8:2",
			"member spin=1 @9:2",
			"member glow=2 @10:2",
		},
	}, {
		name: "aggregate enum page: four header shapes, NBSP, a duplicate",
		file: "beta/resources/enums-widgets.md",
		md: "\n# Enum values\n\nNamespace: microsoft.graph.widgets\n\n" +
			"### widgetColor values\n\n|Member|\n|:---|\n|red|\n|´blue´|\n\n" +
			"### widgetSize\u00a0values\n\n| Member | Value |\n|:---|:---|\n| small | 0 |\n| large | 1 |\n\n" +
			"### widgetParts values\n\n| Member | Int value | Description |\n|:---|:---|:---|\n| None | 0 | No parts. |\n| Knob | 1 | A knob. |\n| Dial | 2 | A dial. |\n\n" +
			"### widgetRole values\n\n|Member|Member|Description|\n|:---|:---|:---|\n|unknown|-1|Unknown.|\n|admin|0|Admin.|\n\n" +
			"### widgetColor values\n\n|Member|\n|:---|\n|red|\n|green|\n",
		want: []string{
			"enum microsoft.graph.widgets.widgetColor @5:1",
			"member red= @9:2",
			"member blue= @10:2",
			"member green= @39:2",
			"enum microsoft.graph.widgets.widgetSize @12:1",
			"member small=0 @16:3",
			"member large=1 @17:3",
			"enum microsoft.graph.widgets.widgetParts flags @19:1",
			"member None=0 @23:3",
			"member Knob=1 @24:3",
			"member Dial=2 @25:3",
			"enum microsoft.graph.widgets.widgetRole @27:1",
			"member unknown=-1 @31:2",
			"member admin=0 @32:2",
			"diag 34:1 warning enum-duplicate",
		},
	}, {
		name: "powers of two with a gap are flags; a run is not",
		file: "beta/resources/enums.md",
		md: `
# Enum values

### access values
|Member|Value|
|:---|:---|
|none|0|
|read|1|
|write|2|
|delete|4|

### level values
|Member|Value|
|:---|:---|
|low|0|
|mid|1|
|high|2|
|max|3|
`,
		want: []string{
			"enum microsoft.graph.access flags @3:1",
			"member none=0 @6:2",
			"member read=1 @7:2",
			"member write=2 @8:2",
			"member delete=4 @9:2",
			"enum microsoft.graph.level @11:1",
			"member low=0 @14:2",
			"member mid=1 @15:2",
			"member high=2 @16:2",
			"member max=3 @17:2",
		},
	}, {
		name: "a resource page in api/",
		file: "beta/api/widgetbase.md",
		md: `
# widgetBase resource type

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Key.|
`,
		want: []string{
			"type microsoft.graph.widgetBase @1:1",
			"prop id Edm.String @6:2",
		},
	}, {
		name: "API pages define no types",
		file: "beta/api/widget-get.md",
		md:   httpPage("GET /widgets/{id}"),
		want: nil,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypes(t, tt.file, tt.md, tt.want)
		})
	}
}

// corpusRoot is the 2021 snapshot of the reference pages, outside a fresh clone.
const corpusRoot = "../../../shared/corpus/graph-docs-2021/api-reference"

// TestResourceCorpus parses every resources/ page of the 2021 snapshot: no page panics,
// nearly every resource page that documents a property yields a type with properties,
// every enum page yields an enum with members, and beta's enums.md yields its enums.
func TestResourceCorpus(t *testing.T) {
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skipf("corpus not available (%v); it lives in the shared corpus, outside a fresh clone", err)
	}
	p := New()
	var resources, withProps, documenting, documentingWithProps, enumPages, enumsFound, props, members int
	var missed []string
	for _, version := range []string{"v1.0", "beta"} {
		dir := filepath.Join(corpusRoot, version, "resources")
		err := filepath.WalkDir(dir, func(file string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(file, ".md") {
				return err
			}
			b, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			rel := version + "/resources/" + d.Name()
			pg, _ := parseNoPanic(t, p, rel, b)
			switch pg.Kind {
			case model.PageResource:
				resources++
				ok := false
				for _, ty := range pg.Types {
					if !ty.Enum && len(ty.Properties) > 0 {
						ok = true
						props += len(ty.Properties)
					}
				}
				if ok {
					withProps++
				}
				if documentsProperty(b) {
					documenting++
					if ok {
						documentingWithProps++
					} else {
						missed = append(missed, rel)
					}
				}
			case model.PageEnum:
				enumPages++
				n := 0
				for _, ty := range pg.Types {
					if ty.Enum && len(ty.Members) > 0 {
						n++
						members += len(ty.Members)
					}
				}
				enumsFound += n
				if n == 0 {
					t.Errorf("%s: enum page yields no enum with members", rel)
				}
				if rel == "beta/resources/enums.md" && n < 200 {
					t.Errorf("%s: %d enums, want at least 200", rel, n)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("resource pages: %d, with a type with properties: %d (%.1f%%); %d properties", resources, withProps, pct(withProps, resources), props)
	t.Logf("resource pages that document a property: %d, with a type with properties: %d (%.1f%%)", documenting, documentingWithProps, pct(documentingWithProps, documenting))
	t.Logf("enum pages: %d, enums with members: %d, members: %d", enumPages, enumsFound, members)
	if resources == 0 || pct(documentingWithProps, documenting) < 97 {
		t.Errorf("only %d of %d resource pages that document a property yield one; missed: %s", documentingWithProps, documenting, strings.Join(missed, " "))
	}
	if pct(withProps, resources) < 95 {
		t.Errorf("only %d of %d resource pages yield a type with properties", withProps, resources)
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// parseNoPanic parses a page, turning a panic into a test failure.
func parseNoPanic(t *testing.T, p *Parser, file string, b []byte) (pg *model.Page, ds model.Diagnostics) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: panic: %v", file, r)
			pg = &model.Page{}
		}
	}()
	return p.Parse(file, b)
}

// documentsProperty is a crude check, independent of the parser, that a page documents
// at least one property: a JSON key other than @odata.type at the start of a line, or a
// table row under ## Properties or ## Relationships.
func documentsProperty(b []byte) bool {
	section := ""
	for _, line := range strings.Split(string(b), "\n") {
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "## "):
			section = strings.ToLower(strings.TrimSpace(l[3:]))
		case strings.HasPrefix(l, `"`) && strings.Contains(l, `":`) && !strings.HasPrefix(l, `"@`) &&
			!strings.HasPrefix(l, `"blockType"`) && !strings.HasPrefix(l, `"keyProperty"`) &&
			!strings.HasPrefix(l, `"baseType"`) && !strings.HasPrefix(l, `"openType"`) &&
			!strings.HasPrefix(l, `"optionalProperties"`) && !strings.HasPrefix(l, `"type"`) &&
			!strings.HasPrefix(l, `"description"`) && !strings.HasPrefix(l, `"keywords"`) &&
			!strings.HasPrefix(l, `"section"`) && !strings.HasPrefix(l, `"tocPath"`) &&
			!strings.HasPrefix(l, `"suppressions"`) && !strings.HasPrefix(l, `"abstract"`) &&
			!strings.HasPrefix(l, `"namespace"`):
			return true
		case (section == "properties" || section == "relationships") && strings.HasPrefix(l, "|") &&
			!strings.Contains(l, "---") && !strings.Contains(strings.ToLower(l), "type"):
			return true
		}
	}
	return false
}

// TestBooleanQueryParamProse: "the `includeDeletedItems=true` query parameter" is an
// optional Boolean query parameter.
func TestBooleanQueryParamProse(t *testing.T) {
	pg, _ := Parse("v1.0/api/x.md", []byte("# T\n\n## Optional query parameters\nYou can also use the `includeDeletedItems=true` query parameter to return deleted items.\n"))
	if len(pg.Params) != 1 || pg.Params[0].Name != "includeDeletedItems" || pg.Params[0].Type.Primitive != model.Boolean || pg.Params[0].In != model.InQuery {
		t.Errorf("params %+v", pg.Params)
	}
}

func TestQueryOptionsProse(t *testing.T) {
	for _, tt := range []struct {
		prose   string
		want    string
		generic bool
		refused string
	}{
		{"This method supports the `$select`, `$filter` and $top OData query parameters.", "$select $filter $top", false, ""},
		{"This method supports the [OData query parameters](/graph/query-parameters) to help customize the response.", "", true, ""},
		{"This method does not support OData query parameters to customize the response.", "", false, "*"},
		{"This operation does not currently support [OData query parameters](/graph/query-parameters).", "", false, "*"},
		{"Use $orderBy and $count=true.", "$orderby $count", false, ""},
		// A bullet list after "the following": those, not all of them.
		{"This method supports the following OData query parameters:\n\n- `$count`\n- `$top` returns the top results.", "$count $top", false, ""},
		{"This method supports the OData query parameters. `$skip` isn't supported.", "", true, "$skip"},
		{"The createdDateTime properties do not support `$select`.", "", false, ""},
		{"You can use the $top query parameter. The other [OData query parameters](/graph/query-parameters) are not currently supported.", "$top", false, "*"},
		{"This method supports the `select` OData query parameter to help customize the response.", "$select", false, ""},
		{"This method supports the [OData Query Parameters][] to filter and shape the response.\n\nYou can't use the `expand=children` query parameter when enumerating bundles.", "", true, ""},
		// the options a refusal's "the following" names come after its colon
		{"The **delta** function doesn't support the following query parameters for events in a **calendarView**: `$expand`, `$filter`,`$orderby`, `$search`, and `$select`.", "", false, "$expand $filter $orderby $search $select"},
		{"- You cannot use `$select` to get only a subset of those properties.\n- This method supports the `$top` query parameter.", "$top", false, "$select"},
		// a refusal whose list follows its colon
		{"This method supports the `$filter` and `$orderby` OData query parameters. Some operators are not supported: `$count`, `$format`, `$search`, `$select`, `$skip`, `$top`.", "$filter $orderby", false, "$count $format $search $select $skip $top"},
		// an option the method requires, named without its $
		{"This method requires planId [filter](/graph/query-parameters) to be specified.", "$filter", false, ""},
		// some of the generic options, named after "including"
		{"This method supports the [OData query parameters](/graph/query-parameters) to help customize the response, including `$search`, `$count`, and `$filter`.", "$search $count $filter", true, ""},
		{"This method supports the `$expand`, `$select`, `$skipToken`, `$top` and `$orderby` OData query parameters.", "$expand $select $skiptoken $top $orderby", false, ""},
		// todotask-delta.md's bullets: "there is no support for" refuses
		{"- Delta query support `$select`, `$top`, and `$expand` for todoTask.\n- There is no support for `$search`.", "$select $top $expand", false, "$search"},
		// "supports only" closes the list: a later note's $search is not one more
		{"This method supports only the `$select` [OData query parameter](/graph/query-parameters) to help customize the response. It does not support `$filter`.\n\n> [!NOTE]\n> This API has a known issue related to the `$search` parameter.", "$select", false, "$filter"},
		{"This method supports the following OData query parameters.\n\n| Parameter | Description |\n|:--|:--|\n| [\\$filter](/graph/query_parameters) | Filters. |\n| [\\$top](/graph/query_parameters) | Page size. |", "$filter $top", false, ""},
	} {
		pg, _ := Parse("beta/api/x.md", []byte("# T\n\n## Optional query parameters\n"+tt.prose+"\n"))
		if got := strings.Join(pg.QueryOptions, " "); got != tt.want || pg.ODataQueryGeneric != tt.generic || strings.Join(pg.QueryOptionsRefused, " ") != tt.refused {
			t.Errorf("%q: options %q generic %v refused %q; want %q %v %q", tt.prose, got, pg.ODataQueryGeneric, pg.QueryOptionsRefused, tt.want, tt.generic, tt.refused)
		}
	}
}

// TestSaysOpen: a page that calls its type open, in its title or its introduction.
func TestSaysOpen(t *testing.T) {
	for text, want := range map[string]bool{
		"This is an _open type_ that represents the set of feedback tokens":                    true,
		"teamsTabConfiguration resource type (Open Type)":                                      true,
		"A property bag that can contain any information":                                      true,
		"Represents an Azure Active Directory user object.":                                    false,
		"This is an OData open type that expects a property named value":                       true,
		"Open extensions provide an easy way to directly add untyped properties to a resource": true,
		"This type is used in the open type plannerAssignments.":                               false,
		"An abstract type to support the OData v4 open type openTypeExtension.":                false,
		"Opens a type of session.":                                                             false,
	} {
		if got := saysOpen(text); got != want {
			t.Errorf("saysOpen(%q) = %v", text, got)
		}
	}
}

// TestAPIPageEnums: an API page that defines enums under "<name> values" headings beside
// its Request body table (cloudpc-reprovision.md) has them as its types; the tables are not
// unread body tables.
func TestAPIPageEnums(t *testing.T) {
	checkTypes(t, "v1.0/api/cloudpc-reprovision.md", `
# cloudPC: reprovision

## HTTP request
~~~http
POST /deviceManagement/virtualEndpoint/cloudPCs/{id}/reprovision
~~~

## Request body

|Parameter|Type|Description|
|:---|:---|:---|
|osVersion|[cloudPcOperatingSystem](#cloudpcoperatingsystem-values)|The system to install.|

### cloudPcOperatingSystem values

|Member|Description|
|:---|:---|
|windows10|Windows 10.|
|windows11|Windows 11.|

## Response

If successful, this action returns a ´204 No Content´ response code.
`, []string{
		"enum microsoft.graph.cloudPcOperatingSystem @14:1",
		"member windows10= @18:2",
		"member windows11= @19:2",
	})
}

// TestConsistencyLevelProse: the Optional query parameters sentence that names the
// ConsistencyLevel header is kept for the model, which adds the header where no table does.
func TestConsistencyLevelProse(t *testing.T) {
	pg, _ := Parse("v1.0/api/x.md", []byte("# T\n\n## Optional query parameters\nThis method supports the `$search` and `$count` OData query parameters. Some queries are supported only when you use the **ConsistencyLevel** header set to `eventual` and `$count`.\n"))
	if got := pg.ConsistencyLevelProse.Text; !strings.Contains(got, "ConsistencyLevel header set to eventual") {
		t.Errorf("ConsistencyLevelProse %q", got)
	}
}
