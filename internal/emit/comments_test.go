package emit

import (
	"fmt"
	"strings"
	"testing"
)

// TestDocProse: a page's paragraphs are one paragraph, and a bullet list between them is
// a Go doc list of its own, its long items wrapped under their dash.
func TestDocProse(t *testing.T) {
	long := strings.Repeat("word ", 20)
	for _, tc := range []struct{ in, want string }{
		{"One.\n\nTwo.", "// One. Two.\n"},
		{"When using MIME format:\n\n- Provide headers.\n\n- Add attachments.\n\nThis saves it.",
			"// When using MIME format:\n//\n//   - Provide headers.\n//   - Add attachments.\n//\n// This saves it.\n"},
		{"- " + long, "//   - " + strings.TrimSpace(strings.Repeat("word ", 17)) + "\n//     word word word\n"},
		{"The steps:\n\n- ", "// The steps:\n"},
	} {
		var d doc
		d.prose(tc.in)
		if got := strings.TrimSuffix(fmt.Sprintf("%#v", d.code()), "\n"); got != strings.TrimSuffix(tc.want, "\n") {
			t.Errorf("prose(%q):\n%q\nwant\n%q", tc.in, got, tc.want)
		}
	}
}
