package graphrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// edmValue is what every Edm wire type implements.
type edmValue interface {
	json.Marshaler
	String() string
	IsZero() bool
}

// roundTrip decodes wire (a JSON value) into a new T and checks that encoding it gives
// wire back, byte for byte, and that String is the text inside the quotes.
func roundTrip[T any, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, wire string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(wire), P(&v)); err != nil {
		t.Fatalf("Unmarshal(%s): %v", wire, err)
	}
	got, err := json.Marshal(any(v))
	if err != nil {
		t.Fatalf("Marshal(Unmarshal(%s)): %v", wire, err)
	}
	if string(got) != wire {
		t.Errorf("Marshal(Unmarshal(%s)) = %s, want it unchanged", wire, got)
	}
	if s := any(v).(edmValue).String(); wire != "null" && `"`+s+`"` != wire {
		t.Errorf("Unmarshal(%s).String() = %q", wire, s)
	}
	return v
}

// decodeErr decodes wire into a new T with its UnmarshalJSON (so that wire need not be
// valid JSON) and returns the error; on error the value must be the zero T.
func decodeErr[T comparable, P interface {
	*T
	json.Unmarshaler
}](wire string) error {
	var v T
	err := P(&v).UnmarshalJSON([]byte(wire))
	var zero T
	if err != nil && v != zero {
		return fmt.Errorf("%w (and left the value non-zero: %v)", err, v)
	}
	return err
}

// checkInvalid checks that err is set and names the Edm type.
func checkInvalid(t *testing.T, typ, in string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s %s: no error", typ, in)
		return
	}
	if !strings.Contains(err.Error(), "Edm."+typ) {
		t.Errorf("%s %s: error %q does not name Edm.%s", typ, in, err, typ)
	}
}

func TestDateTimeOffsetRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		wire string
		want time.Time
	}{
		{`"2021-07-16T10:31:00Z"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31:00.1234567Z"`, time.Date(2021, 7, 16, 10, 31, 0, 123456700, time.UTC)},
		{`"2021-07-16T10:31:00.0000000Z"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31:00.5Z"`, time.Date(2021, 7, 16, 10, 31, 0, 500000000, time.UTC)},
		{`"2021-07-16T10:31:00.123456789012Z"`, time.Date(2021, 7, 16, 10, 31, 0, 123456789, time.UTC)},
		{`"0001-01-01T00:00:00Z"`, time.Time{}},
		{`"9999-12-31T23:59:59.9999999Z"`, time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.UTC)},
		{`"2021-07-16T10:31:00+01:00"`, time.Date(2021, 7, 16, 9, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31:00.25-05:30"`, time.Date(2021, 7, 16, 16, 1, 0, 250000000, time.UTC)},
		{`"2021-07-16T10:31:00+00:00"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31:00-00:00"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31:00"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31:00.0000000"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16T10:31Z"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2021-07-16t10:31:00z"`, time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC)},
		{`"2024-02-29T00:00:00Z"`, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{`"2000-02-29T00:00:00Z"`, time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)},
		{`"0000-01-01T00:00:00Z"`, time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)},
		{`"-0044-03-15T12:00:00Z"`, time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC)},
		{`"10000-01-01T00:00:00Z"`, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{`"2021-07-16T23:59:59+14:00"`, time.Date(2021, 7, 16, 9, 59, 59, 0, time.UTC)},
		// A date alone, as some responses send a contact's birthday: midnight UTC.
		{`"1974-07-22"`, time.Date(1974, 7, 22, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		v := roundTrip[DateTimeOffset](t, tt.wire)
		if got := v.Time(); !got.Equal(tt.want) {
			t.Errorf("%s: Time() = %v, want %v", tt.wire, got, tt.want)
		}
		if v.IsZero() {
			t.Errorf("%s: IsZero() = true", tt.wire)
		}
	}
	// The offset is kept in the time.Time; Z, ±00:00 and no zone are UTC.
	if got := roundTrip[DateTimeOffset](t, `"2021-07-16T10:31:00+01:00"`).Time(); got.Hour() != 10 {
		t.Errorf("+01:00: Time().Hour() = %d, want 10 (in the written offset)", got.Hour())
	} else if _, off := got.Zone(); off != 3600 {
		t.Errorf("+01:00: offset %d, want 3600", off)
	}
	for _, w := range []string{`"2021-07-16T10:31:00Z"`, `"2021-07-16T10:31:00"`, `"2021-07-16T10:31:00+00:00"`, `"1974-07-22"`} {
		if loc := roundTrip[DateTimeOffset](t, w).Time().Location(); loc != time.UTC {
			t.Errorf("%s: location %v, want UTC", w, loc)
		}
	}
}

func TestNewDateTimeOffset(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EDT", -4*3600)
	}
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC), "2021-07-16T10:31:00Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 123456789, time.UTC), "2021-07-16T10:31:00.1234567Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 500000000, time.UTC), "2021-07-16T10:31:00.5Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 99, time.UTC), "2021-07-16T10:31:00Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 100, time.UTC), "2021-07-16T10:31:00.0000001Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.FixedZone("CET", 3600)), "2021-07-16T10:31:00+01:00"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.FixedZone("IST", 5*3600+1800)), "2021-07-16T10:31:00+05:30"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.FixedZone("", -(9*3600+30*60))), "2021-07-16T10:31:00-09:30"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, ny), "2021-07-16T10:31:00-04:00"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.FixedZone("GMT", 0)), "2021-07-16T10:31:00Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.FixedZone("LMT", 561)), "2021-07-16T10:21:39Z"},
		{time.Date(2021, 7, 16, 10, 31, 0, 0, time.FixedZone("odd", 25*3600)), "2021-07-15T09:31:00Z"},
		{time.Time{}, "0001-01-01T00:00:00Z"},
		{time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), "0000-01-01T00:00:00Z"},
		{time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC), "-0044-03-15T00:00:00Z"},
		{time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC), "12345-01-01T00:00:00Z"},
	}
	for _, tt := range tests {
		d := NewDateTimeOffset(tt.in)
		if d.String() != tt.want {
			t.Errorf("NewDateTimeOffset(%v) = %q, want %q", tt.in, d, tt.want)
		}
		if d.IsZero() {
			t.Errorf("NewDateTimeOffset(%v).IsZero() = true", tt.in)
		}
		if got, want := d.Time(), tt.in.Truncate(tick); !got.Equal(want) {
			t.Errorf("NewDateTimeOffset(%v).Time() = %v, want %v", tt.in, got, want)
		}
		if _, err := ParseDateTimeOffset(d.String()); err != nil {
			t.Errorf("NewDateTimeOffset(%v) wrote text it cannot parse: %v", tt.in, err)
		}
	}
	// A time.Time read from the clock carries a monotonic reading; it must not matter.
	now := time.Now()
	if got := NewDateTimeOffset(now).Time(); !got.Equal(now.Truncate(tick)) {
		t.Errorf("NewDateTimeOffset(now).Time() = %v, want %v", got, now.Truncate(tick))
	}
}

