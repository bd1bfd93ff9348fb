package graphrt

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is an Edm.Duration: an ISO 8601 day-time duration such as "PT1H30M", "P1D",
// "P1DT2H", "-PT0.5S" or "PT0S". Decoding accepts an optional sign, then "P", then days
// ("nD"), then after "T" hours, minutes and seconds ("nH", "nM", "n.fffS"), each
// optional but at least one present, and keeps the text.
//
// Years, months and weeks are rejected: OData's Edm.Duration does not have them (it is
// XML Schema's dayTimeDuration, and Graph writes .NET TimeSpan values, which never use
// them), and a year or month has no fixed length to convert to time.Duration.
//
// The zero value was never set: it encodes as JSON null (a zero length is "PT0S").
type Duration struct {
	text string
}

// NewDuration returns d as a Duration in canonical form: days, then hours, minutes and
// seconds, leaving out zero parts, with at most 7 fractional digits and no trailing
// zeros; for example 36h30m is "P1DT12H30M", -500ms is "-PT0.5S" and 0 is "PT0S". d is
// truncated toward zero to 100 ns.
func NewDuration(d time.Duration) Duration {
	d = d / tick * tick
	var b []byte
	mag := uint64(d)
	if d < 0 {
		b = append(b, '-')
		mag = -mag // two's complement: right for math.MinInt64 too
	}
	b = append(b, 'P')
	const day = uint64(24 * time.Hour)
	if days := mag / day; days > 0 {
		b = strconv.AppendUint(b, days, 10)
		b = append(b, 'D')
	}
	rem := mag % day
	if rem == 0 && mag != 0 {
		return Duration{text: string(b)}
	}
	b = append(b, 'T')
	if h := rem / uint64(time.Hour); h > 0 {
		b = strconv.AppendUint(b, h, 10)
		b = append(b, 'H')
	}
	if m := rem / uint64(time.Minute) % 60; m > 0 {
		b = strconv.AppendUint(b, m, 10)
		b = append(b, 'M')
	}
	if s, ns := rem/uint64(time.Second)%60, rem%uint64(time.Second); s > 0 || ns > 0 || mag == 0 {
		b = strconv.AppendUint(b, s, 10)
		b = appendFraction(b, int(ns))
		b = append(b, 'S')
	}
	return Duration{text: string(b)}
}

// ParseDuration parses s as Duration's doc describes, keeping the text.
func ParseDuration(s string) (Duration, error) {
	if _, err := parseDuration(s); err != nil {
		return Duration{}, err
	}
	return Duration{text: s}, nil
}

// ToDuration returns d as a time.Duration: 0 for the zero value, digits past the ninth
// fractional one dropped, and a length beyond time.Duration's range of about 292 years
// (.NET's TimeSpan.MaxValue, "P10675199DT2H48M5.4775807S", is one) saturated to
// math.MaxInt64 or math.MinInt64 nanoseconds.
func (d Duration) ToDuration() time.Duration {
	if d.text == "" {
		return 0
	}
	v, _ := parseDuration(d.text) // the text was checked when d was made
	return v
}

// IsZero reports whether d was never set.
func (d Duration) IsZero() bool { return d.text == "" }

// String returns d's text: as it arrived, or as NewDuration wrote it; "" for the zero
// value.
func (d Duration) String() string { return d.text }

// MarshalJSON writes d's text as a JSON string, or null for the zero value.
func (d Duration) MarshalJSON() ([]byte, error) { return marshalText(d.text, d.text == "") }

// UnmarshalJSON reads a JSON string as ParseDuration does; null gives the zero value.
func (d *Duration) UnmarshalJSON(b []byte) error {
	s, null, err := unmarshalText("Duration", b)
	if err != nil || null {
		*d = Duration{}
		return err
	}
	v, err := ParseDuration(s)
	*d = v
	return err
}

// parseDuration parses [sign]P[nD][T[nH][nM][n[.f]S]] into a saturated time.Duration.
func parseDuration(s string) (time.Duration, error) {
	fail := func(reason string) (time.Duration, error) {
		return 0, edmError("Duration", s, reason)
	}
	rest := s
	neg := false
	if rest != "" && (rest[0] == '-' || rest[0] == '+') {
		neg = rest[0] == '-'
		rest = rest[1:]
	}
	if rest == "" || rest[0] != 'P' {
		return fail(`want "P" (after an optional sign)`)
	}
	rest = rest[1:]
	var total uint64 // magnitude in ns, saturated at 1<<63
	const limit = uint64(1) << 63
	add := func(n, unit uint64) {
		if n > limit/unit || n*unit > limit-total {
			total = limit
			return
		}
		total += n * unit
	}
	parts := 0
	// order lists the designators in the order they must come; T splits date from time.
	order := "DTHMS"
	sawT := false
	timeParts := 0
	for rest != "" {
		if rest[0] == 'T' {
			if sawT || !strings.Contains(order, "T") {
				return fail(`misplaced "T"`)
			}
			sawT, order, rest = true, "HMS", rest[1:]
			if rest == "" {
				return fail(`want hours, minutes or seconds after "T"`)
			}
			continue
		}
		i := 0
		for i < len(rest) && isDigit(rest[i]) {
			i++
		}
		if i == 0 {
			return fail("want digits at " + strconv.Quote(rest))
		}
		n, nOK := parseUint(rest[:i])
		rest = rest[i:]
		frac, fracDigits := 0, 0
		if rest != "" && rest[0] == '.' {
			j := 1
			for j < len(rest) && isDigit(rest[j]) {
				j++
			}
			if j == 1 {
				return fail(`want digits after "."`)
			}
			frac, fracDigits = parseFraction(rest[1:j]), j-1
			rest = rest[j:]
		}
		if rest == "" {
			return fail("want a designator (D, H, M or S) after the number")
		}
		des := rest[0]
		rest = rest[1:]
		k := strings.IndexByte(order, des)
		switch {
		case des == 'Y' || des == 'W' || (des == 'M' && !sawT):
			return fail("years, months and weeks have no fixed length and are not allowed in an Edm.Duration")
		case k < 0 || des == 'T':
			return fail(fmt.Sprintf("unexpected or misplaced %q", des))
		case fracDigits > 0 && des != 'S':
			return fail("only seconds may have a fraction")
		case (des == 'H' || des == 'M' || des == 'S') && !sawT:
			return fail(fmt.Sprintf("%q needs a \"T\" before it", des))
		}
		order = order[k+1:]
		parts++
		if sawT {
			timeParts++
		}
		if !nOK {
			total = limit
		}
		switch des {
		case 'D':
			add(n, uint64(24*time.Hour))
		case 'H':
			add(n, uint64(time.Hour))
		case 'M':
			add(n, uint64(time.Minute))
		case 'S':
			add(n, uint64(time.Second))
			add(uint64(frac), 1)
		}
	}
	if parts == 0 {
		return fail("want at least one of days, hours, minutes or seconds")
	}
	if sawT && timeParts == 0 {
		return fail(`want hours, minutes or seconds after "T"`)
	}
	if neg {
		if total >= limit {
			return math.MinInt64, nil
		}
		return -time.Duration(total), nil
	}
	if total >= limit {
		return math.MaxInt64, nil
	}
	return time.Duration(total), nil
}
