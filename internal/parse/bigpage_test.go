package parse

import (
	"fmt"
	"strings"
)

// bigResourcePage builds a resource page of about size bytes in the shape of the docs'
// largest pages (user.md, printerstatus.md): a long Methods table, a long Properties table,
// "<name> values" enums, a Relationships table, a JSON representation with every property,
// and many sections of long paragraphs. Every part grows with size, so a cost that is
// superlinear in any of them shows.
func bigResourcePage(size int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: \"bigThing resource type\"\ndescription: \"Represents a big thing. Inherits from entity.\"\nauthor: \"someone\"\nlocalization_priority: Normal\nms.prod: \"things\"\ndoc_type: resourcePageType\n---\n\n")
	b.WriteString("# bigThing resource type\n\nNamespace: microsoft.graph\n\nRepresents a big thing. Inherits from [entity](entity.md).\n\n")
	// Budget: the parts below share size in fixed proportions.
	unit := max(size/100, 1)
	for b.Len() < unit*5 {
		b.WriteString("An intro paragraph about the big thing and what it holds, as the docs write before their first section; it names a [detail](detail.md) too.\n\n")
	}
	b.WriteString("## Methods\n\n| Method | Return Type | Description |\n|:---|:---|:---|\n")
	for i := 0; b.Len() < unit*10; i++ {
		fmt.Fprintf(&b, "| [List thing%d](../api/bigthing-list-thing%d.md) | [thing%d](thing%d.md) collection | Get the thing%d objects of the big thing. |\n", i, i, i, i, i)
	}
	b.WriteString("\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n")
	var props []string
	types := []string{"String", "Boolean", "Int32", "DateTimeOffset", "[thingKind](#thingkind-values)", "String collection", "[detail](detail.md)", "[detail](detail.md) collection"}
	for i := 0; b.Len() < unit*35; i++ {
		name := fmt.Sprintf("property%d", i)
		props = append(props, name)
		fmt.Fprintf(&b, "| %s | %s | The %s of the thing, written when it is made and kept as it is; read-only. Nullable. Supports `$filter` (`eq`, `ne`, `not`, `in`) and `$orderby`. |\n", name, types[i%len(types)], name)
	}
	b.WriteString("\n### Thing values\n\n")
	for e := 0; b.Len() < unit*45; e++ {
		fmt.Fprintf(&b, "#### thingKind%d values\n\nThe kinds of thing.\n\n| Member | Value | Description |\n|:---|:---|:---|\n", e)
		for m := 0; m < 12; m++ {
			fmt.Fprintf(&b, "| member%d | %d | The member %d of the kind. |\n", m, m, m)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Relationships\n\n| Relationship | Type | Description |\n|:---|:---|:---|\n")
	for i := 0; b.Len() < unit*55; i++ {
		fmt.Fprintf(&b, "| related%d | [thing%d](thing%d.md) collection | The related things. Read-only. Nullable. |\n", i, i, i)
	}
	b.WriteString("\n## JSON representation\n\nHere is a JSON representation of the resource.\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"optionalProperties\": [\n")
	for i, p := range props {
		sep := ","
		if i == len(props)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %q%s\n", p, sep)
	}
	b.WriteString("  ],\n  \"keyProperty\": \"id\",\n  \"@odata.type\": \"microsoft.graph.bigThing\",\n  \"baseType\": \"microsoft.graph.entity\"\n}-->\n\n```json\n{\n")
	for i, p := range props {
		sep := ","
		if i == len(props)-1 {
			sep = ""
		}
		v := []string{`"String"`, "true", "1024", `"String (timestamp)"`, `{"@odata.type": "microsoft.graph.detail"}`, `["String"]`}[i%6]
		fmt.Fprintf(&b, "  %q: %s%s\n", p, v, sep)
	}
	b.WriteString("}\n```\n\n")
	for s := 0; b.Len() < unit*80; s++ {
		fmt.Fprintf(&b, "## Section %d\n\n", s)
		for p := 0; p < 4; p++ {
			b.WriteString("A paragraph of prose about the thing, with a [link](thing.md), some **bold** text, `code`, and an entity &amp; a non-breaking&nbsp;space, long enough to look like the docs' own remarks on how the thing behaves.\n\n")
		}
		b.WriteString("- a list item\n- another item with a [link](other.md)\n  - a nested item\n\n> **Note:** a quoted note.\n\n")
	}
	// Many paragraphs under one heading, then one long paragraph.
	b.WriteString("## Remarks\n\n")
	for b.Len() < unit*90 {
		b.WriteString("A remark on the thing, one of many paragraphs under the same heading, with a [link](thing.md) and `code`.\n\n")
	}
	for b.Len() < size {
		b.WriteString("This sentence is one of many in a single paragraph that goes on and on. ")
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// bigAPIPage builds an API page of about size bytes in the shape of the docs' largest
// (chatmessage-post.md, the intune update pages): permissions, request lines, parameter
// tables, a long Request body table and many examples with big JSON bodies and docfx tabs.
func bigAPIPage(size int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: \"Update bigThing\"\ndescription: \"Update the properties of a bigThing object.\"\nauthor: \"someone\"\nlocalization_priority: Normal\nms.prod: \"things\"\ndoc_type: apiPageType\n---\n\n")
	b.WriteString("# Update bigThing\n\nNamespace: microsoft.graph\n\nUpdate the properties of a [bigThing](../resources/bigthing.md) object.\n\n")
	b.WriteString("## Permissions\n\n| Permission type | Permissions (from least to most privileged) |\n|:---|:---|\n| Delegated (work or school account) | Thing.ReadWrite.All |\n| Application | Thing.ReadWrite.All |\n\n")
	b.WriteString("## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nPATCH /things/{thing-id}\nPATCH /users/{id | userPrincipalName}/things/{thing-id}\n```\n\n")
	b.WriteString("## Optional query parameters\n\nThis method supports the `$select` and `$expand` [OData query parameters](/graph/query-parameters).\n\n")
	b.WriteString("## Request headers\n\n| Header | Value |\n|:---|:---|\n| Authorization | Bearer {token}. Required. |\n| Content-Type | application/json. Required. |\n\n")
	unit := max(size/100, 1)
	b.WriteString("## Request body\n\nIn the request body, supply a JSON representation of the [bigThing](../resources/bigthing.md) object.\n\n| Property | Type | Description |\n|:---|:---|:---|\n")
	var props []string
	for i := 0; b.Len() < unit*30; i++ {
		name := fmt.Sprintf("property%d", i)
		props = append(props, name)
		fmt.Fprintf(&b, "| %s | %s | The %s of the thing. Optional. |\n", name, []string{"String", "Boolean", "Int32", "[detail](../resources/detail.md)"}[i%4], name)
	}
	b.WriteString("\n## Response\n\nIf successful, this method returns a `200 OK` response code and an updated [bigThing](../resources/bigthing.md) object in the response body.\n\n## Example\n\n")
	for e := 0; b.Len() < unit*75; e++ {
		fmt.Fprintf(&b, "### Example %d: update a thing\n\n#### Request\n\n# [HTTP](#tab/http)\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"update_bigthing_%d\"\n}-->\n```http\nPATCH https://graph.microsoft.com/v1.0/things/{thing-id}\nContent-Type: application/json\n\n{\n", e, e)
		n := min(len(props), 400)
		for i, p := range props[:n] {
			sep := ","
			if i == n-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "  %q: \"value %d\"%s\n", p, i, sep)
		}
		b.WriteString("}\n```\n# [C#](#tab/csharp)\n[!INCLUDE [sample-code](../includes/snippets/csharp/update-bigthing-csharp-snippets.md)]\n\n---\n\n#### Response\n\n<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.bigThing\"\n} -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#things/$entity\",\n")
		for i, p := range props[:n] {
			sep := ","
			if i == n-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "  %q: \"value %d\"%s\n", p, i, sep)
		}
		b.WriteString("}\n```\n\n")
	}
	// Many small examples under one heading.
	b.WriteString("### More examples\n\n")
	for e := 0; b.Len() < size; e++ {
		fmt.Fprintf(&b, "<!-- { \"blockType\": \"request\", \"name\": \"get_thing_%d\" } -->\n```http\nGET https://graph.microsoft.com/v1.0/things/%d?$select=property1\n```\n\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.bigThing\" } -->\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"property1\": \"value %d\"}\n```\n\n", e, e, e)
	}
	return []byte(b.String())
}
