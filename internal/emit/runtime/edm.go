// Wire types for the OData v4 (Edm) primitives whose JSON form Go's own types do not
// reproduce: Edm.DateTimeOffset, Edm.Date, Edm.TimeOfDay, Edm.Duration and Edm.Binary.
//
// Each is a small immutable value type. A value decoded from JSON keeps the exact text it
// arrived as, so decoding and re-encoding a resource gives the same bytes; a value made
// in Go (NewDateTimeOffset, NewDuration, ...) is written in a canonical form. The zero
// value of each means "never set": it encodes as JSON null, IsZero reports it (so a
// `json:",omitzero"` field is left out), and JSON null decodes to it. For an optional
// field, a pointer with `json:",omitempty"` works as well. Invalid input is an error
// that names the Edm type.
//
// Go's resolution is the nanosecond; Graph's (a .NET tick) is 100 ns. Values made from
// time.Time or time.Duration are therefore written with at most 7 fractional digits,
// trailing zeros dropped, and are truncated (never rounded) to 100 ns. Decoded text with
// more digits is kept as is; the conversions to Go types use the first 9.
//
// The other primitives need no wire type:
//
//   - Edm.Int64 is a Go int64 and travels as a JSON number. The service sends it as a
//     JSON string only when asked to with the IEEE754Compatible=true media type
//     parameter, which this client never sends.
//   - Edm.Decimal is a json.Number, which keeps the digits exactly (no float64
//     rounding) and also accepts a number sent as a JSON string.

package graphrt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// tick is Graph's time resolution: fractional seconds made in Go are truncated to it.
const tick = 100 * time.Nanosecond

// DateTimeOffset is an Edm.DateTimeOffset: an instant with the UTC offset it was written
// in, such as "2021-07-16T10:31:00Z", "2021-07-16T10:31:00.1234567Z" or
// "2021-07-16T10:31:00+01:00".
//
// Decoding accepts RFC 3339 text with 1 to 12 fractional digits, optional seconds (as
// OData allows: "2021-07-16T10:31Z"), lower-case "t" and "z", and also text with no zone
// at all ("2021-07-16T10:31:00"), which is taken as UTC. Years are 4 digits or more, with
// an optional minus sign. The decoded text is kept and written back unchanged.
//
// The zero value was never set: it encodes as JSON null, and Time returns the zero
// time.Time. A value made from the zero time.Time is set and encodes as
// "0001-01-01T00:00:00Z". Compare instants with Time().Equal: == compares the text.
type DateTimeOffset struct {
	text string
}

// NewDateTimeOffset returns t as a DateTimeOffset, written as RFC 3339 in t's offset
// ("Z" when it is zero) with at most 7 fractional digits and no trailing zeros. Time is
// truncated to 100 ns; an offset that is not a whole number of minutes below 24 hours
// (only historical local mean times are) is written as UTC. A year of more than 9 digits,
// far outside what Graph stores, gives text that ParseDateTimeOffset refuses.
func NewDateTimeOffset(t time.Time) DateTimeOffset {
	_, off := t.Zone()
	if off%60 != 0 || off <= -24*3600 || off >= 24*3600 {
		t, off = t.UTC(), 0
	}
	b := make([]byte, 0, 40)
	b = appendYear(b, t.Year())
	b = append(b, '-')
	b = append2(b, int(t.Month()))
	b = append(b, '-')
	b = append2(b, t.Day())
	b = append(b, 'T')
	b = appendClock(b, t.Hour(), t.Minute(), t.Second(), t.Nanosecond())
	switch {
	case off == 0:
		b = append(b, 'Z')
	default:
		sign := byte('+')
		if off < 0 {
			sign, off = '-', -off
		}
		b = append(b, sign)
		b = append2(b, off/3600)
		b = append(b, ':')
		b = append2(b, off/60%60)
	}
	return DateTimeOffset{text: string(b)}
}

// ParseDateTimeOffset parses s as DateTimeOffset's doc describes, keeping the text.
func ParseDateTimeOffset(s string) (DateTimeOffset, error) {
	if _, err := parseDateTimeOffset(s); err != nil {
		return DateTimeOffset{}, err
	}
	return DateTimeOffset{text: s}, nil
}