func TestDateTimeOffsetInvalid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`""`, `"2021"`, `"2021-07-16Z"`, `"2021-07-16T"`, `"2021-07-16 10:31:00Z"`, `"2021-07-16T10:31:00ZZ"`,
		`"2021-7-16T10:31:00Z"`, `"21-07-16T10:31:00Z"`, `"2021-13-01T00:00:00Z"`,
		`"2021-00-01T00:00:00Z"`, `"2021-02-29T00:00:00Z"`, `"1900-02-29T00:00:00Z"`,
		`"2021-04-31T00:00:00Z"`, `"2021-07-00T00:00:00Z"`, `"2021-07-16T24:00:00Z"`,
		`"2021-07-16T10:60:00Z"`, `"2021-07-16T10:31:60Z"`, `"2021-07-16T10:31:00.Z"`,
		`"2021-07-16T10:31:00.1234567890123Z"`, `"2021-07-16T10:31:00+0100"`,
		`"2021-07-16T10:31:00+24:00"`, `"2021-07-16T10:31:00+01:60"`, `"2021-07-16T10:31:00 +01:00"`,
		`"2021-07-16T10:31:00UTC"`, `"2021-07-16T10"`, `"2021-07-16T10:3"`, `"2021-07-16T10:31:0Z"`,
		`"-0000-01-01T00:00:00Z"`, `"01234-01-01T00:00:00Z"`, `"1234567890-01-01T00:00:00Z"`,
		`"+2021-07-16T10:31:00Z"`, `"２０２１-07-16T10:31:00Z"`, `"2021-07-16T10:31:00\u0000"`,
		`" 2021-07-16T10:31:00Z"`, `"Friday, 16 July 2021"`, `"1626431460"`,
		`1626431460`, `true`, `{}`, `[]`, `"unterminated`,
	} {
		err := decodeErr[DateTimeOffset](in)
		checkInvalid(t, "DateTimeOffset", in, err)
	}
}

func TestDateRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		wire string
		want Date
	}{
		{`"2021-07-16"`, Date{2021, time.July, 16}},
		{`"0001-01-01"`, Date{1, time.January, 1}},
		{`"0000-01-01"`, Date{0, time.January, 1}},
		{`"9999-12-31"`, Date{9999, time.December, 31}},
		{`"2024-02-29"`, Date{2024, time.February, 29}},
		{`"-0001-06-30"`, Date{-1, time.June, 30}},
		{`"12021-07-16"`, Date{12021, time.July, 16}},
	}
	for _, tt := range tests {
		v := roundTrip[Date](t, tt.wire)
		if v != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.wire, v, tt.want)
		}
		if want := time.Date(tt.want.Year, tt.want.Month, tt.want.Day, 0, 0, 0, 0, time.UTC); !v.Time().Equal(want) {
			t.Errorf("%s: Time() = %v, want %v", tt.wire, v.Time(), want)
		}
		if !v.IsValid() || v.IsZero() {
			t.Errorf("%s: IsValid() = %v, IsZero() = %v", tt.wire, v.IsValid(), v.IsZero())
		}
	}
}

func TestDate(t *testing.T) {
	t.Parallel()
	late := time.Date(2021, 7, 16, 23, 30, 0, 0, time.FixedZone("", -5*3600)) // 04:30 UTC on the 17th
	if got := DateOf(late); got != (Date{2021, time.July, 16}) {
		t.Errorf("DateOf(%v) = %+v, want the date in t's location", late, got)
	}
	if got := DateOf(late).String(); got != "2021-07-16" {
		t.Errorf("String() = %q", got)
	}
	if got := (Date{2021, time.July, 16}).Time(); !got.Equal(time.Date(2021, 7, 16, 0, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("Time() = %v", got)
	}
	if d, err := ParseDate("2021-07-16"); err != nil || d != (Date{2021, time.July, 16}) {
		t.Errorf("ParseDate = %+v, %v", d, err)
	}
	for _, d := range []Date{{2021, 13, 1}, {2021, 0, 1}, {2021, time.February, 29}, {2021, time.April, 31}, {2021, time.July, 0}, {0, 0, 1}, {1e10, 1, 1}} {
		if d.IsValid() {
			t.Errorf("%+v.IsValid() = true", d)
		}
		if _, err := json.Marshal(d); err == nil || !strings.Contains(err.Error(), "Edm.Date") {
			t.Errorf("Marshal(%+v): error %v, want one naming Edm.Date", d, err)
		}
	}
	if got := (Date{2021, 13, 1}).String(); got != "2021-13-01" {
		t.Errorf("invalid String() = %q", got)
	}
	for _, in := range []string{
		`""`, `"2021-07-16T00:00:00Z"`, `"2021-07-16Z"`, `"2021-7-16"`, `"2021-07-6"`, `"20210716"`,
		`"2021/07/16"`, `"2021-02-29"`, `"2021-13-01"`, `"2021-00-10"`, `"2021-07-32"`, `"-0000-01-01"`,
		`"0999-1-01"`, `"02021-07-16"`, `"999-07-16"`, `"2021-07-16 "`, `20210716`, `null1`,
	} {
		checkInvalid(t, "Date", in, decodeErr[Date](in))
	}
}

func TestTimeOfDayRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		wire                 string
		h, m, s, ns          int
		sinceMidnight        time.Duration
		wantTruncatedNewText string
	}{
		{`"10:31:00"`, 10, 31, 0, 0, 10*time.Hour + 31*time.Minute, "10:31:00"},
		{`"10:31:00.0000000"`, 10, 31, 0, 0, 10*time.Hour + 31*time.Minute, "10:31:00"},
		{`"08:00:00.0000000"`, 8, 0, 0, 0, 8 * time.Hour, "08:00:00"},
		{`"17:30:00.0000000"`, 17, 30, 0, 0, 17*time.Hour + 30*time.Minute, "17:30:00"},
		{`"00:00:00"`, 0, 0, 0, 0, 0, "00:00:00"},
		{`"23:59:59.9999999"`, 23, 59, 59, 999999900, 24*time.Hour - 100, "23:59:59.9999999"},
		{`"12:34:56.789"`, 12, 34, 56, 789000000, 12*time.Hour + 34*time.Minute + 56789*time.Millisecond, "12:34:56.789"},
		{`"12:34:56.123456789012"`, 12, 34, 56, 123456789, 12*time.Hour + 34*time.Minute + 56*time.Second + 123456789, "12:34:56.1234567"},
		{`"10:31"`, 10, 31, 0, 0, 10*time.Hour + 31*time.Minute, "10:31:00"},
	}
	for _, tt := range tests {
		v := roundTrip[TimeOfDay](t, tt.wire)
		if v.Hour() != tt.h || v.Minute() != tt.m || v.Second() != tt.s || v.Nanosecond() != tt.ns {
			t.Errorf("%s: got %d:%d:%d %dns, want %d:%d:%d %dns", tt.wire, v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), tt.h, tt.m, tt.s, tt.ns)
		}
		if got := v.SinceMidnight(); got != tt.sinceMidnight {
			t.Errorf("%s: SinceMidnight() = %v, want %v", tt.wire, got, tt.sinceMidnight)
		}
		n, err := NewTimeOfDay(v.Hour(), v.Minute(), v.Second(), v.Nanosecond())
		if err != nil || n.String() != tt.wantTruncatedNewText {
			t.Errorf("%s: NewTimeOfDay(its fields) = %q, %v, want %q", tt.wire, n, err, tt.wantTruncatedNewText)
		}
	}
}

