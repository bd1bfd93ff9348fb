package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// src turns a test page into bytes. Go raw strings cannot hold backticks, so in test
// markdown "~~~" stands for a code fence and "´" for a backtick. One leading newline is
// dropped, so the literal's first line is line 1.
func src(md string) []byte {
	md = strings.TrimPrefix(md, "\n")
	md = strings.ReplaceAll(md, "~~~", "```")
	return []byte(strings.ReplaceAll(md, "´", "`"))
}

// httpPage wraps request lines in a minimal API page: the first line is line 6, column 1.
// The page has a Response section, so a clean parse has no diagnostics.
func httpPage(lines ...string) string {
	return "# T\n\n## HTTP request\n\n~~~http\n" + strings.Join(lines, "\n") +
		"\n~~~\n\n## Response\nIf successful, this method returns a ´204 No Content´ response code.\n"
}

// at formats a position without its file: @line:col.
func at(p model.Pos) string { return fmt.Sprintf("@%d:%d", p.Line, p.Col) }

// facts renders what the parser read, one fact a line, each line starting with its kind:
// kind, title, doctype, ns, summary, req, ph (a placeholder of the request line above),
// query (a fixed query option), param, body, resp, perm, ex, ann and diag.
func facts(pg *model.Page, ds model.Diagnostics) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	add("kind %s", pg.Kind)
	add("title %s", pg.Title)
	add("doctype %s", pg.DocType)
	add("ns %s", pg.Namespace)
	if pg.Summary != "" {
		add("summary %s", pg.Summary)
	}
	for _, r := range pg.Requests {
		s := fmt.Sprintf("req %s %s %s", r.Method, r.Path, at(r.Pos))
		if r.Label != "" {
			s += fmt.Sprintf(" label=%q", r.Label)
		}
		out = append(out, s)
		for _, s := range r.Path.Segments {
			for _, p := range s.Parts {
				if !p.IsParam() {
					continue
				}
				s := "ph " + p.Param
				if len(p.Alternatives) > 0 {
					s += " alts=" + strings.Join(p.Alternatives, "|")
				}
				if p.Quoted {
					s += " quoted"
				}
				if p.Function {
					s += " function"
				}
				out = append(out, s)
			}
		}
		for _, q := range r.Path.Query {
			switch {
			case len(q.Parts) > 0:
				for _, p := range q.Parts {
					if p.IsParam() && p.Quoted {
						add("ph %s query=%s quoted", p.Param, q.Name)
					} else if p.IsParam() {
						add("ph %s query=%s", p.Param, q.Name)
					}
				}
				add("query %s=%s", q.Name, model.Segment{Parts: q.Parts})
			case q.Param != "" && q.Quoted:
				add("ph %s query=%s quoted", q.Param, q.Name)
			case q.Param != "":
				add("ph %s query=%s", q.Param, q.Name)
			default:
				add("query %s=%s", q.Name, q.Value)
			}
		}
	}
	for _, p := range pg.Params {
		add("param %s %s %s%s %s %s", p.In, p.Name, p.Type, link(p.Type), p.Presence, at(p.Pos))
	}
	if b := pg.Body; b.Described || b.None || !b.Type.IsNone() {
		s := "body"
		if b.None {
			s += " none"
		}
		if !b.Type.IsNone() {
			s += " " + b.Type.String() + link(b.Type)
		}
		out = append(out, s+" "+at(b.Pos))
		if b.MIME.IsValid() {
			add("body mime %s", at(b.MIME))
		}
	}
	if r := pg.Response; r.Status != 0 || !r.Type.IsNone() || r.Pos.IsValid() {
		add("resp %d %s%s %s", r.Status, r.Type, link(r.Type), at(r.Pos))
		if r.OnRequest {
			add("resp on request")
		}
		if r.Optional {
			add("resp optional")
		}
		if r.Monitor != "" {
			add("resp monitor %s", r.Monitor)
		}
		if r.JSON.Kind != model.KindNone {
			add("resp json %s%s", r.JSON, link(r.JSON))
		}
		if len(r.Properties) > 0 {
			add("resp properties %s %s", strings.Join(r.Properties, ","), at(r.PropertiesPos))
		}
	}
	for _, p := range pg.Permissions {
		kind := p.Kind
		if p.For != "" {
			kind += " (for " + p.For + ")"
		}
		add("perm %s: %s %s", kind, strings.Join(p.Scopes, ", "), at(p.Pos))
	}
	for _, e := range pg.Examples {
		s := fmt.Sprintf("ex %s %q", e.Kind, e.Heading)
		switch e.Kind {
		case model.ExampleRequest:
			s += " " + e.Method + " " + e.URL
		case model.ExampleResponse:
			s += fmt.Sprintf(" %d", e.Status)
		}
		var hs []string
		for _, h := range e.Headers {
			hs = append(hs, h.Name+": "+h.Value)
		}
		add("%s headers=[%s] body=%q %s", s, strings.Join(hs, "; "), e.Body, at(e.Pos))
		if a := e.Annotation; a != nil {
			s := "ann " + a.BlockType
			if len(a.Names) > 0 {
				s += " names=" + strings.Join(a.Names, ",")
			}
			if a.Truncated {
				s += " truncated"
			}
			if a.IsCollection {
				s += " collection"
			}
			if a.ODataType != "" {
				s += " odata=" + a.ODataType
			}
			out = append(out, s+" "+at(a.Pos))
		}
	}
	for _, d := range ds.Sort() {
		add("diag %d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Code)
	}
	return out
}

func link(t model.TypeRef) string {
	if t.Link == "" {
		return ""
	}
	return " link=" + t.Link
}

// checkFacts parses md as file and compares the facts of the kinds want mentions (and of
// the kinds also names) with want, in order. Diagnostics are always compared: a case lists
// every one it expects.
func checkFacts(t *testing.T, file, md string, want []string, also ...string) {
	t.Helper()
	pg, ds := Parse(file, src(md))
	checkFiles(t, file, pg, ds)
	kinds := map[string]bool{"diag": true}
	for _, k := range also {
		kinds[k] = true
	}
	for _, w := range want {
		k, _, _ := strings.Cut(w, " ")
		kinds[k] = true
	}
	var got []string
	for _, f := range facts(pg, ds) {
		if k, _, _ := strings.Cut(f, " "); kinds[k] {
			got = append(got, f)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s\ndiagnostics:\n%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), ds)
	}
}

// checkFiles asserts that every position names the page's file.
func checkFiles(t *testing.T, file string, pg *model.Page, ds model.Diagnostics) {
	t.Helper()
	var ps []model.Pos
	for _, r := range pg.Requests {
		ps = append(ps, r.Pos)
	}
	for _, p := range pg.Params {
		ps = append(ps, p.Pos, p.Type.Pos)
	}
	for _, d := range ds {
		ps = append(ps, d.Pos)
	}
	for _, p := range ps {
		if p.File != file {
			t.Errorf("position %v does not name %s", p, file)
		}
	}
}

