package parse

import (
	"strings"
	"testing"
)

// TestTypeAlternativesProse: the Request body and Response prose may offer several types
// ("an [A] or [B] object", "[A], [B] or [C]"); the first is the type, the others its
// alternatives. A second link that is not offered as an alternative is not one.
func TestTypeAlternativesProse(t *testing.T) {
	for _, tc := range []struct {
		name, body, resp   string
		wantBody, wantResp string
	}{
		{"or",
			"In the request body, supply a JSON representation of an [ipNamedLocation](../resources/ipnamedlocation.md) or [countryNamedLocation](../resources/countrynamedlocation.md) object.",
			"If successful, this method returns a `201 Created` response code and a new [ipNamedLocation](../resources/ipnamedlocation.md) or [countryNamedLocation](../resources/countrynamedlocation.md) object in the response body.",
			"countryNamedLocation", "countryNamedLocation"},
		{"comma and or a",
			"In the request body, supply a JSON representation of a [user](../resources/user.md), [group](../resources/group.md) or a [device](../resources/device.md) object.",
			"If successful, this method returns a `200 OK` response code and a [user](../resources/user.md), [group](../resources/group.md), or [device](../resources/device.md) object in the response body.",
			"group device", "group device"},
		{"a second link that is no alternative",
			"In the request body, supply a JSON representation of a [user](../resources/user.md) object. See [group](../resources/group.md).",
			"If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body, as for a [group](../resources/group.md).",
			"", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "---\ntitle: \"Create x\"\n---\n\n# Create x\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nPOST /things\n```\n\n## Request body\n\n" +
				tc.body + "\n\n## Response\n\n" + tc.resp + "\n"
			p, _ := Parse("api/x-post.md", []byte(src))
			var b, r []string
			for _, o := range p.Body.Or {
				b = append(b, o.Name)
			}
			for _, o := range p.Response.Or {
				r = append(r, o.Name)
			}
			if got := strings.Join(b, " "); got != tc.wantBody {
				t.Errorf("body alternatives %q, want %q (type %s)", got, tc.wantBody, p.Body.Type)
			}
			if got := strings.Join(r, " "); got != tc.wantResp {
				t.Errorf("response alternatives %q, want %q (type %s)", got, tc.wantResp, p.Response.Type)
			}
		})
	}
}

// TestAnnotationSampleKeys: an example annotation's sampleKeys list is kept; other
// values in it are not keys.
func TestAnnotationSampleKeys(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"blockType": "request", "name": "x", "sampleKeys": ["1848753d-185d", "AAQkADJUdfolA=="]}`, "1848753d-185d AAQkADJUdfolA=="},
		{`{"blockType": "request", "sampleKeys": ["a", 3, ""]}`, "a"},
		{`{"blockType": "request", "sampleKeys": "a"}`, ""},
	} {
		a, err := parseAnnotation(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(a.SampleKeys, " "); got != tc.want {
			t.Errorf("%s: sample keys %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestJSONScalarRow: a Properties row that says "String collection" is marked when the
// page's JSON representation shows one value for it, and not when it shows an array.
func TestJSONScalarRow(t *testing.T) {
	for _, tc := range []struct {
		json string
		want bool
	}{
		{`"availability": "string"`, true},
		{`"availability": ["string"]`, false},
	} {
		src := "---\ntitle: \"presence resource type\"\n---\n\n# presence resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n" +
			"| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The id. |\n| availability | String collection | The availability. |\n\n" +
			"## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.presence\"\n}-->\n```json\n{\n  \"id\": \"string\",\n  " + tc.json + "\n}\n```\n"
		p, _ := Parse("resources/presence.md", []byte(src))
		if len(p.Types) == 0 {
			t.Fatal("no type")
		}
		got := false
		for _, pr := range p.Types[0].Properties {
			if pr.Name == "availability" {
				got = pr.JSONScalar
			}
		}
		if got != tc.want {
			t.Errorf("%s: JSONScalar %v, want %v", tc.json, got, tc.want)
		}
	}
}
