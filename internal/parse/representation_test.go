package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestPlaceholderType covers the placeholder values of JSON representations.
func TestPlaceholderType(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`"String"`, "Edm.String"},
		{`"string"`, "Edm.String"},
		{`"String (identifier)"`, "Edm.String"},
		{`"String (timestamp)"`, "Edm.DateTimeOffset"},
		{`"Boolean"`, "Edm.Boolean"},
		{`"Guid"`, "Edm.Guid"},
		{`"Edm.Int64"`, "Edm.Int64"},
		{`"@odata.type: microsoft.graph.alertFeedback"`, "microsoft.graph.alertFeedback"},
		{`"microsoft.graph.ediscovery.tag"`, "microsoft.graph.ediscovery.tag"},
		{`"Display Name value"`, "Edm.String"},
		{`true`, "Edm.Boolean"},
		{`12`, "Edm.Int32"},
		{`1.5`, "Edm.Double"},
		{`9999999999`, "Edm.Int64"},
		{`{"@odata.type": "#microsoft.graph.identitySet"}`, "microsoft.graph.identitySet"},
		{`{"a": 1}`, "Edm.Json"},
		{`[]`, "Collection(Edm.Json)"},
		{`[{"@odata.type": "microsoft.graph.x"}]`, "Collection(microsoft.graph.x)"},
		{`null`, "unknown(null)"},
	} {
		if got := placeholderType([]byte(c.raw), "microsoft.graph").String(); got != c.want {
			t.Errorf("placeholderType(%s) = %s, want %s", c.raw, got, c.want)
		}
	}
}

// TestRepresentationKeyExamples: JSON representation keys that stand for keys the sender
// chooses (a placeholder, an ID, an open type's capitalized column names) make no
// property and are reported once; an open type's camelCase key and a name with digits
// in one or two places are properties.
func TestRepresentationKeyExamples(t *testing.T) {
	page := func(name, intro, json string) string {
		return "# " + name + " resource type\n\nNamespace: microsoft.graph\n\n" + intro + "\n\n## JSON representation\n\n" +
			"<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```json\n" + json + "\n```\n"
	}
	tests := []struct {
		name, md string
		props    []string
		diag     string
	}{
		{"placeholder key", page("plannerUserIds", "The users a plan is shared with. This is an open type.", `{"String-value": true}`), nil, "(String-value)"},
		{"user IDs", page("plannerAssignments", "Who a task is assigned to.", `{"ca2a1df2-e36b-4987-9f6b-0ea462f4eb47": {"@odata.type": "microsoft.graph.plannerAssignment"}}`), nil, "ca2a1df2-"},
		{"plan IDs", page("plannerRecentPlans", "Recent plans.", `{"jd8S5gOaFk2S8aWCIAJz42QAAxtD": {"planTitle": "String"}}`), nil, "jd8S5gOaFk2S8aWCIAJz42QAAxtD"},
		{"open type's columns", page("fieldValueSet", "A list item's column values. This is an open type.", `{"Author": "Ann", "Quantity": 350, "etag": "String"}`), []string{"etag"}, "(Author, Quantity)"},
		{"names with digits", page("printSettings", "Settings.", `{"check32BitOn64System": true, "formulasR1C1": "String"}`), []string{"check32BitOn64System", "formulasR1C1"}, ""},
	}
	for _, tc := range tests {
		pg, ds := Parse("v1.0/resources/x.md", []byte(tc.md))
		var props []string
		for _, ty := range pg.Types {
			for _, p := range ty.Properties {
				props = append(props, p.Name)
			}
		}
		if !slices.Equal(props, tc.props) {
			t.Errorf("%s: properties %v, want %v", tc.name, props, tc.props)
		}
		var got []string
		for _, d := range ds {
			if d.Code == "representation-key-example" {
				got = append(got, d.Message)
			}
		}
		if (tc.diag == "") != (len(got) == 0) || len(got) > 1 || len(got) == 1 && !strings.Contains(got[0], tc.diag) {
			t.Errorf("%s: representation-key-example %v, want one naming %q", tc.name, got, tc.diag)
		}
	}
}

// TestForeignPropertiesTable: a later Properties table under "Properties of a ...
// definition" whose rows the JSON representation lacks, where it has the first table's,
// describes the JSON a property holds, not the type.
func TestForeignPropertiesTable(t *testing.T) {
	md := "# tokenIssuancePolicy resource type\n\nNamespace: microsoft.graph\n\nA policy.\n\n## Properties\n\n" +
		"| Property | Type | Description |\n|:--|:--|:--|\n| definition | String collection | JSON strings. |\n| displayName | String | A name. |\n\n" +
		"### Properties of a token issuance policy definition\n\nThe JSON object a definition string holds.\n\n" +
		"| Property | Type | Description |\n|:--|:--|:--|\n| SamlTokenVersion | String | A version. |\n| Version | Integer | Set 1. |\n\n" +
		"## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.tokenIssuancePolicy\" } -->\n```json\n{\"definition\": [\"String\"], \"displayName\": \"String\"}\n```\n"
	pg, ds := Parse("v1.0/resources/tokenissuancepolicy.md", []byte(md))
	var props []string
	for _, p := range pg.Types[0].Properties {
		props = append(props, p.Name)
	}
	if !slices.Equal(props, []string{"definition", "displayName"}) {
		t.Errorf("properties %v, want definition and displayName", props)
	}
	if !slices.ContainsFunc(ds, func(d model.Diagnostic) bool { return d.Code == "properties-table-foreign" && d.Pos.Line == 14 }) {
		t.Errorf("no properties-table-foreign at the heading:\n%v", ds)
	}
}

// TestPropertiesTableHeadedRelationship: a table under Properties whose first column says
// "Relationship" (beta presence) lists properties, not navigations; "None." permission
// cells name no scope.
func TestPropertiesTableHeadedRelationship(t *testing.T) {
	md := "# presence resource type\n\nNamespace: microsoft.graph\n\nA user's presence.\n\n## Properties\n\n" +
		"| Relationship | Type | Description |\n|:--|:--|:--|\n| id | string | The user's id. |\n| outOfOfficeSettings | [outOfOfficeSettings](outofofficesettings.md) | The settings. |\n\n" +
		"## Relationships\n\nNone.\n"
	pg, _ := Parse("beta/resources/presence.md", []byte(md))
	for _, p := range pg.Types[0].Properties {
		if p.Navigation {
			t.Errorf("%s is a navigation", p.Name)
		}
	}
	if got := cellScopes("None."); len(got) != 0 {
		t.Errorf("cellScopes(None.) = %v", got)
	}
}
