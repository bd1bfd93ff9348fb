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
	"strconv"
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
// at all ("2021-07-16T10:31:00"), which is taken as UTC. A date alone ("1974-07-22"), which
// some responses carry for a property documented as DateTimeOffset (a contact's birthday),
// is midnight UTC of that date: one such property does not fail the whole response. Years
// are 4 digits or more, with an optional minus sign. The decoded text is kept and written
// back unchanged.
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

// parseDateTimeOffset parses year-month-day[Thh:mm[:ss[.fff]][Z|±hh:mm]].
func parseDateTimeOffset(s string) (time.Time, error) {
	const typ = "DateTimeOffset"
	year, month, day, rest, err := parseDatePart(s)
	if err != nil {
		return time.Time{}, edmError(typ, s, err.Error())
	}
	if rest == "" {
		return time.Date(year, month, day, 0, 0, 0, 0, time.UTC), nil
	}
	if rest[0] != 'T' && rest[0] != 't' {
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
