package lint

// A small, tolerant JSON scanner that keeps positions. Example bodies in the docs are
// often not strict JSON (comments, "..." for truncation, trailing commas); the scanner
// never fails, it reads what it can: object keys and string values, each with the path of
// keys above it and its line and column in the body.

// token is an object key or a string value found in a body.
type token struct {
	Key   bool     // an object key; otherwise a string value
	Text  string   // the key, or the value, unquoted (escapes kept as written)
	Path  []string // the keys of the enclosing objects, outermost first; "[]" for an array element
	Field string   // for a value: the key it is the value of ("" in an array of strings: the array's key)
	Line  int      // 0-based line in the body
	Col   int      // 0-based byte column in that line
}

// scanJSON lists the keys and string values of a body, in order.
func scanJSON(body string) []token {
	type frame struct {
		object bool
		key    string // the last key read in this object
	}
	var (
		out   []token
		stack []frame
		line  int
		col   int
	)
	path := func() []string {
		var p []string
		for i := 1; i < len(stack); i++ {
			if parent := stack[i-1]; parent.object {
				p = append(p, parent.key)
			} else {
				p = append(p, "[]")
			}
		}
		return p
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch c {
		case '\n':
			line++
			col = 0
			continue
		case '{', '[':
			stack = append(stack, frame{object: c == '{'})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case '"':
			startLine, startCol := line, col
			j := i + 1
			for j < len(body) && body[j] != '"' && body[j] != '\n' {
				if body[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(body) || body[j] == '\n' {
				// An unterminated string: skip to the end of the line.
				col += j - i
				i = j - 1
				continue
			}
			text := body[i+1 : j]
			// A key is followed by a colon.
			k := j + 1
			for k < len(body) && (body[k] == ' ' || body[k] == '\t') {
				k++
			}
			isKey := k < len(body) && body[k] == ':' && len(stack) > 0 && stack[len(stack)-1].object
			t := token{Key: isKey, Text: text, Path: path(), Line: startLine, Col: startCol}
			if isKey {
				stack[len(stack)-1].key = text
			} else if len(stack) > 0 {
				top := stack[len(stack)-1]
				if top.object {
					t.Field = top.key
				} else if len(stack) > 1 && stack[len(stack)-2].object {
					t.Field = stack[len(stack)-2].key
				}
			}
			out = append(out, t)
			col += j - i + 1
			i = j
			continue
		}
		col++
	}
	return out
}
