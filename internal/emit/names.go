package emit

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Naming rule (documented in the README):
//
//   - A Graph name is split into words at lower-to-upper changes, digits-to-letters
//     changes, and at any character that is not a letter or digit: vppTokenId ->
//     vpp Token Id, user-principal-name -> user principal name, @odata.type -> odata type.
//   - Each word is capitalised; a word that is a common initialism is written in upper
//     case (Id -> ID, Url -> URL), and so is its plural (Ids -> IDs).
//   - Exported names join the words (VppTokenID); unexported ones lower-case the first
//     word (vppTokenID). Two numbers that would meet keep an underscore (v10_0 ->
//     V10_0). A name that would start with a digit gets an X in front; non-ASCII
//     letters are kept, other characters dropped.
//   - Method names come from the path (see methodName); collisions are settled by the
//     view in one pass, in canonical order (see settleMethodNames).

// initialisms are written in upper case, as Go's own style asks.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true, "DNS": true, "EOF": true,
	"GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true,
	"OS": true, "QPS": true, "RAM": true, "RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true,
	"SSO": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "VPN": true, "XML": true, "XSRF": true, "XSS": true,
	"OData": true,
}

// splitWords splits a Graph name into words (see the naming rule).
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			// "HTTPRequest": the last capital starts the next word.
			flush(i)
			start = i
		case unicode.IsLetter(r) && unicode.IsDigit(prev) && unicode.IsUpper(r):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}

// word capitalises one word, upper-casing initialisms and their plurals.
func word(w string) string {
	u := strings.ToUpper(w)
	if u == "ODATA" {
		return "OData"
	}
	if initialisms[u] {
		return u
	}
	if strings.HasSuffix(u, "S") && len(u) > 2 && initialisms[u[:len(u)-1]] {
		return u[:len(u)-1] + "s"
	}
	// An initialism numbered to tell repeated placeholders apart: Id2 is ID2.
	if letters := strings.TrimRight(u, "0123456789"); letters != u && initialisms[letters] {
		return u
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// exported turns a Graph name into an exported Go identifier.
func exported(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		digitsMeet(&b, w)
		b.WriteString(word(w))
	}
	return fixStart(b.String(), "X")
}

// digitsMeet keeps the words of v10_0 and v1_00 apart where joining them would run two
// numbers together (V10_0, not V100, which v1_00 would also give).
func digitsMeet(b *strings.Builder, next string) {
	if s := b.String(); s != "" && next != "" && isDigit(s[len(s)-1]) && isDigit(next[0]) {
		b.WriteByte('_')
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// headerField names the option field of a request header. A header written all in
// capitals (MS-APP-ACTS-AS) reads by its words, initialisms and MS kept:
// MSAppActsAs, where exported alone runs the capitals together (MSAPPACTSAS).
func headerField(name string) string {
	if !strings.Contains(name, "-") || name != strings.ToUpper(name) {
		return exported(name)
	}
	parts := strings.Split(name, "-")
	for i, w := range parts {
		if len(w) > 1 && !initialisms[w] && w != "MS" {
			parts[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return exported(strings.Join(parts, "-"))
}

// unexported turns a Graph name into an unexported Go identifier, avoiding keywords.
func unexported(s string) string {
	words := splitWords(s)
	var b strings.Builder
	for i, w := range words {
		if i == 0 {
			u := word(w)
			if initialisms[strings.ToUpper(w)] || u == "OData" || (strings.HasSuffix(u, "s") && initialisms[strings.ToUpper(u[:len(u)-1])]) {
				b.WriteString(strings.ToLower(u))
			} else {
				r, n := utf8.DecodeRuneInString(w)
				b.WriteString(string(unicode.ToLower(r)) + w[n:])
			}
			continue
		}
		digitsMeet(&b, w)
		b.WriteString(word(w))
	}
	id := fixStart(b.String(), "x")
	if token.IsKeyword(id) || predeclared[id] {
		id += "Value"
	}
	return id
}

// fixStart makes sure an identifier is not empty and does not start with a digit.
func fixStart(s, prefix string) string {
	if s == "" {
		return prefix
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) {
		return prefix + s
	}
	return s
}

// predeclared identifiers are legal but shadowing them in generated code reads badly and
// can break the code that follows in the same scope.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true, "close": true,
	"comparable": true, "complex": true, "copy": true, "delete": true, "error": true, "false": true,
	"float32": true, "float64": true, "imag": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "iota": true, "len": true, "make": true, "max": true, "min": true, "new": true, "nil": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true,
	// names the generated methods use for their own locals
	"ctx": true, "c": true, "body": true, "err": true, "out": true, "p": true, "q": true, "url": true, "r": true,
	"opts": true, "content": true, "contentType": true, "iter": true, "context": true,
	"http": true, "json": true, "io": true, "time": true, "strconv": true, "strings": true, "fmt": true,
}

// uniquer hands out names, adding 2, 3, ... to repeats.
type uniquer map[string]bool

func (u uniquer) take(name string) string {
	if !u[name] {
		u[name] = true
		return name
	}
	for i := 2; ; i++ {
		n := name + itoa(i)
		if !u[n] {
			u[n] = true
			return n
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
