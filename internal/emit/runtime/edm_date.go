package graphrt

import (
	"errors"
	"fmt"
	"time"
)

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
