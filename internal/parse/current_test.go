package parse

import "testing"

// TestCurrentConventions covers conventions of today's docs (issue 13 item 2). Each page is
// written for the test, modelled on a real current page named in its case.
func TestCurrentConventions(t *testing.T) {
	tests := []struct {
		name, file, md string
		want           []string
		also           []string
	}{{
		// The header table of user-get (graph-docs-current v1.0): "Required." is a sentence
		// in the middle of the cell, a link follows it.
		name: "Authorization: Required. as a sentence",
		file: "api/widget-get.md",
		md: `
# Get widget

## HTTP request
~~~http
GET /widgets/{id}
~~~

## Request headers
| Header | Value |
|:---|:---|
| Authorization | Bearer {token}. Required. Learn more about [authentication and authorization](/graph/auth/auth-concepts). |
| Prefer | outlook.timezone. Optional. |

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"param header Authorization Edm.String required @11:3", "param header Prefer Edm.String optional @12:3",
			"diag 1:1 warning permissions-missing"},
	}, {
		// "required" inside a word or a phrase is not the sentence.
		name: "required inside a sentence is not the cue",
		file: "api/widget-get.md",
		md: `
# Get widget

## HTTP request
~~~http
GET /widgets/{id}
~~~

## Request headers
| Header | Value |
|:---|:---|
| X-Thing | The requiredness. Learn more. |

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"param header X-Thing Edm.String unknown @11:3", "diag 1:1 warning auth-unknown", "diag 1:1 warning permissions-missing"},
	}, {
		// The request annotations of today's pages sometimes carry a // Note comment after
		// the JSON (as on several current Intune and Teams pages).
		name: "annotation with a trailing // Note comment",
		file: "api/widget-get.md",
		md: `
# Get widget

## HTTP request
~~~http
GET /widgets/{id}
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.

## Example
<!-- { "blockType": "request", "name": "get_widget" } // Note: the id is made up
-->
~~~http
GET https://graph.microsoft.com/v1.0/widgets/1
~~~
`,
		want: []string{"ann request names=get_widget @12:1"},
	}, {
		// The Request body prose of today's action pages (e.g. a current revoke action).
		name: "no request content",
		file: "api/widget-revoke.md",
		md: `
# widget: revoke

## HTTP request
~~~http
POST /widgets/{id}/revoke
~~~

## Request body
This operation has no request content.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"body none @8:1"},
	}, {
		name: "do not submit a request body",
		file: "api/widget-delete.md",
		md: `
# Delete widget

## HTTP request
~~~http
DELETE /widgets/{id}
~~~

## Request body
Do not submit a request body for this method.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"body none @8:1"},
	}, {
		// Raw content: the body is the bytes themselves, sent as an io.Reader.
		name: "binary body prose",
		file: "api/widget-icon-update.md",
		md: `
# Update widget icon

## HTTP request
~~~http
PUT /widgets/{id}/icon/$value
~~~

## Request body
Send the binary data of the image, not JSON.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"req PUT /widgets/{widgetId}/icon/$value @5:1", "body Edm.Stream @8:1"},
	}, {
		// The same words beside a type link: the link wins.
		name: "binary words beside a type link",
		file: "api/widget-update.md",
		md: `
# Update widget

## HTTP request
~~~http
PATCH /widgets/{id}
~~~

## Request body
In the request body, supply a [widget](../resources/widget.md) object; its icon is binary data encoded in base64.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"body microsoft.graph.widget link=resources/widget.md @8:1"},
	}, {
		// driveItem copy (graph-docs-current v1.0): Name | Value | Description, the Value
		// column naming the type.
		name: "request body table headed Name | Value | Description",
		file: "api/widget-copy.md",
		md: `
# widget: copy

## HTTP request
~~~http
POST /widgets/{id}/copy
~~~

## Request body
In the request body, provide a JSON object with the following parameters.

| Name | Value | Description |
|:-----|:------|:------------|
| parentReference | [ItemReference](../resources/itemreference.md) | Optional. Where the copy goes. |
| name | string | Optional. The new name. |

## Response
If successful, this method returns a ´202 Accepted´ response code.
`,
		want: []string{
			"param body parentReference microsoft.graph.ItemReference link=resources/itemreference.md optional @13:3",
			"param body name Edm.String optional @14:3",
		},
	}, {
		name: "request body table with no type column",
		file: "api/widget-copy.md",
		md: `
# widget: copy

## HTTP request
~~~http
POST /widgets/{id}/copy
~~~

## Request body
| Name | Description |
|:-----|:------------|
| name | The new name. |

## Response
If successful, this method returns a ´202 Accepted´ response code.
`,
		want: []string{"diag 9:1 warning param-table-unread"},
		also: []string{"param"},
	}, {
		// The old mailFolder resource page: no front matter, its parts under H3.
		name: "no front matter, ### Properties",
		file: "resources/widgetfolder.md",
		md: `
# widgetFolder resource type

A folder of widgets.

### Properties
| Property | Type | Description |
|:---|:---|:---|
| displayName | String | The folder's name. |

### JSON representation
~~~json
{ "displayName": "string" }
~~~
`,
		want: []string{"kind resource"},
	}, {
		// Silent loss: a Permissions section with only prose, a headers table whose
		// Authorization row gives no cue, a body section with only a code block.
		name: "known sections that yield nothing",
		file: "api/widget-update.md",
		md: `
# Update widget

## Permissions
Ask your administrator.

## HTTP request
~~~http
PATCH /widgets/{id}
~~~

## Request headers
| Header | Value |
|:---|:---|
| Authorization | The token. |

## Request body
~~~json
{}
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"diag 3:1 warning permissions-empty", "diag 14:3 warning auth-unknown", "diag 16:1 warning request-body-empty"},
	}, {
		name: "None. explains an empty section",
		file: "api/widget-update.md",
		md: `
# Update widget

## HTTP request
~~~http
POST /widgets/{id}/ping
~~~

## Request headers
None.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"req POST /widgets/{widgetId}/ping @5:1", "diag 1:1 warning permissions-missing"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkFacts(t, tc.file, tc.md, tc.want, tc.also...)
		})
	}
}