func TestRequestLines(t *testing.T) {
	tests := []struct {
		name string
		md   string // a whole page; httpPage puts the first request line on line 6
		want []string
	}{{
		name: "placeholder",
		md:   httpPage("GET /users/{user-id}/events"),
		want: []string{"req GET /users/{userId}/events @6:1", "ph userId"},
	}, {
		name: "repeated id named after the segment before it",
		md:   httpPage("DELETE /groups/{id}/members/{id}/$ref"),
		want: []string{"req DELETE /groups/{groupId}/members/{memberId}/$ref @6:1", "ph groupId", "ph memberId"},
	}, {
		name: "id after a plural in -ies and after an OData cast",
		md:   httpPage("GET /policies/{id}/microsoft.graph.user/{id}"),
		want: []string{"req GET /policies/{policyId}/microsoft.graph.user/{userId} @6:1", "ph policyId", "ph userId"},
	}, {
		name: "key a template tool left {undefined}, named after its collection",
		md:   httpPage("GET /me/drive/items/{id}/workbook/charts/{name}/series/{undefined}/points"),
		want: []string{"req GET /me/drive/items/{itemId}/workbook/charts/{name}/series/{seriesId}/points @6:1", "ph itemId", "ph name", "ph seriesId"},
	}, {
		name: "a name two query options repeat is one value; one option's repeat is two",
		md:   httpPage("GET /me/events?$filter=Extensions/any(f:f/id eq '{extensionId}')&$expand=Extensions($filter=id eq '{extensionId}')", "GET /security/alerts?$filter={property} eq '{value}' and {property} eq '{value}'"),
		want: []string{
			"req GET /me/events?$filter=Extensions/any(f:f/id eq '{extensionId}')&$expand=Extensions($filter=id eq '{extensionId}') @6:1", "ph extensionId query=$filter quoted", "ph extensionId query=$expand quoted",
			"req GET /security/alerts?$filter={property} eq '{value}' and {property2} eq '{value2}' @7:1",
			"ph property query=$filter", "ph value query=$filter quoted", "ph property2 query=$filter", "ph value2 query=$filter quoted",
		},
	}, {
		name: "query option written name:{Type}",
		md:   httpPage("POST /appCatalogs/teamsApps?requiresReview:{Boolean}"),
		want: []string{"req POST /appCatalogs/teamsApps?requiresReview={requiresReview} @6:1", "ph requiresReview query=requiresReview"},
	}, {
		name: "repeated name made unique",
		md:   httpPage("GET /a/{x}/b/{x}", "GET /a/{x2}/b/{x}/c/{x}"),
		want: []string{
			"req GET /a/{x}/b/{x2} @6:1", "ph x", "ph x2",
			"req GET /a/{x2}/b/{x}/c/{x3} @7:1", "ph x2", "ph x", "ph x3",
		},
	}, {
		name: "alternatives",
		md:   httpPage("GET /users/{id | userPrincipalName}/photo", "GET /users/{Id|userPrincipalName}/manager"),
		want: []string{
			"req GET /users/{userId}/photo @6:1", "ph userId alts=id|userPrincipalName",
			"req GET /users/{userId}/manager @7:1", "ph userId alts=Id|userPrincipalName",
		},
	}, {
		name: "function call quoted",
		md:   httpPage("GET /reports/getEmailActivityUserDetail(period='{period_value}')"),
		want: []string{"req GET /reports/getEmailActivityUserDetail(period='{period}') @6:1", "ph period quoted function"},
	}, {
		name: "a key predicate after a stray slash",
		md:   httpPage("PATCH /groups/(uniqueName='uniqueName')"),
		want: []string{
			"req PATCH /groups(uniqueName='{uniqueName}') @6:1", "ph uniqueName quoted function",
			"diag 6:15 warning request-path-slash-stray",
		},
	}, {
		name: "function call unquoted",
		md:   httpPage("GET /reports/getEmailActivityUserDetail(date={date_value})"),
		want: []string{"req GET /reports/getEmailActivityUserDetail(date={date}) @6:1", "ph date function"},
	}, {
		name: "function call with name-value placeholders",
		md:   httpPage("GET /users/{id}/reminderView(startDateTime=startDateTime-value,endDateTime=endDateTime-value)"),
		want: []string{
			"req GET /users/{userId}/reminderView(startDateTime={startDateTime},endDateTime={endDateTime}) @6:1",
			"ph userId", "ph startDateTime function", "ph endDateTime function",
		},
	}, {
		name: "function argument with a type prefix",
		md:   httpPage("GET /me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{timezone_format}')"),
		want: []string{
			"req GET /me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{timeZoneStandard}') @6:1",
			"ph timeZoneStandard quoted function",
		},
	}, {
		name: "key in parentheses",
		md: httpPage(
			"GET /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='{address}')",
			"GET /workbook/worksheets('{id}')",
			"GET /workbook/worksheets('{id|name}')/charts",
			"GET /workbook/tables/{id}/range(<address>)",
		),
		want: []string{
			"req GET /me/drive/items/{itemId}/workbook/worksheets/{worksheetId}/range(address='{address}') @6:1",
			"ph itemId", "ph worksheetId alts=id|name", "ph address quoted function",
			"req GET /workbook/worksheets('{worksheetId}') @7:1", "ph worksheetId quoted",
			"req GET /workbook/worksheets('{worksheetId}')/charts @8:1", "ph worksheetId alts=id|name quoted",
			"req GET /workbook/tables/{tableId}/range({address}) @9:1", "ph tableId", "ph address",
		},
	}, {
		name: "absolute URL",
		md: httpPage(
			"PATCH https://graph.microsoft.com/beta/policies/authenticationFlowsPolicy",
			"GET https://graph.microsoft.com/v1.0/me",
			"GET /beta/me/events",
		),
		want: []string{
			"req PATCH /policies/authenticationFlowsPolicy @6:1",
			"req GET /me @7:1",
			"req GET /me/events @8:1",
		},
	}, {
		name: "missing leading slash, ~/ prefix and trailing slash",
		md: httpPage(
			"GET policies/activityBasedTimeoutPolicies",
			"GET ~/onPremisesPublishingProfiles/{publishingType}/agentGroups",
			"DELETE /groups/{id}/calendar/events/{id}/",
		),
		want: []string{
			"req GET /policies/activityBasedTimeoutPolicies @6:1",
			"req GET /onPremisesPublishingProfiles/{publishingType}/agentGroups @7:1", "ph publishingType",
			"req DELETE /groups/{groupId}/calendar/events/{eventId} @8:1", "ph groupId", "ph eventId",
		},
	}, {
		name: "no space after the method, lower-case method, HTTP version",
		md: httpPage(
			"DELETE/identity/b2xUserFlows/{userflow-id}/identityProviders/{identityProvider-id}/$ref",
			"get /me",
			"GET /me/drive HTTP/1.1",
		),
		want: []string{
			"req DELETE /identity/b2xUserFlows/{userflowId}/identityProviders/{identityProviderId}/$ref @6:1",
			"ph userflowId", "ph identityProviderId",
			"req GET /me @7:1",
			"req GET /me/drive @8:1",
		},
	}, {
		name: "query string placeholders",
		md:   httpPage("GET /me/calendar/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}"),
		want: []string{
			"req GET /me/calendar/calendarView?startDateTime={startDateTime}&endDateTime={endDateTime} @6:1",
			"ph startDateTime query=startDateTime", "ph endDateTime query=endDateTime",
		},
	}, {
		name: "fixed query option after a quoted key",
		md:   httpPage("GET /informationProtection/bitlocker/recoveryKeys/'{bitlockeryRecoveryKeyId}'?$select=key"),
		want: []string{
			"req GET /informationProtection/bitlocker/recoveryKeys/'{bitlockeryRecoveryKeyId}'?$select=key @6:1",
			"ph bitlockeryRecoveryKeyId quoted", "query $select=key",
		},
	}, {
		name: "space before the query string",
		md:   httpPage("GET /me/calendarView ?$top=5"),
		want: []string{"req GET /me/calendarView?$top=5 @6:1", "query $top=5"},
	}, {
		name: "query template text percent-decoded once; a malformed escape stays text",
		md: httpPage("GET /communications/onlineMeetings/?$filter=VideoTeleconferenceId%20eq%20'{videoTeleconferenceId}'",
			"GET /me/events?$search=%22a%2Bb%22&$filter=x%20eq%20100%"),
		want: []string{
			"req GET /communications/onlineMeetings?$filter=VideoTeleconferenceId eq '{videoTeleconferenceId}' @6:1", "ph videoTeleconferenceId query=$filter quoted",
			"query $filter=VideoTeleconferenceId eq '{videoTeleconferenceId}'",
			"req GET /me/events?$search=\"a+b\"&$filter=x%20eq%20100% @7:1", "query $search=\"a+b\"", "query $filter=x%20eq%20100%",
		},
	}, {
		name: "form-encoded spaces around an operator; a plus in a quoted string stays",
		md: httpPage("GET /roleAssignmentRequests?$filter=resourceId+eq+'{resourceId}'",
			"GET /roleAssignmentRequests?$filter=status/subStatus+eq+'a+b'&$orderby=name+desc", "GET /x?$search=a+b"),
		want: []string{
			"req GET /roleAssignmentRequests?$filter=resourceId eq '{resourceId}' @6:1", "ph resourceId query=$filter quoted",
			"query $filter=resourceId eq '{resourceId}'",
			"req GET /roleAssignmentRequests?$filter=status/subStatus+eq+'a+b'&$orderby=name desc @7:1",
			"query $filter=status/subStatus+eq+'a+b'", "query $orderby=name desc",
			"req GET /x?$search=a+b @8:1", "query $search=a+b",
		},
	}, {
		name: "numbered id keys are named after their collections",
		md:   httpPage("DELETE /onPremisesPublishingProfiles/{publishingType}/agents/{id1}/agentGroups/{id2}/$ref"),
		want: []string{
			"req DELETE /onPremisesPublishingProfiles/{publishingType}/agents/{agentId}/agentGroups/{agentGroupId}/$ref @6:1",
			"ph publishingType", "ph agentId", "ph agentGroupId",
		},
	}, {
		name: "a list shown by its first and last item is one placeholder; $levels=n is a number to give",
		md: httpPage("GET /users/{id}?$expand=extensions($filter=id eq '{extensionId}')&$select=id,{property_1},{property_n}",
			"GET /users/{id}?$expand=manager($levels=n)", "GET /users/{id}?$expand=manager($levels=max)"),
		want: []string{
			"req GET /users/{userId}?$expand=extensions($filter=id eq '{extensionId}')&$select=id,{properties} @6:1",
			"ph userId", "ph extensionId query=$expand quoted", "query $expand=extensions($filter=id eq '{extensionId}')",
			"ph properties query=$select", "query $select=id,{properties}",
			"req GET /users/{userId}?$expand=manager($levels={levels}) @7:1", "ph userId", "ph levels query=$expand",
			"query $expand=manager($levels={levels})",
			"req GET /users/{userId}?$expand=manager($levels=max) @8:1", "ph userId", "query $expand=manager($levels=max)",
		},
	}, {
		name: "query option mixing text and placeholders",
		md:   httpPage("GET /me/events?$filter={property} eq '{property-value}'&$top=1"),
		want: []string{
			"req GET /me/events?$filter={property} eq '{propertyValue}'&$top=1 @6:1", "ph property query=$filter", "ph propertyValue query=$filter quoted",
			"query $filter={property} eq '{propertyValue}'", "query $top=1",
		},
	}, {
		name: "an $expand template keeps its placeholder and names the key apart from the path's",
		md:   httpPage("GET /users/{id}?$expand=extensions($filter=id eq '{id}')"),
		want: []string{
			"req GET /users/{userId}?$expand=extensions($filter=id eq '{id}') @6:1", "ph userId", "ph id query=$expand quoted",
			"query $expand=extensions($filter=id eq '{id}')",
		},
	}, {
		name: "$value, $ref and $count tails",
		md: httpPage(
			"GET /users/{id}/photo/$value",
			"POST /groups/{id}/owners/$ref",
			"GET /groups/$count",
			"GET /me/messages/{id}/attachments/{id}/$value",
		),
		want: []string{
			"req GET /users/{userId}/photo/$value @6:1",
			"req POST /groups/{groupId}/owners/$ref @7:1",
			"req GET /groups/$count @8:1",
			"req GET /me/messages/{messageId}/attachments/{attachmentId}/$value @9:1",
		},
	}, {
		name: "OData cast segment",
		md: httpPage(
			"GET /directory/deletedItems/microsoft.graph.group",
			"GET /deviceAppManagement/mobileApps/{id}/microsoft.graph.iosVppApp/assignedLicenses",
		),
		want: []string{
			"req GET /directory/deletedItems/microsoft.graph.group @6:1",
			"req GET /deviceAppManagement/mobileApps/{mobileAppId}/microsoft.graph.iosVppApp/assignedLicenses @7:1",
			"ph mobileAppId",
		},
	}, {
		name: "drive path",
		md:   httpPage("GET /me/drive/root:/{item-path}:/content"),
		want: []string{"req GET /me/drive/root:/{itemPath}:/content @6:1", "ph itemPath"},
	}, {
		name: "ellipsis segment",
		md:   httpPage("GET /me/.../attachments/{id}"),
		want: []string{
			"req GET /me/attachments/{attachmentId} @6:1", "ph attachmentId",
			"diag 6:1 warning request-path-ellipsis",
		},
	}, {
		name: "a literal ID where the key goes",
		md:   httpPage("GET /compliance/cases/4c8f8f70-7785-4bd4-b296-c98376a2c5e1/custodians"),
		want: []string{"req GET /compliance/cases/{caseId}/custodians @6:1", "diag 6:1 warning literal-id-in-path"},
	}, {
		name: "a host name where the key goes, beside a cast that is not one",
		md:   httpPage("GET /sites/contoso.sharepoint.com/microsoft.graph.site"),
		want: []string{"req GET /sites/{hostname}/microsoft.graph.site @6:1", "ph hostname", "diag 6:1 warning literal-id-in-path"},
	}, {
		name: "keys written without braces: (team-id) and a bare id after a collection",
		md: httpPage(
			"PATCH /teams/(team-id)/channels/{channel-id}",
			"POST /sites/id/contentTypes/id/associateWithHubSites",
			"GET /me/drive/root/children",
			"GET /widgets/(name)/items",
			"GET /widgets/$count/id",
		),
		want: []string{
			"req PATCH /teams/{teamId}/channels/{channelId} @6:1", "ph teamId", "ph channelId",
			"req POST /sites/{siteId}/contentTypes/{contentTypeId}/associateWithHubSites @7:1", "ph siteId", "ph contentTypeId",
			"req GET /me/drive/root/children @8:1",
			"req GET /widgets/(name)/items @9:1",
			"req GET /widgets/$count/id @10:1",
			"diag 6:14 warning placeholder-unbraced",
			"diag 7:13 warning placeholder-unbraced", "diag 7:29 warning placeholder-unbraced",
		},
	}, {
		name: "a placeholder without its closing brace",
		md:   httpPage("POST /groups/{group-id/drive/items/{item-id}/follow"),
		want: []string{"req POST /groups/{groupId}/drive/items/{itemId}/follow @6:1", "ph groupId", "ph itemId", "diag 6:14 warning placeholder-brace-missing"},
	}, {
		name: "a key run into the collection's name",
		md:   httpPage("GET /privacy/subjectRightsRequests{subjectRightsRequestId}/getFinalReport"),
		want: []string{"req GET /privacy/subjectRightsRequests/{subjectRightsRequestId}/getFinalReport @6:1", "ph subjectRightsRequestId", "diag 6:14 warning request-path-slash-missing"},
	}, {
		name: "a placeholder's alternative written after its braces",
		md:   httpPage("GET /users/{user-id} | user-principal-name/chats/{chat-id}/members"),
		want: []string{"req GET /users/{userId}/chats/{chatId}/members @6:1", "ph userId alts=user-id|user-principal-name", "ph chatId", "diag 6:1 warning placeholder-alternative-outside"},
	}, {
		name: "a slash missing before $ref",
		md:   httpPage("DELETE /servicePrincipals/{id}/tokenLifetimePolicies/{id}$ref"),
		want: []string{"req DELETE /servicePrincipals/{servicePrincipalId}/tokenLifetimePolicies/{tokenLifetimePolicyId}/$ref @6:1", "ph servicePrincipalId", "ph tokenLifetimePolicyId", "diag 6:54 warning request-path-slash-missing"},
	}, {
		name: "/users/me/ for /me/",
		md:   httpPage("POST /users/me/messages/{id}/replyAll"),
		want: []string{"req POST /me/messages/{messageId}/replyAll @6:1", "ph messageId", "diag 6:1 warning request-path-users-me"},
	}, {
		name: "prose instead of a path",
		md:   httpPage("GET ** Entity URI for microsoft.management.services.api.widget not found"),
		want: []string{"diag 6:1 error request-path-invalid"},
	}, {
		name: "line without a method",
		md:   httpPage("GET /me/events", "or", "GET /users/{id}/events"),
		want: []string{
			"req GET /me/events @6:1",
			"req GET /users/{userId}/events @8:1",
			"diag 7:1 warning request-line-unparsed",
		},
	}, {
		name: "blank lines and indentation inside a fence",
		md:   httpPage("", "GET /me", "", "", "  POST /me/events  "),
		want: []string{"req GET /me @7:1", "req POST /me/events @10:3"},
	}, {
		name: "several fences",
		md: `
# T

## HTTP request
~~~http
GET /me/events
~~~

~~~ http
GET /users/{id}/events
POST /users/{id}/events
~~~

~~~
PUT /x
~~~
`,
		want: []string{
			"req GET /me/events @5:1",
			"req GET /users/{userId}/events @9:1",
			"req POST /users/{userId}/events @10:1",
			"req PUT /x @14:1",
			"diag 1:1 warning response-missing",
		},
	}, {
		name: "indented fences in list items and quotes",
		md: `
# T

## HTTP request
* For the signed-in user:
  ~~~http
  GET /me/events
  ~~~
* For another user:
  ~~~http
  GET /users/{id}/events
` + "\tGET /users/{id}/calendar/events" + `
  ~~~

> ~~~http
> GET /groups/{id}/events
> ~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{
			`req GET /me/events @6:3 label="For the signed-in user:"`,
			`req GET /users/{userId}/events @10:3 label="For another user:"`,
			`req GET /users/{userId}/calendar/events @11:2 label="For another user:"`,
			`req GET /groups/{groupId}/events @15:3 label="For another user:"`,
		},
	}, {
		name: "list items label their fences by their first paragraph",
		md: `
# T

## HTTP request
1. Get a [widget](../resources/widget.md) of a user

    *Note: this request needs a role.*
~~~http
GET /users/{id}/widget
~~~
2. Get my widget
~~~http
GET /me/widget
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{
			`req GET /users/{userId}/widget @8:1 label="Get a widget of a user"`,
			`req GET /me/widget @12:1 label="Get my widget"`,
		},
	}, {
		name: "code that is not a request",
		md: `
# T

## HTTP request
~~~csharp
var id = Encode(url);
~~~
~~~http
GET /shares/{id}
~~~

## Response
If successful, this method returns a ´200 OK´ response code and a [sharedDriveItem](../resources/shareddriveitem.md) object in the response body.
`,
		want: []string{"req GET /shares/{shareId} @8:1", "diag 5:1 warning request-block-skipped"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, "beta/api/x.md", tt.md, tt.want)
		})
	}
}

