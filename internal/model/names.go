package model

import (
	"strings"
	"unicode"
)

// Unqualified returns what follows the last dot of a qualified name:
// microsoft.graph.user -> user, microsoft.graph.delta -> delta; a name without a dot is
// returned as it is.
func Unqualified(s string) string {
	return s[strings.LastIndexByte(s, '.')+1:]
}

// Singular returns the singular of an English plural noun as Graph's collection segments
// use them: vppTokens -> vppToken, policies -> policy, addresses -> address. Words that do
// not look plural are returned unchanged.
func Singular(s string) string {
	l := strings.ToLower(s)
	if i := strings.LastIndex(l, "_v"); i > 0 && i+2 < len(l) && strings.Trim(l[i+2:], "0123456789") == "" {
		// alerts_v2/{id} is one alert_v2: the version is no part of the plural.
		return Singular(s[:i]) + s[i:]
	}
	switch {
	case len(s) < 3, strings.HasSuffix(l, "series"):
		// "series" is its own singular (a chart's series/{id} is one workbookChartSeries).
		return s
	case strings.HasSuffix(l, "children"):
		// children/{id} is one child (a driveItem's, a term's, a group policy category's)
		return s[:len(s)-3]
	case strings.HasSuffix(l, "ies") && len(s) > 4:
		return s[:len(s)-3] + matchCase(s[len(s)-3], "y")
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "shes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "tuses"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"), strings.HasSuffix(l, "ics"):
		return s
	case strings.HasSuffix(l, "s"):
		return s[:len(s)-1]
	}
	return s
}

func matchCase(ref byte, s string) string {
	if ref >= 'A' && ref <= 'Z' {
		return strings.ToUpper(s)
	}
	return s
}

// CamelCase joins the words of a placeholder name (user-id, period_value, Site ID) into
// lowerCamelCase (userId, periodValue, siteID keeps its inner capitals: siteID).
func CamelCase(s string) string {
	var b strings.Builder
	upper := false
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '.' || !(unicode.IsLetter(r) || unicode.IsDigit(r)):
			upper = b.Len() > 0
		case upper:
			b.WriteRune(unicode.ToUpper(r))
			upper = false
		case b.Len() == 0:
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
