package parse

import (
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Tables that sit where no parameter section says what they hold: under a bare
// "Parameters" heading, or with no Parameter column.

// paramsIn says where the parameters of a table under a bare "Parameters" heading go, by
// the page's request lines above it: into the body of a POST, PUT or PATCH (beta
// driveitem-createuploadsession.md lists item and deferCommit there, after its Request
// body section's prose), into the call of a GET whose lines all end in a function's
// parentheses. Lines of both kinds, or none yet, leave it unread.
func (st *state) paramsIn() (model.ParamIn, bool) {
	in, ok := model.ParamIn(0), false
	for _, rl := range st.page.Requests {
		var this model.ParamIn
		switch rl.Method {
		case "POST", "PUT", "PATCH":
			this = model.InBody
		case "GET":
			n := len(rl.Path.Segments)
			if n == 0 || !strings.HasSuffix(rl.Path.Segments[n-1].String(), ")") {
				return 0, false
			}
			this = model.InFunction
		default:
			return 0, false
		}
		if ok && this != in {
			return 0, false
		}
		in, ok = this, true
	}
	return in, ok
}

// startsName reports whether s starts as a parameter's name does: a letter, or the @ of
// an annotation or the $ of an OData option.
func startsName(s string) bool {
	r := []rune(s)
	return len(r) > 0 && (unicode.IsLetter(r[0]) || r[0] == '@' || r[0] == '$' || r[0] == '_')
}