// Path.Alternatives expands a {a | b} placeholder into one path per spelling.
func TestRequestLineAlternatives(t *testing.T) {
	pg, ds := Parse("v1.0/api/x.md", src(httpPage("GET /users/{id | userPrincipalName}/messages/{id}")))
	if len(ds) != 0 || len(pg.Requests) != 1 {
		t.Fatalf("got %d requests, diagnostics:\n%s", len(pg.Requests), ds)
	}
	var got []string
	for _, p := range pg.Requests[0].Path.Alternatives() {
		got = append(got, p.String())
	}
	want := "/users/{id}/messages/{messageId} /users/{userPrincipalName}/messages/{messageId}"
	if strings.Join(got, " ") != want {
		t.Errorf("Alternatives() = %v, want %s", got, want)
	}
}

func TestSections(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []string
	}{{
		name: "HTTP Request in title case",
		md: `
# T

## HTTP Request
~~~http
GET /a
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"kind api", "req GET /a @5:1", "resp 204 none @8:1"},
	}, {
		name: "no HTTP request section: a template fence under Permissions",
		md: `
# T

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Application|Chat.ReadWrite.All|

~~~http
POST /chats/{id}/members
~~~

## Response
If successful, this method returns a ´201 Created´ response code.
`,
		want: []string{"kind api", "req POST /chats/{chatId}/members @9:1", "diag 6:2 warning auth-inferred", "diag 9:1 warning http-request-implicit",
			"diag 12:1 warning response-type-unknown"},
	}, {
		name: "no HTTP request section: scenario headings with bare fences; examples stay examples",
		md: `
# T

## Get the root site
~~~http
GET /sites/root
~~~

## Get a site by path
~~~http
GET /sites/{hostname}:/{server-relative-path}
~~~

## Example
<!-- { "blockType": "request", "name": "x" } -->
~~~http
GET https://graph.microsoft.com/v1.0/sites/root
~~~
`,
		want: []string{"req GET /sites/root @5:1", "req GET /sites/{hostname}:/{serverRelativePath} @10:1",
			"diag 1:1 warning response-missing", "diag 5:1 warning http-request-implicit"},
	}, {
		name: "no template at all: the example requests are the request lines",
		md: `
# T

## Example
### Request
<!-- { "blockType": "request", "name": "a" } -->
~~~http
GET https://graph.microsoft.com/v1.0/me/insights/shared
~~~
### Request
<!-- { "blockType": "request", "name": "b" } -->
~~~http
GET https://graph.microsoft.com/v1.0/me/insights/shared/2a1b7a6e-5f21-4c3e-9d1b-0f5a8e7c6d4b
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"req GET /me/insights/shared @7:1 label=\"Request\"", "req GET /me/insights/shared/{sharedId} @12:1 label=\"Request\"",
			"diag 7:1 warning http-request-from-example", "diag 12:1 warning literal-id-in-path"},
	}, {
		name: "a fence left open swallows the next heading; a pivoted permissions table is read too; footnote stars dropped",
		md: `
# T

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Application|Chat.Manage.Chat*, Chat.ReadWrite.All|

|Supported resource|Delegated (work or school account)|Application|
|:---|:---|:---|
|user|Mail.Read|Mail.Read|

## HTTP request
~~~http
GET /chats

## Response
If successful, this method returns a ´200 OK´ response code.
`,
		want: []string{"req GET /chats @14:1", "perm Application: Chat.Manage.Chat, Chat.ReadWrite.All @6:2",
			"perm Delegated (work or school account) (for user): Mail.Read @10:2", "perm Application (for user): Mail.Read @10:2",
			"diag 1:1 warning response-missing", "diag 6:2 warning auth-inferred", "diag 16:1 warning fence-swallows-markdown",
			"diag 16:1 warning request-line-unparsed", "diag 17:1 warning request-line-unparsed"},
	}, {
		name: "a fence that runs to the end of the page",
		md:   "# T\n\n## HTTP request\n~~~http\nGET /chats\n",
		want: []string{"req GET /chats @5:1", "diag 1:1 warning response-missing", "diag 5:1 warning fence-unclosed"},
	}, {
		name: "an HTTP request section without request lines",
		md: `
# T

## HTTP request
Nothing here yet.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"diag 1:1 error http-request-empty"},
	}, {
		name: "H3 and prose label the lines that follow",
		md: `
# T

## HTTP request
### For the signed-in user
~~~http
GET /me/events
~~~
#### For another user:
~~~http
GET /users/{id}/events
~~~
To list a group's events:
~~~http
GET /groups/{id}/events
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{
			`req GET /me/events @6:1 label="For the signed-in user"`,
			`req GET /users/{userId}/events @10:1 label="For another user:"`,
			`req GET /groups/{groupId}/events @14:1 label="To list a group's events:"`,
		},
	}, {
		name: "tab markers do not end sections",
		md: `
# T

## HTTP request
# [HTTP](#tab/http)
~~~http
GET /a
~~~
# [C#](#tab/csharp)
[!INCLUDE [sample-code](../includes/snippets/csharp/a.md)]

---
~~~http
GET /b
~~~

## Response
# [HTTP](#tab/http)
If successful, this method returns a ´200 OK´ response code and a [widget](../resources/widget.md) object in the response body.

## Example
### Request
# [HTTP](#tab/http)
<!-- { "blockType": "request", "name": "get_a" } -->
~~~http
GET https://graph.microsoft.com/beta/a
~~~
# [JavaScript](#tab/javascript)
[!INCLUDE [sample-code](../includes/snippets/javascript/a.md)]

---
`,
		want: []string{
			"title T",
			"req GET /a @6:1", "req GET /b @13:1",
			"resp 200 microsoft.graph.widget link=beta/resources/widget.md @16:1",
			`ex request "Request" GET https://graph.microsoft.com/beta/a headers=[] body="" @25:1`,
			"ann request names=get_a @23:1",
		},
	}, {
		name: "Prerequisites hold the permissions, most privileged first",
		md: `
# T

## Prerequisites
One of the following permissions is required to call this API.

|Permission type|Permissions (from most to least privileged)|
|:---|:---|
|Delegated (work or school account)|Widgets.ReadWrite.All, Widgets.Read.All|
|Delegated (personal Microsoft account)|Not supported.|
|Application|Widgets.ReadWrite.All|

## HTTP Request
~~~http
GET /widgets
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{
			"perm Delegated (work or school account): Widgets.Read.All, Widgets.ReadWrite.All @8:2",
			"perm Delegated (personal Microsoft account):  @9:2",
			"perm Application: Widgets.ReadWrite.All @10:2", "diag 8:2 warning auth-inferred",
		},
	}, {
		name: "indented rows under a permission type name its parts",
		md: `
# T

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account)||
| &nbsp; &nbsp; **Policy Set** | Apps.Read.All|
|Application|Apps.Read.All|