// Time returns the instant, in a fixed zone with the written offset (time.UTC for "Z",
// a zero offset or no zone). It returns the zero time.Time for the zero DateTimeOffset.
func (d DateTimeOffset) Time() time.Time {
	if d.text == "" {
		return time.Time{}
	}
	t, _ := parseDateTimeOffset(d.text) // the text was checked when d was made
	return t
}

// IsZero reports whether d was never set.
func (d DateTimeOffset) IsZero() bool { return d.text == "" }

// String returns d's text: as it arrived, or as NewDateTimeOffset wrote it; "" for the
// zero value.
func (d DateTimeOffset) String() string { return d.text }

// MarshalJSON writes d's text as a JSON string, or null for the zero value.
func (d DateTimeOffset) MarshalJSON() ([]byte, error) { return marshalText(d.text, d.text == "") }

// UnmarshalJSON reads a JSON string as ParseDateTimeOffset does; null gives the zero value.
func (d *DateTimeOffset) UnmarshalJSON(b []byte) error {
	s, null, err := unmarshalText("DateTimeOffset", b)
	if err != nil || null {
		*d = DateTimeOffset{}
		return err
	}
	v, err := ParseDateTimeOffset(s)
	*d = v
	return err
}

// parseDateTimeOffset parses year-month-dayThh:mm[:ss[.fff]][Z|±hh:mm].
func parseDateTimeOffset(s string) (time.Time, error) {
	const typ = "DateTimeOffset"
	year, month, day, rest, err := parseDatePart(s)
	if err != nil {
		return time.Time{}, edmError(typ, s, err.Error())
	}
	if rest == "" || (rest[0] != 'T' && rest[0] != 't') {
		return time.Time{}, edmError(typ, s, `want "T" after the date`)
	}
	c, rest, err := parseClock(rest[1:])
	if err != nil {
		return time.Time{}, edmError(typ, s, err.Error())
	}
	loc := time.UTC
	switch {
	case rest == "" || rest == "Z" || rest == "z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, ok1 := digits2(rest[1:3])
		m, ok2 := digits2(rest[4:6])
		if !ok1 || !ok2 || h > 23 || m > 59 {
			return time.Time{}, edmError(typ, s, "invalid UTC offset "+strconv.Quote(rest))
		}
		if off := h*3600 + m*60; off != 0 {
			if rest[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	default:
		return time.Time{}, edmError(typ, s, `want "Z", a "+hh:mm" or "-hh:mm" offset, or nothing after the time`)
	}
	return time.Date(year, month, day, c.hour, c.minute, c.second, c.nanos, loc), nil
}

// Date is an Edm.Date, a civil date with no time or zone, written "2021-07-16". Its
// text has one spelling, so the fields are all it holds. The zero Date (all fields zero)
// was never set: it encodes as JSON null. Any other Date must be valid (see IsValid) to
// be encoded.
type Date struct {
	// Year is the year: 4 digits or more on the wire, and 0 is 1 BC as in package time.
	Year int
	// Month is the month of the year, January to December.
	Month time.Month
	// Day is the day of the month, from 1.
	Day int
}

// DateOf returns the date t falls on in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses s, such as "2021-07-16" (year, then 2-digit month and day).
func ParseDate(s string) (Date, error) {
	y, m, d, rest, err := parseDatePart(s)
	if err == nil && rest != "" {
		err = errors.New("unexpected text after the date")
	}
	if err != nil {
		return Date{}, edmError("Date", s, err.Error())
	}
	return Date{Year: y, Month: m, Day: d}, nil
}

// Time returns midnight UTC at the start of d. For another zone use
// time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc).
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether d was never set (all its fields are zero).
func (d Date) IsZero() bool { return d == Date{} }

// IsValid reports whether d is a date that exists: Month from January to December, Day
// within the month, and a year of at most 9 digits.
func (d Date) IsValid() bool { return d.check() == nil }

// check says what makes d invalid, or returns nil.
func (d Date) check() error {
	switch {
	case d.Year < -maxYear || d.Year > maxYear:
		return fmt.Errorf("year %d out of range", d.Year)
	case d.Month < time.January || d.Month > time.December:
		return fmt.Errorf("month %d out of range", int(d.Month))
	case d.Day < 1 || d.Day > daysIn(d.Year, d.Month):
		return fmt.Errorf("day %d out of range for %s %d", d.Day, d.Month, d.Year)
	}
	return nil
}

// String returns d as "2021-07-16" ("" for the zero Date). An invalid date is written as
// its fields are, such as "2021-13-01".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b := appendYear(make([]byte, 0, 12), d.Year)
	b = append(b, '-')
	b = append2(b, int(d.Month))
	b = append(b, '-')
	return string(append2(b, d.Day))
}

// MarshalJSON writes d as a JSON string, or null for the zero Date. An invalid date is an
// error.
func (d Date) MarshalJSON() ([]byte, error) {
	if !d.IsZero() {
		if err := d.check(); err != nil {
			return nil, fmt.Errorf("graph: invalid Edm.Date %+v: %v", d, err)
		}
	}
	return marshalText(d.String(), d.IsZero())
}

// UnmarshalJSON reads a JSON string as ParseDate does; null gives the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	s, null, err := unmarshalText("Date", b)
	if err != nil || null {
		*d = Date{}
		return err
	}
	v, err := ParseDate(s)
	*d = v
	return err
}