func TestTimeOfDay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		h, m, s, ns int
		want        string
	}{
		{0, 0, 0, 0, "00:00:00"},
		{8, 5, 3, 0, "08:05:03"},
		{23, 59, 59, 999999999, "23:59:59.9999999"},
		{12, 0, 0, 10000000, "12:00:00.01"},
		{12, 0, 0, 99, "12:00:00"},
	}
	for _, tt := range tests {
		v, err := NewTimeOfDay(tt.h, tt.m, tt.s, tt.ns)
		if err != nil || v.String() != tt.want {
			t.Errorf("NewTimeOfDay(%d, %d, %d, %d) = %q, %v, want %q", tt.h, tt.m, tt.s, tt.ns, v, err, tt.want)
		}
		if v.IsZero() {
			t.Errorf("NewTimeOfDay(%d, %d, %d, %d).IsZero() = true", tt.h, tt.m, tt.s, tt.ns)
		}
	}
	for _, f := range [][4]int{{24, 0, 0, 0}, {-1, 0, 0, 0}, {0, 60, 0, 0}, {0, 0, 60, 0}, {0, 0, 0, 1e9}, {0, 0, 0, -1}} {
		if _, err := NewTimeOfDay(f[0], f[1], f[2], f[3]); err == nil || !strings.Contains(err.Error(), "Edm.TimeOfDay") {
			t.Errorf("NewTimeOfDay%v: error %v, want one naming Edm.TimeOfDay", f, err)
		}
	}
	at := time.Date(2021, 7, 16, 10, 31, 7, 250000000, time.FixedZone("", 3600))
	if got := TimeOfDayOf(at).String(); got != "10:31:07.25" {
		t.Errorf("TimeOfDayOf(%v) = %q, want the clock in t's location", at, got)
	}
	for _, in := range []string{
		`""`, `"10"`, `"10:3"`, `"1:31:00"`, `"10:31:0"`, `"24:00:00"`, `"10:60:00"`, `"10:31:60"`,
		`"10:31:00."`, `"10:31:00.1234567890123"`, `"10:31:00Z"`, `"10:31:00+01:00"`, `"10:31:00 "`,
		`"10.31.00"`, `"T10:31:00"`, `"PT10H"`, `37800`, `[]`,
	} {
		checkInvalid(t, "TimeOfDay", in, decodeErr[TimeOfDay](in))
	}
}

func TestDurationRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		wire string
		want time.Duration
	}{
		{`"PT1H30M"`, 90 * time.Minute},
		{`"P1D"`, 24 * time.Hour},
		{`"P1DT2H"`, 26 * time.Hour},
		{`"-PT0.5S"`, -500 * time.Millisecond},
		{`"+PT1S"`, time.Second},
		{`"PT0S"`, 0},
		{`"-PT0S"`, 0},
		{`"P0D"`, 0},
		{`"PT15M"`, 15 * time.Minute},
		{`"PT30S"`, 30 * time.Second},
		{`"PT90M"`, 90 * time.Minute},
		{`"PT36H"`, 36 * time.Hour},
		{`"PT0.0000001S"`, 100},
		{`"PT1.123456789123S"`, time.Second + 123456789},
		{`"P2DT3H4M5.25S"`, 51*time.Hour + 4*time.Minute + 5250*time.Millisecond},
		{`"-P1DT2H3M4.5S"`, -(26*time.Hour + 3*time.Minute + 4500*time.Millisecond)},
		{`"P10675199DT2H48M5.4775807S"`, math.MaxInt64},  // .NET TimeSpan.MaxValue
		{`"-P10675199DT2H48M5.4775808S"`, math.MinInt64}, // .NET TimeSpan.MinValue
		{`"P106751DT23H47M16.854775807S"`, math.MaxInt64},
		{`"-P106751DT23H47M16.854775808S"`, math.MinInt64},
		{`"P106751DT23H47M16.854775806S"`, math.MaxInt64 - 1},
		{`"PT99999999999999999999999999H"`, math.MaxInt64},
		{`"-PT99999999999999999999999999H"`, math.MinInt64},
	}
	for _, tt := range tests {
		v := roundTrip[Duration](t, tt.wire)
		if got := v.ToDuration(); got != tt.want {
			t.Errorf("%s: ToDuration() = %v, want %v", tt.wire, got, tt.want)
		}
	}
}

func TestNewDuration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "PT0S"},
		{90 * time.Minute, "PT1H30M"},
		{24 * time.Hour, "P1D"},
		{26 * time.Hour, "P1DT2H"},
		{36*time.Hour + 30*time.Minute, "P1DT12H30M"},
		{-500 * time.Millisecond, "-PT0.5S"},
		{time.Second, "PT1S"},
		{time.Minute + time.Millisecond, "PT1M0.001S"},
		{48*time.Hour + 1, "P2D"},
		{99, "PT0S"},
		{-99, "PT0S"},
		{100, "PT0.0000001S"},
		{-150, "-PT0.0000001S"},
		{math.MaxInt64, "P106751DT23H47M16.8547758S"},
		{math.MinInt64, "-P106751DT23H47M16.8547758S"},
	}
	for _, tt := range tests {
		d := NewDuration(tt.in)
		if d.String() != tt.want {
			t.Errorf("NewDuration(%v) = %q, want %q", tt.in, d, tt.want)
		}
		if got, want := d.ToDuration(), tt.in/tick*tick; got != want {
			t.Errorf("NewDuration(%v).ToDuration() = %v, want %v", tt.in, got, want)
		}
		if _, err := ParseDuration(d.String()); err != nil {
			t.Errorf("NewDuration(%v) wrote text it cannot parse: %v", tt.in, err)
		}
	}
}

func TestDurationInvalid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`""`, `"P"`, `"PT"`, `"-P"`, `"P1DT"`, `"1H"`, `"T1H"`, `"pt1h"`, `"PT1h"`,
		`"P1Y"`, `"P1M"`, `"P1W"`, `"P1Y2M3DT4H"`, `"P1H"`, `"PT1D"`, `"PT1H1H"`, `"PT1M1H"`,
		`"P1D1D"`, `"PT1S1M"`, `"PT1.5M"`, `"P1.5D"`, `"PT.5S"`, `"PT1.S"`, `"PT1"`, `"P-1D"`,
		`"--PT1S"`, `"PT1H "`, `" PT1H"`, `"PT1HT1M"`, `"P1DTT1H"`, `"PT1,5S"`, `"01:30:00"`,
		`"1.02:00:00"`, `5400`, `{}`, `"PT1H`,
	} {
		checkInvalid(t, "Duration", in, decodeErr[Duration](in))
	}
	if err := decodeErr[Duration](`"P1Y"`); err == nil || !strings.Contains(err.Error(), "no fixed length") {
		t.Errorf(`"P1Y": error %v, want it to say why years are refused`, err)
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		wire string
		want []byte
	}{
		{`"SGVsbG8sIFdvcmxkIQ=="`, []byte("Hello, World!")},
		{`"SGVsbG8sIFdvcmxkIQ"`, []byte("Hello, World!")},
		{`"AAECAwQ="`, []byte{0, 1, 2, 3, 4}},
		{`"+/+/"`, []byte{0xfb, 0xff, 0xbf}},
		{`"-_-_"`, []byte{0xfb, 0xff, 0xbf}},
		{`"-_8="`, []byte{0xfb, 0xff}},
		{`"-_8"`, []byte{0xfb, 0xff}},
		{`"+/8="`, []byte{0xfb, 0xff}},
		{`"QQ=="`, []byte("A")},
		{`"QR=="`, []byte("A")}, // non-zero padding bits: accepted and kept
		{`"iVBORw0KGgo="`, []byte("\x89PNG\r\n\x1a\n")},
		{`""`, []byte{}},
	}
	for _, tt := range tests {
		v := roundTrip[Binary](t, tt.wire)
		if got := v.Bytes(); !bytes.Equal(got, tt.want) || got == nil {
			t.Errorf("%s: Bytes() = %#v, want %#v", tt.wire, got, tt.want)
		}
		if v.IsZero() {
			t.Errorf("%s: IsZero() = true", tt.wire)
		}
	}
	// Bytes returns a copy each time.
	v, _ := ParseBinary("AAECAwQ=")
	v.Bytes()[0] = 9
	if v.Bytes()[0] != 0 {
		t.Error("Bytes() shares its memory")
	}
}