## HTTP request
~~~http
GET /widgets
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"perm Delegated (work or school account):  @6:2", "perm Delegated (work or school account), Policy Set: Apps.Read.All @7:3",
			"perm Application: Apps.Read.All @8:2", "diag 7:3 warning auth-inferred"},
	}, {
		name: "permissions least privileged first stay in order",
		md: `
# T

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Application|Widgets.Read.All, Widgets.ReadWrite.All|

## HTTP request
~~~http
GET /widgets
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"perm Application: Widgets.Read.All, Widgets.ReadWrite.All @6:2", "diag 6:2 warning auth-inferred"},
	}, {
		name: "permissions pivoted by resource: one permission per column, each scope naming its row",
		md: `
# T

## Permissions
| Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |
|:-----|:-----|:-----|:-----|
| [event](../resources/event.md) | Calendars.ReadWrite | Calendars.ReadWrite | Calendars.ReadWrite |
| [post](../resources/post.md) | Group.ReadWrite.All | Not supported | Not supported |

## HTTP request
~~~http
DELETE /me/events/{id}/attachments/{id}
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{
			"perm Delegated (work or school account) (for event): Calendars.ReadWrite @6:3",
			"perm Delegated (work or school account) (for post): Group.ReadWrite.All @7:3",
			"perm Delegated (personal Microsoft account) (for event): Calendars.ReadWrite @6:3",
			"perm Delegated (personal Microsoft account) (for post):  @7:3",
			"perm Application (for event): Calendars.ReadWrite @6:3",
			"perm Application (for post):  @7:3", "diag 6:3 warning auth-inferred",
		},
	}, {
		name: "HTTP request under Permissions is the template",
		md: `
# T

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Application|Widgets.Read.All|

### HTTP Request
~~~http
GET widgets/{id}
~~~

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"req GET /widgets/{widgetId} @10:1", "perm Application: Widgets.Read.All @6:2", "diag 6:2 warning auth-inferred"},
	}, {
		name: "HTTP request heading an example is not the template",
		md: `
# T

## HTTP request
~~~http
POST /me/widgets
~~~

## Response
If successful, this method returns a ´201 Created´ response code and a [widget](../resources/widget.md) object in the response body.

## Example
### HTTP request
~~~http
POST https://graph.microsoft.com/v1.0/me/widgets
Content-Type: application/json

{"name": "w"}
~~~

### Response
~~~http
HTTP/1.1 201 Created
~~~

### Example 2
#### HTTP request
~~~http
POST https://graph.microsoft.com/v1.0/me/widgets
~~~
`,
		want: []string{
			"req POST /me/widgets @5:1",
			`ex request "HTTP request" POST https://graph.microsoft.com/v1.0/me/widgets headers=[Content-Type: application/json] body="{\"name\": \"w\"}" @14:1`,
			`ex response "Response" 201 headers=[] body="" @22:1`,
			`ex request "HTTP request" POST https://graph.microsoft.com/v1.0/me/widgets headers=[] body="" @28:1`,
		},
	}, {
		name: "H1 only: title and summary",
		md: `
---
title: Widget stuff
---
# Ignored when front matter has a title
Namespace: microsoft.graph.widgets

> **Important:** a note that is not the summary.

Does things to widgets.
`,
		want: []string{"kind conceptual", "title Widget stuff", "ns microsoft.graph.widgets", "summary Does things to widgets."},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, "beta/api/x.md", tt.md, tt.want)
		})
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name string
		md   string
		want []string
	}{{
		name: "function, path and query parameters",
		md: `
# T
## HTTP request
~~~http
GET /widgets/{id}/report(period='{period_value}')?top={n}
~~~
## Path parameters
|Parameter|Type|Description|
|:---|:---|:---|
|id|String|The widget's key. Required.|
## Function parameters
|Parameter|Type|Description|
|:---|:---|:---|
|period|´Edm.String´|The period. Required.|
|since|string (timestamp)|A primitive with a note on its values.|
## Query parameters
|Query parameter|Type|Description|
|:---|:---|:---|
|top|Int32|How many.|
## Response
If successful, this function returns a ´200 OK´ response code and a Stream in the response body.
`,
		want: []string{
			"param path id Edm.String required @9:2",
			"param function period Edm.String required @13:2",
			"param function since Edm.String unknown @14:2",
			"param query top Edm.Int32 unknown @18:2",
			"resp 200 Edm.Stream @19:1",
		},
	}, {
		name: "request headers: Name|Description and Header|Value",
		md: `
# T
## Request headers
|Name|Description|
|:---|:---|
|Authorization|Bearer {token}. Required.|
|Prefer|return=minimal. Optional.|

## Optional request headers
|Header|Value|
|:---|:---|
|Authorization|Bearer &lt;token&gt; Required.|
|Accept|application/json|
`,
		want: []string{
			"param header Authorization Edm.String required @5:2",
			"param header Prefer Edm.String optional @6:2",
			"param header Authorization Edm.String required @11:2",
			"param header Accept Edm.String unknown @12:2",
		},
	}, {
		name: "request headers with a Type column",
		md: `
# T
## Request headers
|Name|Type|Description|
|:---|:---|:---|
|Authorization|string|Bearer {token}. Required.|
|Content-Type|application/json|The body's media type.|
|ConsistencyLevel|´String´|eventual. Optional.|
`,
		want: []string{
			"param header Authorization Edm.String required @5:2",
			"param header Content-Type Edm.String unknown @6:2",
			"param header ConsistencyLevel Edm.String optional @7:2",
		},
	}, {
		name: "request body: Property|Type|Description, cues and type shapes",
		md: `
# T
Namespace: microsoft.graph

## Request body
|Property|Type|Description|
|:---|:---|:---|
|**Open extensions**| | |
|token|[vppToken](../resources/vpptoken.md)|Required. The token.|
|tokens|[vppToken](../resources/vpptoken.md) collection|The tokens. Optional.|
|names|String collection|Optional. Names.|
|ids|Collection(Edm.String)|Identifiers. Required|
|state|[widgetState](widgetstate.md#values)|The state, required when creating.|
|kind|´DateTimeOffset´|When.|
|raw|´Edm.Int64´|Count.|
|**owner**|[identitySet](../resources/identityset.md)|Who.|
|tag|microsoft.graph.ediscovery.tag|The tag.|
|bad|string, maximum size 20|Dynamics style.|
|label (deprecated)|String|Old.|
|pairs|Collection([keyValuePair](../resources/keyvaluepair.md))|Pairs.|
|who|[identitySet][]|Reference-style link.|

[identitySet]: ../resources/identityset.md
`,
		want: []string{
			"param body token microsoft.graph.vppToken link=beta/resources/vpptoken.md required @8:2",
			"param body tokens Collection(microsoft.graph.vppToken) link=beta/resources/vpptoken.md optional @9:2",
			"param body names Collection(Edm.String) optional @10:2",
			"param body ids Collection(Edm.String) required @11:2",
			"param body state microsoft.graph.widgetState link=beta/api/widgetstate.md unknown @12:2",
			"param body kind Edm.DateTimeOffset unknown @13:2",
			"param body raw Edm.Int64 unknown @14:2",
			"param body owner microsoft.graph.identitySet link=beta/resources/identityset.md unknown @15:2",
			"param body tag microsoft.graph.ediscovery.tag unknown @16:2",
			"param body bad unknown(string, maximum size 20) unknown @17:2",
			"param body label Edm.String unknown @18:2",
			"param body pairs Collection(microsoft.graph.keyValuePair) link=beta/resources/keyvaluepair.md unknown @19:2",
			"param body who microsoft.graph.identitySet link=beta/resources/identityset.md unknown @20:2",
			"diag 17:6 warning unknown-type",
		},
	}, {
		name: "Required? column and Parameter|Type|Description",
		md: `
# T
## Request body
|Parameter|Type|Required?|Description|
|:---|:---|:---|:---|
|a|Boolean|Yes|A.|
|b|Int32|No|B. Required.|
|c|String||C.|

|Property|Type|Required (Y/N)|Description|
|:---|:---|:---|:---|
|d|Guid|Y|D.|
|e|Double|N|E.|

|Parameters|Type|Required|Description|
|:---|:---|:---|:---|
|f|String|✓|F.|
|g|String||For status f, it is required.|
`,
		want: []string{
			"param body a Edm.Boolean required @5:2",
			"param body b Edm.Int32 optional @6:2",
			"param body c Edm.String unknown @7:2",
			"param body d Edm.Guid required @11:2",
			"param body e Edm.Double optional @12:2",
			"param body f Edm.String required @16:2",
			"param body g Edm.String optional @17:2",
		},
	}, {
		name: "indented table with padded cells",
		md: `
# T
## Request body

  | Property | Type | Description |
  |:---|:---|:---|
  | a | Mode?? | Required. |
`,
		want: []string{"param body a unknown(Mode??) required @6:5", "diag 6:9 warning unknown-type"},
	}, {
		name: "negated required cue",
		md: `
# T
## Request body
|Property|Type|Description|
|:---|:---|:---|
|a|String|A contact address. Not required.|
|b|String|This one isn't required|
|c|String|Null when reviews are not required.|
|d|String|The name. The property is not individually required. However, at least one property (**d** or **e**) is required.|
`,
		want: []string{
			"param body a Edm.String optional @5:2",
			"param body b Edm.String optional @6:2",
			"param body c Edm.String optional @7:2",
			"param body d Edm.String optional @8:2",
		},
	}, {
		name: "function parameters without a Type column are strings",
		md: `
# T
## Function parameters
|Parameter|Description|
|:---|:---|
|period|The supported values are: D1, D7, D30.|
`,
		want: []string{"param function period Edm.String unknown @5:2", "diag 5:2 warning param-type-assumed"},
	}, {
		name: "query parameters without a Type column are strings, OData options aside",
		md: `
# T
## Optional query parameters
| Name | Description |
|:---|:---|
| model | The payment model, A or B. Optional. |
| $top | How many. |
`,
		want: []string{"param query model Edm.String optional @5:3", "diag 5:3 warning param-type-assumed"},
	}, {
		name: "namespace qualifies named types",
		md: `
# T

Namespace: microsoft.graph.ediscovery

## Request body
|Property|Type|Description|
|:---|:---|:---|
|tag|[tag](../resources/ediscovery-tag.md)|A tag.|
|case|[microsoft.graph.ediscovery.case](../resources/ediscovery-case.md)|A case.|
|user|[microsoft.graph.user](../resources/user.md)|A user.|
`,
		want: []string{
			"ns microsoft.graph.ediscovery",
			"param body tag microsoft.graph.ediscovery.tag link=v1.0/resources/ediscovery-tag.md unknown @8:2",
			"param body case microsoft.graph.ediscovery.case link=v1.0/resources/ediscovery-case.md unknown @9:2",
			"param body user microsoft.graph.user link=v1.0/resources/user.md unknown @10:2",
		},
	}, {
		name: "a bare Parameters heading after a POST line: the body's",
		md: `
# T
## HTTP request
~~~http
POST /me/drive/items/{itemId}/createUploadSession
~~~
### Request body
No request body is required, but the following parameters can be sent.
## Parameters
|Parameter|Type|Description|
|:---|:---|:---|
|deferCommit|Boolean|Wait for an explicit request before creating the file.|
## Response
If successful, this action returns a ´204 No Content´ response code.
`,
		want: []string{"param body deferCommit Edm.Boolean unknown @11:2", "resp 204 none @12:1"},
	}, {
		name: "a bare Parameters heading after a function's GET line: the call's",
		md: `
# T
## HTTP request
~~~http
GET /reports/getCounts(period='{period}')
~~~
## Parameters
|Parameter|Type|Description|
|:---|:---|:---|
|period|String|The length of time. Required.|
## Response
If successful, this function returns a ´204 No Content´ response code.
`,
		want: []string{"param function period Edm.String required @9:2", "resp 204 none @10:1"},
	}, {
		name: "a bare Parameters heading after lines of two kinds is not read",
		md: `
# T
## HTTP request
~~~http
GET /widgets/{id}
POST /widgets/{id}/tag
~~~
## Parameters
|Parameter|Type|Description|
|:---|:---|:---|
|label|String|A label.|
## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"resp 204 none @11:1"},
	}, {
		name: "a numbered table under the request body is no parameter table",
		md: `
# T
## HTTP request
~~~http
POST /sites/{site-id}/pages
~~~
## Request body
In the request body, supply a JSON representation of the [sitePage](../resources/sitepage.md) resource.
### Supported web parts
| # | Web Part | Type |
| --- | --- | --- |
| 1 | Bing Maps | ´e377ea37-9047-43b9-8cdb-a761be2f8e09´ |
| 2 | Button | ´0f087d7f-520e-42b7-89c0-496aaf979d58´ |
## Response
If successful, this method returns a ´201 Created´ response code and a [sitePage](../resources/sitepage.md) object.
`,
		want: []string{"resp 201 microsoft.graph.sitePage link=beta/resources/sitepage.md @13:1"},
	}, {
		name: "non-parameter tables are left alone",
		md: `
# T
## Request body
|Type of group|Assigned membership|Dynamic membership|
|:---|:---|:---|
|Microsoft 365|Yes|Yes|

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Read-only.|
`,
		want: []string{},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := "beta/api/x.md"
			if strings.Contains(tt.name, "namespace") {
				file = "v1.0/api/x.md"
			}
			checkFacts(t, file, tt.md, tt.want, "param")
		})
	}
}

func TestResponse(t *testing.T) {
	page := func(prose string) string {
		return "# T\n\n## HTTP request\n~~~http\nGET /a\n~~~\n\n## Response\n" + prose + "\n\n## See also\n"
	}
	tests := []struct {
		name, md string
		want     []string
	}{{
		name: "204 No Content",
		md:   page("If successful, this method returns a ´204 No Content´ response code."),
		want: []string{"resp 204 none @8:1"},
	}, {
		name: "200 OK and an object",
		md:   page("If successful, this method returns a ´200 OK´ response code and a [vppToken](../resources/intune-onboarding-vpptoken.md) object in the response body."),
		want: []string{"resp 200 microsoft.graph.vppToken link=beta/resources/intune-onboarding-vpptoken.md @8:1"},
	}, {
		name: "a collection of objects",
		md:   page("If successful, this method returns a ´200 OK´ response code and a collection of [vppToken](../resources/vpptoken.md) objects in the response body."),
		want: []string{"resp 200 Collection(microsoft.graph.vppToken) link=beta/resources/vpptoken.md @8:1"},
	}, {
		name: "a collection of derivatives of a type",
		md:   page("If successful, this action returns a ´200 OK´ response code and a collection of derivatives of [actionResultPart](../resources/actionresultpart.md) in the response body."),
		want: []string{"resp 200 Collection(microsoft.graph.actionResultPart) link=beta/resources/actionresultpart.md @8:1"},
	}, {
		name: "an object collection",
		md:   page("If successful, this method returns a ´200 OK´ response code and a [reminder](../resources/reminder.md) collection in the response body."),
		want: []string{"resp 200 Collection(microsoft.graph.reminder) link=beta/resources/reminder.md @8:1"},
	}, {
		name: "a primitive",
		md:   page("If successful, this method returns a ´200 OK´ response code and a Boolean in the response body."),
		want: []string{"resp 200 Edm.Boolean @8:1"},
	}, {
		name: "a primitive value",
		md:   page("If successful, this action returns a ´200 OK´ response code and a Boolean value ´true´ in the response body."),
		want: []string{"resp 200 Edm.Boolean @8:1"},
	}, {
		name: "no type named, a table of the members",
		md: page("The response is a JSON object with these properties:\n\n| Name | Type | Description\n|:--|:--|:--\n| getUrl | string | A URL.\n| postUrl | string | Another.\n\n" +
			"### Page/zoom\n\n| Option | Notes |\n|:--|:--|\n| page | a page |"),
		want: []string{"resp 0 unknown(The response is a JSON object with these properties:) @8:1", "resp properties getUrl,postUrl @11:1",
			"diag 8:1 warning response-type-unknown"},
	}, {
		name: "a report: CSV by a redirect, JSON on request",
		md: page("### CSV\n\nIf successful, this method returns a ´302 Found´ response that redirects to a preauthenticated download URL for the report.\n\n" +
			"### JSON\n\nIf successful, this method returns a ´200 OK´ response code and an **[emailActivitySummary](../resources/emailactivitysummary.md)** object in the response body."),
		want: []string{"resp 302 unknown(If successful, this method returns a `302 Found` response that redirects to a preauthenticated downl…) @8:1",
			"resp json microsoft.graph.emailActivitySummary link=beta/resources/emailactivitysummary.md", "diag 8:1 warning response-type-unknown"},
	}, {
		name: "a JSON part that names no body",
		md:   page("### CSV\n\nIf successful, this method returns a ´302 Found´ response.\n\n### JSON\n\nThe JSON form is described elsewhere."),
		want: []string{"resp 302 unknown(If successful, this method returns a `302 Found` response.) @8:1", "diag 8:1 warning response-type-unknown"},
	}, {
		name: "status with a comma, type in bold",
		md:   page("If successful, this method returns ´201, Created´ and an **alert** object in the response body."),
		want: []string{"resp 201 microsoft.graph.alert @8:1"},
	}, {
		name: "bare status",
		md:   page("If successful, this method returns 200 OK and a [widget](../resources/widget.md) object."),
		want: []string{"resp 200 microsoft.graph.widget link=beta/resources/widget.md @8:1"},
	}, {
		name: "no status",
		md:   page("This method returns a collection of [driveItem](../resources/driveitem.md) resources."),
		want: []string{"resp 0 Collection(microsoft.graph.driveItem) link=beta/resources/driveitem.md @8:1"},
	}, {
		name: "a backslash in the link is a slash",
		md:   page("If successful, this method returns a ´200 OK´ response code and the requested [authenticationContextClassReferences](../resources/\\authenticationcontextclassreference.md) object in the response body."),
		want: []string{"resp 200 microsoft.graph.authenticationContextClassReferences link=beta/resources/authenticationcontextclassreference.md @8:1"},
	}, {
		name: "an upsert: 201 and a body, or 204",
		md:   page("If successful, when the application did not exist, this method returns a ´201 Created´ response code and an [application](../resources/application.md) object in the response body. When it existed, it returns ´204 No Content´."),
		want: []string{"resp 201 microsoft.graph.application link=beta/resources/application.md @8:1", "resp optional", "diag 8:1 warning response-body-contradiction"},
	}, {
		name: "204 that names a body",
		md:   page("If successful, this method returns a ´204 Accepted´ response code and a [program](../resources/program.md) object in the response body."),
		want: []string{"resp 204 microsoft.graph.program link=beta/resources/program.md @8:1", "resp optional", "diag 8:1 warning response-body-contradiction"},
	}, {
		name: "a link to a type comes before a bold word",
		md:   page("If successful, this method returns a ´200 OK´ response code. If you get a meeting by **videoTeleconferenceId** or **joinWebUrl**, it returns an [onlineMeeting](../resources/onlinemeeting.md) object in the response body."),
		want: []string{"resp 200 microsoft.graph.onlineMeeting link=beta/resources/onlinemeeting.md @8:1"},
	}, {
		name: "a true or false value in the response body",
		md:   page("If successful, this method returns ´200 OK´ response code. If the group is added to the policy, a ´true´ value is returned in the response body. Otherwise, a ´false´ value is returned in the response body."),
		want: []string{"resp 200 Edm.Boolean @8:1"},
	}, {
		name: "explicit no body",
		md:   page("If successful, this method returns ´200 OK´. It does not return anything in the response body."),
		want: []string{"resp 200 none @8:1"},
	}, {
		name: "204, a body on request with Prefer: return=representation",
		md:   page("If successful, this method returns ´204 No Content´ response and empty content. If the request specifies ´Prefer´ header with ´return=representation´ preference, then this method returns a ´200 OK´ response code and updated [plannerTask](../resources/plannertask.md) object in the response body."),
		want: []string{"resp 204 microsoft.graph.plannerTask link=beta/resources/plannertask.md @8:1", "resp on request"},
	}, {
		name: "204, a body when the optional header is used",
		md:   page("If successful, this method returns a ´204 No Content´ response code.\nIf the optional request header is used, the method returns a ´200 OK´ response code and the updated [alert](../resources/alert.md) object in the response body."),
		want: []string{"resp 204 microsoft.graph.alert link=beta/resources/alert.md @8:1", "resp on request"},
	}, {
		name: "204 with a link that is not on request",
		md:   page("If successful, this method returns ´204 No Content´. See [plannerTask](../resources/plannertask.md) for the properties."),
		want: []string{"resp 204 none @8:1"},
	}, {
		name: "202 without a type",
		md:   page("If successful, this method returns a ´202 Accepted´ response code."),
		want: []string{"resp 202 none @8:1"},
	}, {
		name: "only a failure's status",
		md:   page("This gives the [uploadSession](../resources/uploadsession.md) to send the bytes to. If the file exceeds the quota, a ´507 Insufficient Storage´ response will be returned."),
		want: []string{"resp 0 microsoft.graph.uploadSession link=beta/resources/uploadsession.md @8:1"},
	}, {
		name: "202 and the monitor in Operation-Location",
		md:   page("If successful, this method returns a ´202 Accepted´ response code and an ´Operation-Location´ header. Poll it for the copy's status."),
		want: []string{"resp 202 none @8:1", "resp monitor Operation-Location"},
	}, {
		name: "202 and a Location header that links an operation",
		md:   page("If successful, this method returns a ´202 Accepted´ response code and Location header that contains a link to the [teamsAsyncOperation](../resources/teamsasyncoperation.md)."),
		want: []string{"resp 202 microsoft.graph.teamsAsyncOperation link=beta/resources/teamsasyncoperation.md @8:1", "resp monitor Location"},
	}, {
		name: "a redirect to the content",
		md:   page("If successful, this function will redirect to the Microsoft Azure blob storage link with the SAS token and return a ´200´ response code."),
		want: []string{"resp 200 Edm.Stream @8:1"},
	}, {
		name: "a Response body heading",
		md:   "# T\n\n## HTTP request\n~~~http\nPOST /a\n~~~\n\n## Response body\nIf successful, this method returns a ´204 No Content´ response code.\n",
		want: []string{"resp 204 none @8:1"},
	}, {
		name: "202 and a bold Location header: a header's name, not a type",
		md:   page("If successful, this method returns a ´202 Accepted´ response code and a **Location** header with a URL to check the status of the reset."),
		want: []string{"resp 202 none @8:1", "resp monitor Location"},
	}, {
		name: "202 and the monitor in a Location row of the response headers table",
		md:   page("If successful, this method returns a ´202 Accepted´ response code. The response has these headers.\n\n| Name | Description |\n|:--|:--|\n| Location | The URL to poll for the request's status. |\n| Retry-After | How long to wait. |"),
		want: []string{"resp 202 none @8:1", "resp monitor Location"},
	}, {
		name: "202 and the monitor named in the summary",
		md:   "# T\n\nStart adding items. Get the operation's status by retrieving the ´Location´ parameter from the response headers.\n\n## HTTP request\n~~~http\nPOST /cases/{id}/add\n~~~\n## Response\nIf successful, this action returns a ´202 Accepted´ response code.\n",
		want: []string{"resp 202 none @9:1", "resp monitor Location"},
	}, {
		name: "Content-Location is not a monitor",
		md:   page("If successful, this method returns a ´202 Accepted´ response code. The Content-Location header names the channel being made."),
		want: []string{"resp 202 none @8:1"},
	}, {
		name: "a Location header on a 201 is the new resource's",
		md:   page("If successful, this method returns a ´201 Created´ response code and a Location header with the new [member](../resources/member.md)'s URL."),
		want: []string{"resp 201 microsoft.graph.member link=beta/resources/member.md @8:1"},
	}, {
		name: "200 without a type",
		md:   page("If successful, this method returns a ´200 OK´ response code."),
		want: []string{
			"resp 200 unknown(If successful, this method returns a `200 OK` response code.) @8:1",
			"diag 8:1 warning response-type-unknown",
		},
	}, {
		name: "links that are not types are skipped",
		md:   page("If successful, this method returns a ´200 OK´ response code and an [OData](/graph/query-parameters) page of [how to page](paging.md) through [widget](../resources/widget.md) objects."),
		want: []string{"resp 200 Collection(microsoft.graph.widget) link=beta/resources/widget.md @8:1"},
	}, {
		name: "a plural noun after the link says a collection",
		md:   page("If successful, this method returns the list of items in the children collection. The children collection is composed of [driveItem][item-resource] resources.\n\n[item-resource]: ../resources/driveitem.md"),
		want: []string{"resp 0 Collection(microsoft.graph.driveItem) link=beta/resources/driveitem.md @8:1"},
	}, {
		name: "one object after the link stays one",
		md:   page("If successful, this method returns a ´200 OK´ response code and a [widget](../resources/widget.md) object in the response body; its items list the parts."),
		want: []string{"resp 200 microsoft.graph.widget link=beta/resources/widget.md @8:1"},
	}, {
		name: "response at the end of the page",
		md:   "# T\n\n## HTTP request\n~~~http\nGET /a\n~~~\n\n## Response\nIf successful, this method returns a ´200 OK´ response code and a [widget](../resources/widget.md) object in the response body.\n",
		want: []string{"resp 200 microsoft.graph.widget link=beta/resources/widget.md @8:1"},
	}, {
		name: "H3 Response and Example without the H2s",
		md: `
# T

## HTTP request
~~~http
GET /a
~~~

## Request body
Do not supply a request body for this method.

### Response
If successful, this method returns a ´200 OK´ response code and a [widget](../resources/widget.md) collection in the response body.

### Example
#### Request
The following example shows a request.
~~~http
GET https://graph.microsoft.com/beta/a
~~~
#### Response
It returns a [gadget](../resources/gadget.md) object.
`,
		want: []string{"body none @8:1", "resp 200 Collection(microsoft.graph.widget) link=beta/resources/widget.md @11:1"},
	}, {
		name: "a body that is an array of a type",
		md: `
# T

## HTTP request
~~~http
PATCH /me/onenote/pages/{id}/content
~~~

## Request body
In the request body, supply an array of [patchContentCommand](../resources/patchcontentcommand.md) objects that represent the changes.

## Response
If successful, this method returns a ´204 No Content´ response code.
`,
		want: []string{"req PATCH /me/onenote/pages/{pageId}/content @5:1", "body Collection(microsoft.graph.patchContentCommand) link=beta/resources/patchcontentcommand.md @8:1", "resp 204 none @11:1"},
	}, {
		name: "a Request body sentence that offers MIME content in base64",
		md: `
# T

## HTTP request
~~~http
POST /me/sendMail
~~~

## Request body
Give the message as JSON, or provide MIME content encoded in **base64** format in the request body.

## Response
If successful, this method returns a ´202 Accepted´ response code.
`,
		want: []string{"req POST /me/sendMail @5:1", "body @8:1", "body mime @9:1", "resp 202 none @11:1", "diag 8:1 warning request-body-empty"},
	}, {
		name: "no Response section: a scenario's H3 Response after the examples is an example's",
		md: `
# T

## HTTP request
~~~http
GET /me/drive/root/search(q='{q}')
~~~

## Example
### Request
~~~http
GET https://graph.microsoft.com/v1.0/me/drive/root/search(q='x')
~~~
### Response
It answers with a collection of [driveItems](../resources/driveitem.md).

## Searching for items a user can access
### Response
Searching from the **drive** resource may include items shared with the current user.
`,
		want: []string{"resp 0 unknown() @1:1", "diag 1:1 warning response-missing"},
	}, {
		name: "Response only inside the examples",
		md: `
# T

## HTTP request
~~~http
GET /a
~~~

## Example
### Request
~~~http
GET https://graph.microsoft.com/beta/a
~~~
### Response
It returns a [gadget](../resources/gadget.md) object.
~~~http
HTTP/1.1 200 OK
~~~
`,
		want: []string{"resp 0 unknown() @1:1", "diag 1:1 warning response-missing"},
	}, {
		name: "no Response section",
		md:   "# T\n\n## HTTP request\n~~~http\nGET /a\n~~~\n",
		want: []string{"resp 0 unknown() @1:1", "diag 1:1 warning response-missing"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, "beta/api/x.md", tt.md, tt.want, "resp")
		})
	}
}

func TestRequestBody(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{{
		name: "no body",
		md:   "# T\n\n## Request body\nDo not supply a request body for this method.\n",
		want: []string{"body none @3:1"},
	}, {
		name: "no body required, then one offered: optional, not absent",
		md:   "# T\n\n## Request body\nNo request body is required.\nHowever, you can specify properties in the request body to customize the upload.\n",
		want: []string{"body @3:1"},
	}, {
		name: "a body that is not necessary",
		md:   "# T\n\n## Request body\nSince this method sends an existing draft, specifying a request body is not necessary.\n",
		want: []string{"body none @3:1"},
	}, {
		name: "a body one does not need to specify",
		md:   "# T\n\n## Request body\nYou don't need to specify a request body for this method.\n",
		want: []string{"body none @3:1"},
	}, {
		name: "a body that should be empty",
		md:   "# T\n\n## Request body\nRequest body should be empty.\n",
		want: []string{"body none @3:1"},
	}, {
		name: "an empty JSON object as the request body",
		md:   "# T\n\n## Request body\nIn the request body, supply an empty JSON object for this method.\n",
		want: []string{"body none @3:1"},
	}, {
		name: "an empty object for one property is not an empty body",
		md:   "# T\n\n## Request body\nIn the request body, supply the properties to change. To clear the location property, supply an empty JSON object.\n",
		want: []string{"body @3:1"},
	}, {
		name: "a message that does not have a request body",
		md:   "# T\n\n## Request body\nThis message does not have a request body. Any body sent is ignored.\n",
		want: []string{"body none @3:1"},
	}, {
		name: "whole resource",
		md:   "# T\n\n## Request body\nIn the request body, supply a JSON representation of the [vppToken](../resources/intune-onboarding-vpptoken.md) object.\n",
		want: []string{"body microsoft.graph.vppToken link=beta/resources/intune-onboarding-vpptoken.md @3:1"},
	}, {
		name: "parameters only",
		md:   "# T\n\n## Request body\nIn the request body, supply JSON representation of the parameters.\n\n|Parameter|Type|Description|\n|:---|:---|:---|\n|a|Boolean|A.|\n",
		want: []string{"param body a Edm.Boolean unknown @8:2", "body @3:1"},
	}, {
		name: "a link that is not the body",
		md:   "# T\n\n## Request body\nSee [permissions](/graph/permissions-reference) for the [widget](../resources/widget.md) owner.\n",
		want: []string{"body @3:1"},
	}, {
		name: "the body sentence under the request line, no Request body heading",
		md:   "# T\n\n## HTTP request\n~~~http\nPOST /external/connections/{id}/schema\n~~~\nIn the request body, supply a JSON representation of a [schema](../resources/externalconnectors-schema.md) object.\n\n## Response\nIf successful, this method returns `202 Accepted`.\n",
		want: []string{"body microsoft.graph.schema link=beta/resources/externalconnectors-schema.md @7:1"},
	}, {
		name: "a JSON sample with no table and no type: its members are the parameters",
		md:   "# T\n\n## HTTP request\n~~~http\nPOST /teams/{id}/archive\n~~~\n## Request body\nYou may optionally include the `shouldSetSpoSiteReadOnlyForMembers` parameter, as follows.\n```json\n{\n  \"shouldSetSpoSiteReadOnlyForMembers\": true,\n  \"label\": \"x\"\n}\n```\n## Response\nIf successful, this action returns a `202 Accepted` response code.\n",
		want: []string{"param body shouldSetSpoSiteReadOnlyForMembers Edm.Boolean optional @10:1", "param body label Edm.String optional @10:1", "body @7:1",
			"diag 10:1 warning body-from-sample"},
	}, {
		name: "a JSON sample beside a table is only a sample",
		md:   "# T\n\n## Request body\n|Parameter|Type|Description|\n|:---|:---|:---|\n|a|Boolean|A.|\n\n```json\n{\"a\": true, \"b\": 1}\n```\n",
		want: []string{"param body a Edm.Boolean unknown @6:2", "body @3:1"},
	}, {
		name: "a pointer to the Request body section under the request line is not the body",
		md:   "# T\n\n## HTTP request\n~~~http\nPOST /widgets\n~~~\nSee the [Request body](#request-body) section about including [widget](../resources/widget.md) data in the request body.\n",
		want: []string{"diag 1:1 warning response-missing"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, "beta/api/x.md", tt.md, tt.want)
		})
	}
}