// TimeOfDay is an Edm.TimeOfDay, a clock time with no date or zone, such as "10:31:00" or
// "10:31:00.0000000" (Graph writes 7 fractional digits). Decoding accepts hh:mm,
// hh:mm:ss and hh:mm:ss with 1 to 12 fractional digits, and keeps the text. The zero
// value was never set: it encodes as JSON null (midnight is "00:00:00").
type TimeOfDay struct {
	text string
}

// NewTimeOfDay returns the given clock time, written "hh:mm:ss" with at most 7
// fractional digits and no trailing zeros (nanosecond is truncated to 100 ns). It is an
// error for a field to be out of range (hour 0-23, minute and second 0-59, nanosecond
// 0-999999999).
func NewTimeOfDay(hour, minute, second, nanosecond int) (TimeOfDay, error) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanosecond < 0 || nanosecond > 999999999 {
		return TimeOfDay{}, fmt.Errorf("graph: invalid Edm.TimeOfDay: %d:%d:%d and %d ns is out of range", hour, minute, second, nanosecond)
	}
	return TimeOfDay{text: string(appendClock(nil, hour, minute, second, nanosecond))}, nil
}

// TimeOfDayOf returns the clock time of t in t's location, as NewTimeOfDay writes it.
func TimeOfDayOf(t time.Time) TimeOfDay {
	return TimeOfDay{text: string(appendClock(nil, t.Hour(), t.Minute(), t.Second(), t.Nanosecond()))}
}

// ParseTimeOfDay parses s as TimeOfDay's doc describes, keeping the text.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	if _, err := parseTimeOfDay(s); err != nil {
		return TimeOfDay{}, err
	}
	return TimeOfDay{text: s}, nil
}

// Hour returns the hour, 0 to 23.
func (t TimeOfDay) Hour() int { return t.clock().hour }

// Minute returns the minute, 0 to 59.
func (t TimeOfDay) Minute() int { return t.clock().minute }

// Second returns the second, 0 to 59.
func (t TimeOfDay) Second() int { return t.clock().second }

// Nanosecond returns the fraction of the second in nanoseconds, 0 to 999999999 (digits
// past the ninth are dropped).
func (t TimeOfDay) Nanosecond() int { return t.clock().nanos }

// SinceMidnight returns the time elapsed since midnight.
func (t TimeOfDay) SinceMidnight() time.Duration {
	c := t.clock()
	return time.Duration(c.hour)*time.Hour + time.Duration(c.minute)*time.Minute +
		time.Duration(c.second)*time.Second + time.Duration(c.nanos)
}

// IsZero reports whether t was never set.
func (t TimeOfDay) IsZero() bool { return t.text == "" }

// String returns t's text: as it arrived, or as NewTimeOfDay wrote it; "" for the zero
// value.
func (t TimeOfDay) String() string { return t.text }

// MarshalJSON writes t's text as a JSON string, or null for the zero value.
func (t TimeOfDay) MarshalJSON() ([]byte, error) { return marshalText(t.text, t.text == "") }