func TestBinary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       []byte
		wantJSON string
	}{
		{nil, `null`},
		{[]byte{}, `""`},
		{[]byte("Hello, World!"), `"SGVsbG8sIFdvcmxkIQ=="`},
		{[]byte{0xfb, 0xff}, `"+/8="`},
	}
	for _, tt := range tests {
		b := NewBinary(tt.in)
		got, err := json.Marshal(b)
		if err != nil || string(got) != tt.wantJSON {
			t.Errorf("Marshal(NewBinary(%q)) = %s, %v, want %s", tt.in, got, err, tt.wantJSON)
		}
		if b.IsZero() != (tt.in == nil) {
			t.Errorf("NewBinary(%q).IsZero() = %v", tt.in, b.IsZero())
		}
		if back := b.Bytes(); !bytes.Equal(back, tt.in) || (back == nil) != (tt.in == nil) {
			t.Errorf("NewBinary(%q).Bytes() = %#v", tt.in, back)
		}
	}
	for _, in := range []string{
		`"+_"`, `"ab-/"`, `"SGVsbG8=\n"`, `"SGVs bG8="`, `"SGVsbG8==="`, `"S"`, `"SGVsbG8=SGVsbG8="`,
		`"=SGVsbG8"`, `"SGVsbG8*"`, `"SGVsbG8\u00e9"`, `"SGVsbA="`, `123`, `[1,2]`,
	} {
		checkInvalid(t, "Binary", in, decodeErr[Binary](in))
	}
}

// TestNull checks that null decodes to the zero value, overwriting what was there, and
// that the zero value encodes as null and has an empty String.
func TestNull(t *testing.T) {
	t.Parallel()
	dto, _ := ParseDateTimeOffset("2021-07-16T10:31:00Z")
	tod, _ := ParseTimeOfDay("10:31:00")
	dur, _ := ParseDuration("PT1H")
	bin, _ := ParseBinary("QQ==")
	date := Date{2021, time.July, 16}
	for _, v := range []interface {
		edmValue
		json.Unmarshaler
	}{&dto, &date, &tod, &dur, &bin} {
		if err := json.Unmarshal([]byte("null"), v); err != nil {
			t.Errorf("%T: Unmarshal(null): %v", v, err)
		}
		if !v.IsZero() || v.String() != "" {
			t.Errorf("%T: after null, IsZero() = %v, String() = %q", v, v.IsZero(), v.String())
		}
		if b, err := json.Marshal(v); err != nil || string(b) != "null" {
			t.Errorf("%T: zero value encodes as %s, %v, want null", v, b, err)
		}
	}
	var zero struct {
		A DateTimeOffset
		B Date
		C TimeOfDay
		D Duration
		E Binary
	}
	if !zero.A.Time().IsZero() || !zero.B.IsZero() || zero.C.Hour() != 0 || zero.C.SinceMidnight() != 0 || zero.D.ToDuration() != 0 || zero.E.Bytes() != nil {
		t.Error("a zero value's accessors do not return zeros")
	}
	roundTrip[DateTimeOffset](t, "null")
	roundTrip[Date](t, "null")
	roundTrip[TimeOfDay](t, "null")
	roundTrip[Duration](t, "null")
	roundTrip[Binary](t, "null")
}

// event is how generated code uses the types: optional fields as pointers with
// omitempty, or as values with omitzero.
type event struct {
	ID       string          `json:"id"`
	Start    *DateTimeOffset `json:"start,omitempty"`
	Day      *Date           `json:"day,omitempty"`
	At       *TimeOfDay      `json:"at,omitempty"`
	Length   *Duration       `json:"length,omitempty"`
	Content  *Binary         `json:"content,omitempty"`
	Created  DateTimeOffset  `json:"created,omitzero"`
	Birthday Date            `json:"birthday,omitzero"`
	Reminder Duration        `json:"reminder,omitzero"`
	Modified DateTimeOffset  `json:"modified"`
}