func TestExamples(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{{
		name: "multi-line annotation with a trailing comma and a name list",
		md: `
# T
## Example
### Request
<!-- {
  "blockType": "request",
  "name": ["make_widget", "make_widget_2"],
}-->
~~~http
POST https://graph.microsoft.com/beta/widgets
Content-Type: application/json
Content-Length: 14

{"name": "w1"}
~~~
`,
		want: []string{
			`ex request "Request" POST https://graph.microsoft.com/beta/widgets headers=[Content-Type: application/json; Content-Length: 14] body="{\"name\": \"w1\"}" @9:1`,
			"ann request names=make_widget,make_widget_2 @4:1",
		},
	}, {
		name: "an example below a bare Parameters heading",
		md: `
# T
## Parameters
|Parameter|Type|Description|
|:---|:---|:---|
|deferCommit|Boolean|Wait.|
### Request
<!-- { "blockType": "request", "name": "make_session" } -->
~~~http
POST https://graph.microsoft.com/beta/drive/root:/a.dat:/createUploadSession
~~~
`,
		want: []string{
			`ex request "Request" POST https://graph.microsoft.com/beta/drive/root:/a.dat:/createUploadSession headers=[] body="" @9:1`,
			"ann request names=make_session @7:1",
		},
	}, {
		name: "one-line annotation, coerced booleans, a blank line before the fence",
		md: `
# T
## Examples
### Response
<!-- { "blockType": "response", "truncated": "true", "isCollection": "True", "@odata.type": "microsoft.graph.widget" } -->

~~~http
HTTP/1.1 200 OK
Content-Type: application/json

{"value": []}
~~~

<!--{"blockType":"response","truncated":true}-->
~~~ HTTP
HTTP 201 Created
~~~
`,
		want: []string{
			`ex response "Response" 200 headers=[Content-Type: application/json] body="{\"value\": []}" @7:1`,
			"ann response truncated collection odata=microsoft.graph.widget @4:1",
			`ex response "Response" 201 headers=[] body="" @15:1`,
			"ann response truncated @13:1",
		},
	}, {
		name: "@type for @odata.type, when it names a Graph type",
		md: `
# T
## Example
### Response
<!-- { "blockType": "response", "@type": "microsoft.graph.site", "truncated": true } -->
~~~http
HTTP/1.1 200 OK
~~~
<!-- { "blockType": "response", "@type": "requestBodyResourceFor.range_row" } -->
~~~http
HTTP/1.1 200 OK
~~~
`,
		want: []string{
			`ex response "Response" 200 headers=[] body="" @6:1`,
			"ann response truncated odata=microsoft.graph.site @4:1",
			`ex response "Response" 200 headers=[] body="" @10:1`,
			"ann response @8:1",
		},
	}, {
		name: "an annotation binds only to the next fence",
		md: `
# T
## Example
<!-- { "blockType": "request", "name": "lost" } -->
The annotation above has no fence.

~~~http
GET https://graph.microsoft.com/beta/widgets
~~~

<!-- { "blockType": "example" } -->
#### Bare JSON
~~~json
{"a": 1}
~~~

~~~json
{"skipped": true}
~~~
`,
		want: []string{`ex request "Example" GET https://graph.microsoft.com/beta/widgets headers=[] body="" @7:1`},
	}, {
		name: "an annotation in a list item binds only to the next fence",
		md: `
# T
## Example
- <!-- { "blockType": "request", "name": "lost" } -->
  The annotation above has no fence.
  ~~~http
  GET https://graph.microsoft.com/beta/widgets
  ~~~
- <!-- { "blockType": "request", "name": "kept" } -->
  ~~~http
  GET https://graph.microsoft.com/beta/gadgets
  ~~~
`,
		want: []string{
			`ex request "Example" GET https://graph.microsoft.com/beta/widgets headers=[] body="" @6:3`,
			`ex request "Example" GET https://graph.microsoft.com/beta/gadgets headers=[] body="" @10:3`,
			"ann request names=kept @8:3",
		},
	}, {
		name: "ignored and bare annotated blocks",
		md: `
# T
## Example
<!-- { "blockType": "ignored" } -->
~~~http
GET https://graph.microsoft.com/beta/widgets
~~~
<!-- { "blockType": "example", name: "bare" } -->
~~~json
{"a": 1}
~~~
`,
		want: []string{
			`ex other "Example" headers=[] body="{\"a\": 1}" @9:1`,
			"ann example names=bare @7:1",
		},
	}, {
		name: "intune blank line between request line and headers",
		md: `
# T
## Example
### Request
Here is an example of the request.
~~~http
POST https://graph.microsoft.com/beta/widgets/{widgetId}/sync

Content-type: application/json
Content-length: 28

{
  "force": true
}
~~~
`,
		want: []string{`ex request "Request" POST https://graph.microsoft.com/beta/widgets/{widgetId}/sync headers=[Content-type: application/json; Content-length: 28] body="{\n  \"force\": true\n}" @6:1`},
	}, {
		name: "type names as values",
		md: `
# T
## Example
<!-- {"blockType": "request"} -->
~~~http
POST https://graph.microsoft.com/beta/widgets
Content-Type: application/json

{
  "name": "String",
  "enabled": "Boolean",
}
~~~
`,
		want: []string{
			`ex request "Example" POST https://graph.microsoft.com/beta/widgets headers=[Content-Type: application/json] body="{\n  \"name\": \"String\",\n  \"enabled\": \"Boolean\",\n}" @5:1`,
			"ann request @3:1",
			"diag 5:1 warning example-json-lenient",
			"diag 9:1 warning example-placeholder-value",
		},
	}, {
		name: "invalid annotation",
		md:   "# T\n## Example\n<!-- { \"blockType\": } -->\n~~~http\nGET /a\n~~~\n",
		want: []string{`ex request "Example" GET /a headers=[] body="" @5:1`, "diag 3:1 warning annotation-invalid"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, "beta/resources/x.md", tt.md, tt.want, "ex", "ann")
		})
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{{
		name: "quoted and unquoted values",
		md: `
---
title: Widget activities
description: 'List the widgets.'
author: "someone"
ms.prod: "widgets"
doc_type: "apiPageType" 
---
# Widget activities
`,
		want: []string{
			"title Widget activities", "doctype apiPageType",
			"diag 8:1 error http-request-missing", "diag 8:1 warning response-missing",
		},
	}, {
		name: "resourcePageType_ normalised",
		md:   "---\ntitle: \" widget resource type\"\ndoc_type: resourcePageType_\n---\n# widget resource type\n",
		want: []string{"title widget resource type", "doctype resourcePageType"},
	}, {
		name: "TODO placeholders",
		md: `
---
title: "widget: sync"
description: "Sync a widget."
author: "**TODO: Provide Github Name. See [reference](https://example.com/x#y)**"
ms.prod: "**TODO: Add MS prod.**"
doc_type: apiPageType
---
# widget: sync

TODO: Describe what this does.
`,
		want: []string{
			"title widget: sync", "summary TODO: Describe what this does.",
			"diag 4:1 warning todo-placeholder",
			"diag 5:1 warning todo-placeholder",
			"diag 8:1 error http-request-missing",
			"diag 8:1 warning response-missing",
			"diag 10:1 warning todo-placeholder",
		},
	}, {
		name: "unclosed front matter",
		md:   "---\ntitle: x\n# T\n",
		want: []string{"diag 1:1 warning front-matter-unclosed"},
	}, {
		name: "invalid front matter",
		md:   "---\ntitle: [x\n---\n# T\n",
		want: []string{"title T", "diag 2:1 warning front-matter-invalid"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, "beta/api/x.md", tt.md, tt.want)
		})
	}
}

