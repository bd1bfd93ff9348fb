package parse

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