func TestInStruct(t *testing.T) {
	t.Parallel()
	full := `{"id":"1","start":"2021-07-16T10:31:00.0000000Z","day":"2021-07-16","at":"08:00:00.0000000",` +
		`"length":"PT1H30M","content":"SGk=","created":"2021-07-16T10:31:00+01:00","birthday":"1990-02-28",` +
		`"reminder":"-PT15M","modified":"2021-07-16T10:31:00"}`
	var e event
	if err := json.Unmarshal([]byte(full), &e); err != nil {
		t.Fatal(err)
	}
	if e.Start == nil || e.Start.Time().Nanosecond() != 0 || e.Length.ToDuration() != 90*time.Minute ||
		string(e.Content.Bytes()) != "Hi" || e.At.Hour() != 8 || e.Birthday.Day != 28 || e.Reminder.ToDuration() != -15*time.Minute {
		t.Errorf("decoded %+v", e)
	}
	got, err := json.Marshal(e)
	if err != nil || string(got) != full {
		t.Errorf("re-encoded:\n%s, %v\nwant\n%s", got, err, full)
	}

	// Absent and null fields: nil pointers and zero values, left out again (but for the
	// field without omitzero, which is null).
	sparse := `{"id":"2","start":null,"content":null,"created":null,"modified":null}`
	e = event{}
	if err := json.Unmarshal([]byte(sparse), &e); err != nil {
		t.Fatal(err)
	}
	if e.Start != nil || e.Content != nil || !e.Created.IsZero() || !e.Modified.IsZero() {
		t.Errorf("decoded %+v", e)
	}
	got, err = json.Marshal(e)
	if want := `{"id":"2","modified":null}`; err != nil || string(got) != want {
		t.Errorf("re-encoded %s, %v, want %s", got, err, want)
	}

	// Values set in Go.
	e = event{
		ID:       "3",
		Start:    Ptr(NewDateTimeOffset(time.Date(2021, 7, 16, 10, 31, 0, 0, time.UTC))),
		Length:   Ptr(NewDuration(30 * time.Minute)),
		Content:  Ptr(NewBinary([]byte{})),
		Birthday: Date{1990, time.February, 28},
		Modified: NewDateTimeOffset(time.Time{}),
	}
	got, err = json.Marshal(e)
	want := `{"id":"3","start":"2021-07-16T10:31:00Z","length":"PT30M","content":"","birthday":"1990-02-28","modified":"0001-01-01T00:00:00Z"}`
	if err != nil || string(got) != want {
		t.Errorf("encoded %s, %v, want %s", got, err, want)
	}

	// An invalid field fails the whole decode, with an error naming the type.
	err = json.Unmarshal([]byte(`{"id":"4","length":"P1Y"}`), &e)
	checkInvalid(t, "Duration", "in a struct", err)
}

// TestFormatValueStringer checks that the types format as OData URL literals through
// their String method, as function arguments do.
func TestFormatValueStringer(t *testing.T) {
	t.Parallel()
	d, _ := ParseDateTimeOffset("2021-07-16T10:31:00.1234567Z")
	if got := formatValue(d, false); got != "2021-07-16T10:31:00.1234567Z" {
		t.Errorf("formatValue(DateTimeOffset) = %q", got)
	}
	if got := formatValue(Date{2021, time.July, 16}, false); got != "2021-07-16" {
		t.Errorf("formatValue(Date) = %q", got)
	}
	if got := formatValue(NewDuration(time.Hour), false); got != "PT1H" {
		t.Errorf("formatValue(Duration) = %q", got)
	}
}

// fuzzText checks one parser on s: no panic, and a value that parses re-encodes as s,
// both as text and as JSON, and decodes from JSON to the same value.
func fuzzText[T comparable, P interface {
	*T
	json.Unmarshaler
}](t *testing.T, s string, parse func(string) (T, error)) (T, bool) {
	v, err := parse(s)
	var zero T
	if err != nil {
		if v != zero {
			t.Errorf("%q: error %v with a non-zero value", s, err)
		}
		return zero, false
	}
	if got := any(v).(edmValue).String(); got != s {
		t.Errorf("%q: String() = %q", s, got)
	}
	wire, _ := json.Marshal(s)
	got, err := json.Marshal(v)
	if err != nil || !bytes.Equal(got, wire) {
		t.Errorf("%q: Marshal = %s, %v, want %s", s, got, err, wire)
	}
	var back T
	if err := json.Unmarshal(wire, P(&back)); err != nil || back != v {
		t.Errorf("%q: Unmarshal(%s) = %v, %v", s, wire, back, err)
	}
	// The raw bytes as a JSON document must not panic either.
	var raw T
	_ = P(&raw).UnmarshalJSON([]byte(s))
	return v, true
}