// UnmarshalJSON reads a JSON string as ParseTimeOfDay does; null gives the zero value.
func (t *TimeOfDay) UnmarshalJSON(b []byte) error {
	s, null, err := unmarshalText("TimeOfDay", b)
	if err != nil || null {
		*t = TimeOfDay{}
		return err
	}
	v, err := ParseTimeOfDay(s)
	*t = v
	return err
}

// clock returns t's fields (all zero for the zero value).
func (t TimeOfDay) clock() clock {
	c, _ := parseTimeOfDay(t.text) // the text was checked when t was made
	return c
}

// parseTimeOfDay parses hh:mm[:ss[.fff]].
func parseTimeOfDay(s string) (clock, error) {
	c, rest, err := parseClock(s)
	if err == nil && rest != "" {
		err = errors.New("unexpected text after the time")
	}
	if err != nil {
		return clock{}, edmError("TimeOfDay", s, err.Error())
	}
	return c, nil
}

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

// Binary is an Edm.Binary: bytes written in base64. Decoding accepts the standard
// alphabet ("+/") and the URL-safe one ("-_", which OData JSON specifies), padded or
// not, but not both alphabets in one value nor whitespace; the text is kept and written
// back unchanged, in the alphabet it came in. A value made with NewBinary is written in
// the standard alphabet with padding, which Graph accepts and itself sends.
//
// The zero value was never set: it encodes as JSON null. An empty value, from "" or
// NewBinary([]byte{}), encodes as "".
type Binary struct {
	text string
	set  bool
}

// NewBinary returns b as a Binary in standard, padded base64. As with encoding/json, a
// nil b gives the zero value (null) and an empty non-nil b gives "".
func NewBinary(b []byte) Binary {
	if b == nil {
		return Binary{}
	}
	return Binary{text: base64.StdEncoding.EncodeToString(b), set: true}
}

// ParseBinary parses s as Binary's doc describes, keeping the text.
func ParseBinary(s string) (Binary, error) {
	if _, err := decodeBinary(s); err != nil {
		return Binary{}, err
	}
	return Binary{text: s, set: true}, nil
}

// Bytes returns a new copy of the bytes: nil for the zero value.
func (b Binary) Bytes() []byte {
	if !b.set {
		return nil
	}
	v, _ := decodeBinary(b.text) // the text was checked when b was made
	return v
}

// IsZero reports whether b was never set.
func (b Binary) IsZero() bool { return !b.set }

// String returns b's base64 text: as it arrived, or as NewBinary wrote it; "" for the
// zero value.
func (b Binary) String() string { return b.text }

// MarshalJSON writes b's text as a JSON string, or null for the zero value.
func (b Binary) MarshalJSON() ([]byte, error) { return marshalText(b.text, !b.set) }

// UnmarshalJSON reads a JSON string as ParseBinary does; null gives the zero value.
func (b *Binary) UnmarshalJSON(data []byte) error {
	s, null, err := unmarshalText("Binary", data)
	if err != nil || null {
		*b = Binary{}
		return err
	}
	v, err := ParseBinary(s)
	*b = v
	return err
}

// decodeBinary decodes base64 in either alphabet, padded or not.
func decodeBinary(s string) ([]byte, error) {
	std, url := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', isDigit(c), c == '=':
		case c == '+' || c == '/':
			std = true
		case c == '-' || c == '_':
			url = true
		default:
			return nil, edmError("Binary", s, fmt.Sprintf("%q at offset %d is not a base64 character", c, i))
		}
	}
	if std && url {
		return nil, edmError("Binary", s, "mixes the standard (+/) and URL-safe (-_) base64 alphabets")
	}
	enc := base64.StdEncoding
	if url {
		enc = base64.URLEncoding
	}
	if !strings.HasSuffix(s, "=") {
		enc = enc.WithPadding(base64.NoPadding)
	}
	v, err := enc.DecodeString(s)
	if err != nil {
		return nil, edmError("Binary", s, "invalid base64: "+err.Error())
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

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
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && !bytes.ContainsAny(b[1:len(b)-1], "\\\"") {
		return string(b[1 : len(b)-1]), false, nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return "", false, fmt.Errorf("graph: an Edm.%s must be a JSON string or null, not %s", typ, abbrev(string(b)))
	}
	return s, false, nil
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
