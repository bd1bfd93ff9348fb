package generate

import (
	"regexp"
	"strings"
	"testing"
)

// TestResultOfBodilessExamples checks the rule that a method whose Response section names
// no type returns nothing when every example response is a success without a body, and
// stays raw JSON when an example response has one or the page has none.
func TestResultOfBodilessExamples(t *testing.T) {
	page := func(responses ...string) string {
		s := "# call: keepAlive\n\n## HTTP request\n```http\nPOST /calls/{id}/keepAlive\n```\n\n" +
			"## Response\nThis method returns a `200 OK` response code.\n\n## Examples\n"
		for _, r := range responses {
			s += "\n### Request\n```http\nPOST https://graph.microsoft.com/beta/calls/1/keepAlive\n```\n\n### Response\n```http\n" + r + "\n```\n"
		}
		return s
	}
	tests := []struct {
		name, md, want string
	}{
		{"one example answers 200 without a body", page("HTTP/1.1 200 OK"), "error"},
		{"every example answers 2xx without a body", page("HTTP/1.1 200 OK", "HTTP/1.1 204 No Content"), "error"},
		{"an example answers with a body", page("HTTP/1.1 200 OK", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"a\": 1}"), "(json.RawMessage, error)"},
		{"an example answers with an error status", page("HTTP/1.1 200 OK", "HTTP/1.1 400 Bad Request"), "(json.RawMessage, error)"},
		{"no example response: the page does not say", page(), "(json.RawMessage, error)"},
	}
	sig := regexp.MustCompile(`func \(c \*Client\) KeepAlive\w*\(ctx context\.Context[^\n]*\) (error|\(json\.RawMessage, error\)) \{`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, _, err := pipeline([]byte(tt.md), false)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				for _, m := range sig.FindAllSubmatch(f.Data, -1) {
					got = append(got, string(m[1]))
				}
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("results %q, want %q", got, tt.want)
			}
		})
	}
}