func FuzzDateTimeOffset(f *testing.F) {
	for _, s := range []string{"2021-07-16T10:31:00Z", "2021-07-16T10:31:00.1234567Z", "0001-01-01T00:00:00Z",
		"2021-07-16T10:31:00+01:00", "2021-07-16T10:31:00", "-0044-03-15T12:00Z", "12345-12-31t23:59:59.999999999999z",
		"2024-02-29T00:00:00-23:59", "2021-02-29T00:00:00Z", `"2021-07-16T10:31:00Z"`, "null", "1974-07-22"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fuzzText[DateTimeOffset](t, s, ParseDateTimeOffset)
		if !ok {
			return
		}
		// Re-making the value from its time gives the same instant, to 100 ns.
		tm := v.Time()
		n := NewDateTimeOffset(tm)
		if _, err := ParseDateTimeOffset(n.String()); err != nil {
			t.Fatalf("%q: NewDateTimeOffset(%v) = %q does not parse: %v", s, tm, n, err)
		}
		if !n.Time().Equal(tm.Truncate(tick)) {
			t.Errorf("%q: NewDateTimeOffset(Time()).Time() = %v, want %v", s, n.Time(), tm.Truncate(tick))
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2021-07-16", "0000-01-01", "-0001-12-31", "123456789-01-01", "2024-02-29", "2021-02-29", "null"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fuzzText[Date](t, s, ParseDate)
		if !ok {
			return
		}
		if !v.IsValid() || v.IsZero() {
			t.Errorf("%q: parsed to %+v, IsValid %v", s, v, v.IsValid())
		}
		if got := DateOf(v.Time()); got != v {
			t.Errorf("%q: DateOf(Time()) = %+v", s, got)
		}
	})
}

func FuzzTimeOfDay(f *testing.F) {
	for _, s := range []string{"10:31:00", "10:31:00.0000000", "23:59:59.999999999999", "10:31", "24:00:00", "null"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fuzzText[TimeOfDay](t, s, ParseTimeOfDay)
		if !ok {
			return
		}
		n, err := NewTimeOfDay(v.Hour(), v.Minute(), v.Second(), v.Nanosecond())
		if err != nil {
			t.Fatalf("%q: NewTimeOfDay(its fields): %v", s, err)
		}
		if got, want := n.SinceMidnight(), v.SinceMidnight()/tick*tick; got != want {
			t.Errorf("%q: NewTimeOfDay(its fields).SinceMidnight() = %v, want %v", s, got, want)
		}
	})
}

func FuzzDuration(f *testing.F) {
	for _, s := range []string{"PT1H30M", "P1D", "-PT0.5S", "P1DT2H", "PT0S", "+P0D", "P10675199DT2H48M5.4775807S",
		"-P106751DT23H47M16.854775808S", "P1Y", "PT", "PT1.5M", "null"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fuzzText[Duration](t, s, ParseDuration)
		if !ok {
			return
		}
		d := v.ToDuration()
		n := NewDuration(d)
		if _, err := ParseDuration(n.String()); err != nil {
			t.Fatalf("%q: NewDuration(%v) = %q does not parse: %v", s, d, n, err)
		}
		if got := n.ToDuration(); got != d/tick*tick {
			t.Errorf("%q: NewDuration(%v).ToDuration() = %v", s, d, got)
		}
	})
}

func FuzzBinary(f *testing.F) {
	for _, s := range []string{"SGVsbG8sIFdvcmxkIQ==", "SGVsbG8sIFdvcmxkIQ", "-_8=", "+/8", "", "QR==", "+_", "null"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fuzzText[Binary](t, s, ParseBinary)
		if !ok {
			return
		}
		b := v.Bytes()
		if b == nil {
			t.Fatalf("%q: Bytes() = nil for a set value", s)
		}
		if got := NewBinary(b).Bytes(); !bytes.Equal(got, b) {
			t.Errorf("%q: NewBinary(Bytes()).Bytes() = %x, want %x", s, got, b)
		}
	})
}