func TestPageKind(t *testing.T) {
	const http = "## HTTP request\n~~~http\nGET /widgets\n~~~\n## Response\nIf successful, this method returns a ´204 No Content´ response code.\n"
	const props = "## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|Key.|\n"
	tests := []struct {
		name, file, md string
		want           []string
	}{
		{"api page", "api-reference/beta/api/widget-get.md", "# Get widget\n" + http, []string{"kind api"}},
		{"api page without front matter", "v1.0/api/widget-get.md", "# Get widget\n" + http, []string{"kind api"}},
		{"resource page", "api-reference/beta/resources/widget.md", "# widget resource type\n" + props, []string{"kind resource"}},
		{"resource page by JSON representation", "v1.0/resources/widget.md", "# widget resource type\n## JSON representation\n", []string{"kind resource"}},
		{"resource page in api/", "beta/api/widgetbase.md", "# widgetBase resource type\n" + props + "## JSON representation\n", []string{"kind resource"}},
		{"resource page labelled apiPageType", "beta/resources/widget.md", "---\ndoc_type: apiPageType\n---\n# widget resource type\n" + props, []string{"kind resource"}},
		{"resource page holding a request", "v1.0/resources/rangesort.md", "# rangeSort resource type\n" + props + http, []string{"kind resource"}},
		{"enum page", "resources/widgetstate.md", "# widgetState enum type\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n|on|0|On.|\n", []string{"kind enum"}},
		{"enum page by title", "beta/resources/widgetkind.md", "# widgetKind enum type\n", []string{"kind enum"}},
		{"enum collection", "beta/resources/enums-widgets.md", "# Enum types\n### widgetState values\n|Member|\n|:---|\n|on|\n", []string{"kind enum"}},
		{"conceptual", "beta/resources/widgets-overview.md", "---\ndoc_type: conceptualPageType\n---\n# Working with widgets\n## What's new\n", []string{"kind conceptual"}},
		{"api doc_type without a template", "beta/api/widget-sync.md", "---\ndoc_type: apiPageType\n---\n# widget: sync\n", []string{
			"kind api", "diag 4:1 error http-request-missing", "diag 4:1 warning response-missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFacts(t, tt.file, tt.md, tt.want)
		})
	}
}

