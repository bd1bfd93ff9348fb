package parse

import "testing"

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
