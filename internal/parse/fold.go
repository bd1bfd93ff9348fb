package parse

import (
	"strings"
	"unicode"
)

// hasFold reports whether s contains sub, ASCII letters compared case-insensitively. sub
// must be lower case. It does not allocate: it is the cheap test that keeps a
// case-insensitive regular expression off text that cannot match it.
func hasFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// anyFold reports whether s contains one of subs (each lower case), ASCII letters compared
// case-insensitively.
func anyFold(s string, subs ...string) bool {
	for _, sub := range subs {
		if hasFold(s, sub) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether s ends with suffix (lower case), ASCII letters compared
// case-insensitively.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && hasFold(s[len(s)-len(suffix):], suffix)
}

// collapseSpace is strings.Join(strings.Fields(s), " "): runs of white space become one
// space, and none is left at either end. Text that is already so is returned as it is,
// without the copies.
func collapseSpace(s string) string {
	space := true // a space at the start is one to drop
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return strings.Join(strings.Fields(s), " ")
			}
			space = true
		} else {
			space = false
		}
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