// Positions are file:line:col, 1-based, in bytes, counted in the page as written (front
// matter included).
func TestPositions(t *testing.T) {
	md := `
---
title: Sync widget
doc_type: apiPageType
---
# Sync widget

## HTTP request
~~~http
  POST /widgets/{id}/sync
~~~

## Request body
| Property | Type | Description |
|:---|:---|:---|
|force|Boolean|Whether to force.|
| mode | Mode??? | How. |

## Response
If successful, this action returns a ´200 OK´ response code and a [syncResult](../resources/syncresult.md) object in the response body.
`
	const file = "beta/api/widget-sync.md"
	pg, ds := Parse(file, src(md))
	if len(pg.Requests) != 1 || len(pg.Params) != 2 {
		t.Fatalf("got %d requests and %d params; diagnostics:\n%s", len(pg.Requests), len(pg.Params), ds)
	}
	for _, c := range []struct{ what, got, want string }{
		{"title", pg.TitlePos.String(), file + ":5:1"},
		{"request line", pg.Requests[0].Pos.String(), file + ":9:3"},
		{"table row", pg.Params[0].Pos.String(), file + ":15:2"},
		{"padded name cell", pg.Params[1].Pos.String(), file + ":16:3"},
		{"padded type cell", pg.Params[1].Type.Pos.String(), file + ":16:10"},
		{"body", pg.Body.Pos.String(), file + ":12:1"},
		{"response", pg.Response.Pos.String(), file + ":18:1"},
		{"response type", pg.Response.Type.Pos.String(), file + ":19:67"},
		{"diagnostics", ds.String(), file + ":16:10: warning: unknown-type: type \"Mode???\" is not understood; it is treated as untyped JSON\n"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.what, c.got, c.want)
		}
	}
}

// The seed page is the docs' stub template of vppToken: revokeLicenses.
func TestSeedPage(t *testing.T) {
	const seed = "../../../shared/corpus/seed/000_05186bec27677e7b.txt"
	b, err := os.ReadFile(filepath.FromSlash(seed))
	if err != nil {
		t.Skipf("seed page not available (%v); it lives in the shared corpus, outside a fresh clone", err)
	}
	const file = "beta/api/intune-onboarding-vpptoken-revokelicenses.md"
	pg, ds := Parse(file, b)
	if pg.Kind != model.PageAPI {
		t.Errorf("kind = %s, want api", pg.Kind)
	}
	if len(pg.Requests) != 1 {
		t.Fatalf("got %d request lines, want 1", len(pg.Requests))
	}
	r := pg.Requests[0]
	if r.Method != "POST" || r.Path.String() != "/deviceAppManagement/vppTokens/{vppTokenId}/revokeLicenses" {
		t.Errorf("request line = %s %s", r.Method, r.Path)
	}
	var body []string
	for _, p := range pg.Params {
		if p.In == model.InBody {
			body = append(body, p.Name+" "+p.Type.String())
		}
	}
	if got, want := strings.Join(body, ", "), "notifyManagedDevices Edm.Boolean, revokeUntrackedLicenses Edm.Boolean"; got != want {
		t.Errorf("body parameters = %s, want %s", got, want)
	}
	if pg.Response.Status != 204 || !pg.Response.Type.IsNone() {
		t.Errorf("response = %d %s, want 204 none", pg.Response.Status, pg.Response.Type)
	}
	if ds.Errors() != 0 {
		t.Errorf("errors on the seed page:\n%s", ds)
	}
	// Warnings only: author and ms.prod in the front matter, the three permission cells,
	// the two parameter descriptions, and the example body's first "Boolean" value.
	var got []string
	for _, d := range ds.Sort() {
		got = append(got, fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Code))
	}
	want := []string{
		"4:1 warning todo-placeholder",
		"6:1 warning todo-placeholder",
		"22:37 warning todo-placeholder",
		"23:41 warning todo-placeholder",
		"24:14 warning todo-placeholder",
		"49:31 warning todo-placeholder",
		"50:34 warning todo-placeholder",
		"72:1 warning example-placeholder-value",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", ds, strings.Join(want, "\n"))
	}
	if len(pg.Examples) != 2 || pg.Examples[0].Kind != model.ExampleRequest || pg.Examples[1].Status != 204 {
		t.Errorf("examples = %+v, want the request and its 204 response", pg.Examples)
	}
}

