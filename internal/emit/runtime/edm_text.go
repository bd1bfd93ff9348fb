package graphrt

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// maxYear bounds the year: 9 digits, so that no arithmetic on it overflows.
const maxYear = 999999999

// clock is a parsed time of day.
type clock struct {
	hour, minute, second, nanos int
}

// parseDatePart parses year-mm-dd at the start of s and returns the rest. The year is
// 4 digits, more than 4 only without a leading zero, with an optional minus sign, and
// not "-0000", so that every date has one spelling.
func parseDatePart(s string) (year int, month time.Month, day int, rest string, err error) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	switch {
	case i < 4:
		return 0, 0, 0, "", errors.New("want a year of 4 digits or more")
	case i > 4 && s[0] == '0':
		return 0, 0, 0, "", errors.New("a year of more than 4 digits may not start with 0")
	case i > 9:
		return 0, 0, 0, "", errors.New("year out of range")
	}
	year, _ = strconv.Atoi(s[:i])
	if neg {
		if year == 0 {
			return 0, 0, 0, "", errors.New(`year "-0000" is not allowed: write "0000"`)
		}
		year = -year
	}
	s = s[i:]
	if len(s) < 6 || s[0] != '-' || s[3] != '-' {
		return 0, 0, 0, "", errors.New("want -mm-dd after the year")
	}
	m, ok1 := digits2(s[1:3])
	d, ok2 := digits2(s[4:6])
	switch {
	case !ok1 || !ok2:
		return 0, 0, 0, "", errors.New("want -mm-dd after the year")
	case m < 1 || m > 12:
		return 0, 0, 0, "", fmt.Errorf("month %02d out of range", m)
	case d < 1 || d > daysIn(year, time.Month(m)):
		return 0, 0, 0, "", fmt.Errorf("day %02d out of range for %s %d", d, time.Month(m), year)
	}
	return year, time.Month(m), d, s[6:], nil
}

// parseClock parses hh:mm[:ss[.f{1,12}]] at the start of s and returns the rest.
func parseClock(s string) (c clock, rest string, err error) {
	if len(s) < 5 || s[2] != ':' {
		return clock{}, "", errors.New("want hh:mm")
	}
	var ok1, ok2 bool
	c.hour, ok1 = digits2(s[0:2])
	c.minute, ok2 = digits2(s[3:5])
	if !ok1 || !ok2 {
		return clock{}, "", errors.New("want hh:mm")
	}
	if c.hour > 23 || c.minute > 59 {
		return clock{}, "", fmt.Errorf("%s is out of range", s[:5])
	}
	s = s[5:]
	if len(s) == 0 || s[0] != ':' {
		return c, s, nil
	}
	var ok bool
	if len(s) < 3 {
		return clock{}, "", errors.New(`want 2 digits of seconds after ":"`)
	}
	if c.second, ok = digits2(s[1:3]); !ok {
		return clock{}, "", errors.New(`want 2 digits of seconds after ":"`)
	}
	if c.second > 59 {
		return clock{}, "", fmt.Errorf("second %02d out of range", c.second)
	}
	s = s[3:]
	if len(s) == 0 || s[0] != '.' {
		return c, s, nil
	}
	i := 1
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 1 || i > 13 {
		return clock{}, "", errors.New(`want 1 to 12 fractional digits after "."`)
	}
	c.nanos = parseFraction(s[1:i])
	return c, s[i:], nil
}

// parseFraction returns the nanoseconds in fractional digits, dropping those past the ninth.
func parseFraction(digits string) int {
	ns := 0
	for i := 0; i < 9; i++ {
		ns *= 10
		if i < len(digits) {
			ns += int(digits[i] - '0')
		}
	}
	return ns
}

// parseUint parses decimal digits; ok is false when the value overflows uint64.
func parseUint(digits string) (n uint64, ok bool) {
	for i := 0; i < len(digits); i++ {
		d := uint64(digits[i] - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// digits2 parses exactly two decimal digits.
func digits2(s string) (int, bool) {
	if len(s) != 2 || !isDigit(s[0]) || !isDigit(s[1]) {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// isDigit reports whether c is an ASCII decimal digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// daysIn returns the number of days in month m of year y (proleptic Gregorian).
func daysIn(y int, m time.Month) int {
	if m == time.February {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + int((m+m/8)%2) // 31 in Jan, Mar, May, Jul, Aug, Oct, Dec
}

// appendYear writes a year as parseDatePart reads it: at least 4 digits, and a minus
// sign before a negative one.
func appendYear(b []byte, y int) []byte {
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	s := strconv.Itoa(y)
	for i := len(s); i < 4; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// append2 writes n (0 to 99) as 2 digits.
func append2(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// appendClock writes hh:mm:ss and the fraction appendFraction writes.
func appendClock(b []byte, hour, minute, second, nanos int) []byte {
	b = append2(b, hour)
	b = append(b, ':')
	b = append2(b, minute)
	b = append(b, ':')
	b = append2(b, second)
	return appendFraction(b, nanos)
}

// appendFraction writes nanos, truncated to 100 ns, as "." and up to 7 digits without
// trailing zeros; nothing when that leaves none.
func appendFraction(b []byte, nanos int) []byte {
	ticks := nanos / int(tick)
	if ticks == 0 {
		return b
	}
	var d [7]byte
	for i := 6; i >= 0; i-- {
		d[i] = byte('0' + ticks%10)
		ticks /= 10
	}
	n := 7
	for d[n-1] == '0' {
		n--
	}
	b = append(b, '.')
	return append(b, d[:n]...)
}

// marshalText writes text as a JSON string, or null. The texts of these types hold no
// character that JSON escapes, so they are written as they are.
func marshalText(text string, null bool) ([]byte, error) {
	if null {
		return []byte("null"), nil
	}
	b := make([]byte, 0, len(text)+2)
	b = append(b, '"')
	b = append(b, text...)
	return append(b, '"'), nil
}

// unmarshalText reads a JSON string or null for the Edm type typ.
func unmarshalText(typ string, b []byte) (s string, null bool, err error) {
	if string(b) == "null" {
		return "", true, nil
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && plainText(b[1:len(b)-1]) {
		return string(b[1 : len(b)-1]), false, nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", false, fmt.Errorf("graph: an Edm.%s must be a JSON string or null, not %s", typ, abbrev(string(b)))
	}
	return s, false, nil
}

// plainText reports whether s, the inside of a JSON string, is printable ASCII with no
// escape or quote: the text as it is, with nothing for encoding/json to check or change.
// b may come unchecked from an ObjectDecoder (see its span), so anything else goes to
// encoding/json.
func plainText(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c >= 0x80 || c == '\\' || c == '"' {
			return false
		}
	}
	return true
}

// edmError is the error for text that is not a valid value of the Edm type typ.
func edmError(typ, text, reason string) error {
	return fmt.Errorf("graph: invalid Edm.%s %s: %s", typ, abbrev(strconv.Quote(text)), reason)
}

// abbrev shortens s for an error message.
func abbrev(s string) string {
	const n = 64
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