// TestHeaderRowValue: a header row whose name cell also names the value it is about
// (| Prefer: outlook.timezone |) is that header, with the value kept in its description.
func TestHeaderRowValue(t *testing.T) {
	src := "# T\n\n## HTTP request\n\n```http\nGET /me/events\n```\n\n## Request headers\n\n" +
		"| Name | Type | Description |\n|:--|:--|:--|\n" +
		"| Authorization | string | Bearer {token}. Required. |\n" +
		"| Prefer: outlook.timezone | string | The time zone of the start and end times. Optional. |\n" +
		"| `Prefer: outlook.body-content-type` | string | Values can be \"text\" or \"html\". Optional. |\n"
	pg, _ := Parse("v1.0/api/x.md", []byte(src))
	var got []string
	for _, p := range pg.Params {
		if p.In == model.InHeader {
			got = append(got, p.Name+" = "+p.Description)
		}
	}
	want := []string{
		"Authorization = Bearer {token}. Required.",
		"Prefer = Prefer: outlook.timezone. The time zone of the start and end times. Optional.",
		"Prefer = Prefer: outlook.body-content-type. Values can be \"text\" or \"html\". Optional.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("header rows:\n%q\nwant\n%q", got, want)
	}
}

// TestSummaryList: a bullet list in the intro is in the summary, one "- item" paragraph
// per item; a note's list (in a blockquote) is not, as the note is not.
func TestSummaryList(t *testing.T) {
	src := "# user: sendMail\n\nNamespace: microsoft.graph\n\nSend the message.\n\nWhen using MIME format:\n\n" +
		"- Provide the **headers**, encoded in\n  base64.\n- Add any attachments.\n\n" +
		"> **Note:**\n> - A note's item.\n\nThis saves the message.\n\n## HTTP request\n\n```http\nPOST /me/sendMail\n```\n"
	pg, _ := Parse("v1.0/api/user-sendmail.md", []byte(src))
	want := "Send the message.\n\nWhen using MIME format:\n\n- Provide the headers, encoded in base64.\n\n- Add any attachments.\n\nThis saves the message."
	if pg.Summary != want {
		t.Errorf("summary %q, want %q", pg.Summary, want)
	}
}

// TestSummaryAfterInclude: prose right under an include, with no blank line between (one
// paragraph), is the summary; the include alone is not.
func TestSummaryAfterInclude(t *testing.T) {
	for _, tc := range []struct{ between, want string }{
		{"\n", "Get the properties of a place."},
		{"\n\n", "Get the properties of a place."},
	} {
		src := "# Get place\n\nNamespace: microsoft.graph\n\n[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]" + tc.between +
			"Get the properties of a place.\n\n## HTTP request\n\n```http\nGET /places/{id}\n```\n"
		pg, _ := Parse("beta/api/place-get.md", []byte(src))
		if pg.Summary != tc.want {
			t.Errorf("%q between: summary %q, want %q", tc.between, pg.Summary, tc.want)
		}
	}
}

// TestProseQueryParam: an annotation the Optional query parameters prose names as a query
// parameter is an optional string query parameter at that paragraph.
func TestProseQueryParam(t *testing.T) {
	src := "# driveItem: copy\n\n## HTTP request\n\n```http\nPOST /me/drive/items/{itemId}/copy\n```\n\n## Optional query parameters\n\n" +
		"This method supports the `@microsoft.graph.conflictBehavior` query parameter to customize the behavior when a conflict occurs.\n\n" +
		"| Value | Description |\n|:--|:--|\n| fail | Report the failure. |\n| rename | Rename the item |\n\n" +
		"It doesn't support the `@microsoft.graph.other` query parameter.\n"
	pg, _ := Parse("v1.0/api/driveitem-copy.md", []byte(src))
	var got []string
	for _, p := range pg.Params {
		if p.In == model.InQuery {
			got = append(got, fmt.Sprintf("%s %s %v line %d: %s", p.Name, p.Type, p.Presence == model.Optional, p.Pos.Line, p.Description))
		}
	}
	if want := []string{"@microsoft.graph.conflictBehavior Edm.String true line 11: This method supports the @microsoft.graph.conflictBehavior query parameter to customize the behavior when a conflict occurs. Values: fail: Report the failure; rename: Rename the item."}; !slices.Equal(got, want) {
		t.Errorf("query params %q, want %q", got, want)
	}
	// bookingbusiness-list.md: a parameter of the page's own named in code, no table.
	src = "# List bookingBusinesses\n\n## HTTP request\n\n```http\nGET /solutions/bookingBusinesses\n```\n\n## Optional query parameters\n\n" +
		"This method supports the [OData query parameters](/graph/query-parameters). It also supports the `query` parameter, which accepts a string.\n\n" +
		"It doesn't support the `other` parameter.\n"
	pg, _ = Parse("v1.0/api/bookingbusiness-list.md", []byte(src))
	got = nil
	for _, p := range pg.Params {
		if p.In == model.InQuery {
			got = append(got, fmt.Sprintf("%s %s %v line %d", p.Name, p.Type, p.Presence == model.Optional, p.Pos.Line))
		}
	}
	if want := []string{"query Edm.String true line 11"}; !slices.Equal(got, want) {
		t.Errorf("query params %q, want %q", got, want)
	}
}

// TestBodyTableAllRequired: "The request body requires the following parameters:" above a
// Request body table makes its rows required, unless a row says otherwise; a later table
// is not touched.
func TestBodyTableAllRequired(t *testing.T) {
	src := "# directory: getUserOwnedObjects\n\n## HTTP request\n\n```http\nPOST /directory/deletedItems/getUserOwnedObjects\n```\n\n## Request body\n\n" +
		"The request body requires the following parameters:\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n" +
		"|userId|String|ID of the owner.|\n|type|String|Type of owned objects. Optional.|\n\nMore:\n\n" +
		"| Parameter | Type | Description |\n|:--|:--|:--|\n|extra|String|Something else.|\n"
	pg, _ := Parse("v1.0/api/directory-deleteditems-user-owned.md", []byte(src))
	var got []string
	for _, p := range pg.Params {
		if p.In == model.InBody {
			got = append(got, fmt.Sprintf("%s %v", p.Name, p.Presence))
		}
	}
	want := []string{fmt.Sprintf("userId %v", model.Required), fmt.Sprintf("type %v", model.Optional), fmt.Sprintf("extra %v", model.PresenceUnknown)}
	if !slices.Equal(got, want) {
		t.Errorf("body rows %q, want %q", got, want)
	}
}

// TestHeaderTableValueColumn: in a | Name | Value | Description | headers table the
// description is the Description cell, not the example value.
func TestHeaderTableValueColumn(t *testing.T) {
	md := "# T\n\n## HTTP request\n~~~http\nGET /me/drive/items/{id}\n~~~\n\n## Optional request headers\n\n" +
		"| Name | Value | Description |\n|:--|:--|:--|\n| if-none-match | etag | If the tag matches the item's, the answer is 304 Not Modified. |\n"
	pg, _ := Parse("v1.0/api/driveitem-get.md", []byte(md))
	for _, p := range pg.Params {
		if p.Name == "if-none-match" && !strings.HasPrefix(p.Description, "If the tag matches") {
			t.Errorf("if-none-match described %q", p.Description)
		}
	}
	if len(pg.Params) == 0 {
		t.Errorf("no header read")
	}
}

// TestPermissionsPerResource: a permissions table under a heading that names a resource
// ("Permissions for chat", "Permissions acting on self", "For Cloud PC provider") is that
// resource's, as is each part of a cell that lists scopes per resource.
func TestPermissionsPerResource(t *testing.T) {
	const head = "| Permission type | Permissions (from least to most privileged) |\n|:--|:--|\n"
	for _, tc := range []struct{ name, file, md, want string }{
		{"Permissions for", "v1.0/api/chatmessage-list.md",
			"# T\n\n## Permissions\n\n### Permissions for channel\n\n" + head + "| Application | ChannelMessage.Read.All |\n\n" +
				"### Permissions for chat\n\n" + head + "| Application | Chat.Read.All |\n\n## HTTP request\n~~~http\nGET /chats/{id}/messages\n~~~\n",
			"|channel=ChannelMessage.Read.All |chat=Chat.Read.All"},
		// the authentication method pages' tables for acting on oneself and on other users
		{"acting on self and others", "beta/api/x.md",
			"# T\n\n## Permissions\n\n### Permissions acting on self\n\n" + head + "| Application | Not supported. |\n\n" +
				"### Permissions acting on other users\n\n" + head + "| Application | UserAuthenticationMethod.Read.All |\n",
			"|me= |users=UserAuthenticationMethod.Read.All"},
		// the RBAC pages' tables per provider
		{"per provider", "beta/api/x.md",
			"# T\n\n## Permissions\n\n### For Cloud PC provider\n\n" + head + "| Application | CloudPC.ReadWrite.All |\n\n" +
				"### For the Device management (Intune) provider\n\n" + head + "| Application | DeviceManagementRBAC.ReadWrite.All |\n",
			"|cloud pc=CloudPC.ReadWrite.All |device management=DeviceManagementRBAC.ReadWrite.All"},
		// a cell that lists scopes per resource
		{"per resource in a cell", "beta/api/profilephoto-get.md",
			"# T\n\n## Permissions\n\n" + head +
				"| Delegated (personal Microsoft account) <br /> **Note**: Metadata is not supported. | For **user** resource:<br/>User.Read, User.ReadWrite<br /><br />For **contact** resource:<br />Contacts.Read |\n",
			"Delegated (personal Microsoft account)|user=User.Read,User.ReadWrite Delegated (personal Microsoft account)|contact=Contacts.Read"},
	} {
		pg, _ := Parse(tc.file, []byte(tc.md))
		var got []string
		for _, p := range pg.Permissions {
			kind := p.Kind
			if !strings.Contains(tc.want, kind+"|") {
				kind = "" // the table cases name the resource only
			}
			got = append(got, kind+"|"+p.For+"="+strings.Join(p.Scopes, ","))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: permissions %q, want %q", tc.name, g, tc.want)
		}
	}
}

// TestDeprecatedTitle: a page whose H1 (or front matter title) says "(deprecated)" marks
// its API deprecated.
func TestDeprecatedTitle(t *testing.T) {
	for md, want := range map[string]bool{
		"---\ntitle: \"Get anonymousIpRiskEvent\"\n---\n# Get anonymousIpRiskEvent (deprecated)\n": true,
		"---\ntitle: \"List identityProviders (deprecated)\"\n---\n# List identityProviders\n":     true,
		"# Get user\n\nThe deprecated property is not returned.\n":                                 false,
	} {
		if pg, _ := Parse("beta/api/x.md", []byte(md)); pg.Deprecated != want {
			t.Errorf("%q: deprecated %v, want %v", md, pg.Deprecated, want)
		}
	}
}

// TestPresenceCues: what a description cell says of whether its row must be sent; one of
// two rows ("Either a or b is required") is neither row's requirement.
func TestPresenceCues(t *testing.T) {
	for desc, want := range map[string]model.Presence{
		"The scope. Required.": model.Required,
		"Optional. The scope.": model.Optional,
		"The scope.":           model.PresenceUnknown,
		"The property is not individually required. However, at least one is required.":             model.Optional,
		"Use `/` for tenant-wide scope. Either **directoryScopeId** or **appScopeId** is required.": model.Optional,
	} {
		if got := presence(desc); got != want {
			t.Errorf("presence(%q) = %v, want %v", desc, got, want)
		}
	}
}
